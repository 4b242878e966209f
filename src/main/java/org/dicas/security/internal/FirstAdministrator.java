package org.dicas.security.internal;

import java.util.Set;
import org.dicas.security.Directory;
import org.dicas.security.OrganizationKind;
import org.dicas.security.Role;
import org.dicas.shared.AccessLevel;
import org.dicas.shared.NationCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * For a real installation (demo mode off): when {@code DICAS_ADMIN_PASSWORD} is set and no administrator exists yet,
 * creates the secretariat's first administrator account {@code admin} so that someone can sign in at all.
 */
@Component
@Order(10)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final Directory directory;
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final String password;
    private final String nation;

    FirstAdministrator(Directory directory, JdbcClient jdbc, PasswordEncoder encoder,
                       @Value("${dicas.admin.password:${DICAS_ADMIN_PASSWORD:}}") String password,
                       @Value("${dicas.admin.nation:USA}") String nation) {
        this.directory = directory;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.password = password;
        this.nation = nation;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (password.isBlank()) {
            return;
        }
        boolean adminExists = jdbc.sql("select exists (select 1 from app_user where 'ADMIN' = any(roles) and not demo)")
                .query(Boolean.class).single();
        if (adminExists) {
            return;
        }
        if (password.length() < 12) {
            throw new IllegalStateException("DICAS_ADMIN_PASSWORD must be at least 12 characters");
        }
        NationCode n = NationCode.of(nation);
        // safe when nodes start together: StartupSeeding lets one node at a time get here, and the inserts leave a row
        // that another node made meanwhile alone
        long org = directory.organizationIdOrCreate("DICAS secretariat", "DICAS事務局", OrganizationKind.GOVERNMENT, n);
        String username = directory.userByUsername("admin").isPresent() ? "secretariat.admin" : "admin";
        if (directory.createUserIfAbsent(new Directory.NewUser(username, encoder.encode(password),
                "Secretariat administrator", n, org, AccessLevel.CUI, Set.of(Role.ADMIN), Set.of(), false)).isEmpty()) {
            return;
        }
        log.info("Created the first administrator account '{}'", username);
    }
}
