package org.dicas.security.internal;

import org.dicas.platform.DemoMode;
import org.dicas.security.DicasPrincipal;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads accounts for sign-in. Demo accounts are disabled whenever demo mode is off. */
@Component
class UserAccounts implements UserDetailsService {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final DemoMode demoMode;

    UserAccounts(JdbcClient jdbc, Directory directory, DemoMode demoMode) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.demoMode = demoMode;
    }

    @Override
    public DicasPrincipal loadUserByUsername(String username) {
        DicasUser user = directory.userByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        record Account(String hash, boolean enabled, boolean demo) {
        }
        Account a = jdbc.sql("select password_hash as hash, enabled, demo from app_user where id = :id")
                .param("id", user.id()).query(Account.class).single();
        return new DicasPrincipal(user, a.hash(), a.enabled() && (!a.demo() || demoMode.enabled()));
    }
}
