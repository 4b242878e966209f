package org.dicas.sosa.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dicas.platform.DemoMode;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.ReadableRecords;
import org.dicas.sosa.SosaAcknowledgement;
import org.dicas.sosa.SosaRequest;
import org.dicas.sosa.SosaRequestCommand;
import org.dicas.sosa.SosaRequests;
import org.dicas.sosa.SosaResponseCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only: three illustrative SoSA requests, written through {@link SosaRequests} as the demo users who would
 * plausibly write them, once (while there is no request yet) — one just submitted (Japan asks the United States),
 * one acknowledged and one with a partial acceptance (the United States asks Japan). Supplier and relieved nodes
 * are linked only when a matching supply-network node exists (the supply networks are seeded before, with
 * {@code @Order(10)}); otherwise the supplier is named in text. Runs after the demo users ({@code @Order(0)}).
 */
@Component
@Order(20)
class SosaDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SosaDemoData.class);
    private static final String MARKING = "CUI//REL TO USA, JPN";

    private final DemoMode demoMode;
    private final Directory directory;
    private final SosaRequests requests;
    private final ReadableRecords readable;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    SosaDemoData(DemoMode demoMode, Directory directory, SosaRequests requests, ReadableRecords readable, JdbcClient jdbc,
                 PlatformTransactionManager transactionManager) {
        this.demoMode = demoMode;
        this.directory = directory;
        this.requests = requests;
        this.readable = readable;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.enabled()) {
            return;
        }
        if (jdbc.sql("select exists (select 1 from sosa_request)").query(Boolean.class).single()) {
            log.debug("Demo mode: SoSA requests exist already; demo requests not loaded again");
            return;
        }
        Optional<DicasUser> jp = directory.userByUsername("jp.atla");
        Optional<DicasUser> us = directory.userByUsername("us.acq");
        if (jp.isEmpty() || us.isEmpty()) {
            log.debug("Demo mode: demo users missing; demo SoSA requests not loaded");
            return;
        }
        Integer n = transaction.execute(status -> seed(jp.get(), us.get()));
        log.info("Demo SoSA requests loaded: {}", n);
    }

    private int seed(DicasUser jp, DicasUser us) {
        var today = requests.today();
        SosaRequest amraam = requests.submit(jp, new SosaRequestCommand("USA", "AMRAAM (AIM-120)",
                "Rocket-motor igniter assembly", node(jp, "RM-US-1 %"), "Example Propulsion (illustrative)", 40,
                today.plusDays(120),
                "Japan's AMRAAM co-production lot is held up by rocket-motor igniter assemblies; a delivery ahead of "
                        + "the current schedule keeps the lot acceptance date.",
                MARKING, nodes(jp, "RM-US-1 %", "FA-JP-AMRAAM %")));
        SosaRequest seeker = requests.submit(us, new SosaRequestCommand("JPN", "PAC-3 MSE",
                "Seeker gimbal bearing set", node(us, "SK-JP-1 %"), "Fuji Electronics (illustrative)", 60,
                today.plusDays(90),
                "Seeker production for the PAC-3 MSE ramp-up waits on precision gimbal bearings made in Japan; "
                        + "earlier delivery protects the interceptor delivery schedule.",
                MARKING, nodes(us, "SK-JP-1 %", "FA-US-PAC3 %")));
        requests.acknowledge(jp, seeker.id(), new SosaAcknowledgement("ATLA SoSA desk has contacted the supplier."));
        SosaRequest nose = requests.submit(us, new SosaRequestCommand("JPN", "AMRAAM and PAC-3 MSE rocket motors",
                "Carbon-fibre rocket-motor cases", node(us, "CC-JP-1 %"), "Tokai Composites (illustrative)", 24,
                today.plusDays(150),
                "Rocket motor line A needs the cases before the next casting campaign; the US case supplier is "
                        + "fully booked.",
                MARKING, nodes(us, "CC-JP-1 %", "RM-US-1 %")));
        requests.acknowledge(jp, nose.id(), new SosaAcknowledgement(""));
        requests.respond(jp, nose.id(), new SosaResponseCommand(SosaRequest.Response.PARTIALLY_ACCEPTED,
                today.plusDays(170), 16, "The firm can bring 16 cases forward; the remaining 8 follow the "
                + "current schedule."));
        return List.of(amraam, seeker, nose).size();
    }

    /** The first supply-network node whose title matches one of the patterns and that the user may read. */
    private Long node(DicasUser user, String... patterns) {
        List<Long> found = nodes(user, patterns);
        return found.isEmpty() ? null : found.get(0);
    }

    private List<Long> nodes(DicasUser user, String... patterns) {
        List<Long> ids = new ArrayList<>();
        for (String p : patterns) {
            for (Long id : readable.query(user, """
                            select r.id from record r where {readableInContainer:r} and r.kind = 'SUPPLY_NODE'
                            and r.title ilike :p
                            and exists (select 1 from supply_node n where n.id = r.id) order by r.id limit 3""")
                    .param("p", p).query(Long.class).list()) {
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }
}
