package org.dicas.coproduction.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dicas.coproduction.CoproductionPlans;
import org.dicas.platform.DemoMode;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.OrganizationKind;
import org.dicas.security.ReadableRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode only, once (while there is no co-production plan yet): an illustrative 2027–2030 PAC-3 MSE and AMRAAM
 * plan with lines in both nations ramping up, a shared solid-rocket-motor component and a PAC-3 seeker linked to the
 * demo supply network's rocket-motor and seeker nodes, demands from the U.S. and Japanese PAC-3 MSE and AMRAAM
 * requirements, and the JPN→USA PAC-3 MSE transfer (the 2023 rule change) as a what-if. The lines belong to the demo
 * missile makers of each nation, so their unit costs are PROPIN of those firms. Every figure is illustrative.
 * Written through {@link CoproductionPlans} as us.acq.
 */
@Component
@Order(50)
class CoproductionDemoData implements ApplicationRunner {

    /** The demo firms whose lines these are (the companies of the demo industry users). */
    static final String US_MISSILE_MAKER = "Pacific Missile Works (illustrative)";
    static final String JP_MISSILE_MAKER = "Sakura Heavy Industries (illustrative)";

    private static final Logger log = LoggerFactory.getLogger(CoproductionDemoData.class);
    static final String NAME = "PAC-3 MSE and AMRAAM co-production 2027–2030 (illustrative)";

    private final DemoMode demoMode;
    private final Directory directory;
    private final CoproductionPlans plans;
    private final ReadableRecords readable;
    private final JdbcClient jdbc;

    CoproductionDemoData(DemoMode demoMode, Directory directory, CoproductionPlans plans, ReadableRecords readable,
                         JdbcClient jdbc) {
        this.demoMode = demoMode;
        this.directory = directory;
        this.plans = plans;
        this.readable = readable;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.enabled() || jdbc.sql("select exists (select 1 from coproduction_plan)").query(Boolean.class)
                .single()) {
            return;
        }
        Optional<DicasUser> us = directory.userByUsername("us.acq");
        if (us.isEmpty()) {
            return;
        }
        List<CoproductionPlans.DemandLink> demands = new ArrayList<>();
        demand(us.get(), "PAC-3 MSE interceptor production ramp-up", "PAC-3 MSE", 3, demands);
        demand(us.get(), "%PAC-3 MSE迎撃ミサイル%", "PAC-3 MSE", 3, demands);
        demand(us.get(), "Expand AIM-120 AMRAAM production capacity", "AMRAAM", 2, demands);
        demand(us.get(), "%AMRAAM）の国内共同生産%", "AMRAAM", 2, demands);
        if (demands.isEmpty()) {
            log.debug("Demo mode: no PAC-3 MSE or AMRAAM requirement; demo co-production plan not loaded");
            return;
        }
        Map<String, Integer> both = new LinkedHashMap<>();
        both.put("PAC-3 MSE", 1);
        both.put("AMRAAM", 1);
        Long usFirm = firm(US_MISSILE_MAKER);
        Long jpFirm = firm(JP_MISSILE_MAKER);
        long id = plans.create(us.get(), new CoproductionPlans.NewPlan(NAME, "CUI//REL TO USA, JPN", 2027, 4,
                List.of(line("PAC-US-1", "USA", "PAC-3 MSE", "4.10", usFirm, 350, 450, 550, 650),
                        line("PAC-JP-1", "JPN", "PAC-3 MSE", "4.60", jpFirm, 60, 120, 180, 240),
                        line("AIM-US-1", "USA", "AMRAAM", "1.10", usFirm, 800, 950, 1100, 1200),
                        line("AIM-JP-1", "JPN", "AMRAAM", "1.30", jpFirm, 0, 40, 80, 120)),
                List.of(new CoproductionPlans.ComponentCommand("SRM", "Solid rocket motor",
                                List.of(900, 1100, 1300, 1500), both, node("RM-US-1")),
                        new CoproductionPlans.ComponentCommand("SKR", "PAC-3 MSE seeker", List.of(400, 500, 600, 700),
                                Map.of("PAC-3 MSE", 1), node("SK-JP-1"))),
                List.of(new CoproductionPlans.TransferCommand("USA", "JPN", List.of("PAC-3 MSE", "AMRAAM"), false,
                                null),
                        new CoproductionPlans.TransferCommand("JPN", "USA", List.of("PAC-3 MSE"), true, null)),
                demands));
        log.info("Demo co-production plan loaded: #{}", id);
    }

    private void demand(DicasUser author, String title, String product, int priority,
                        List<CoproductionPlans.DemandLink> out) {
        readable.query(author, "select r.id from record r where {readable:r} and r.kind = 'REQUIREMENT' "
                        + "and r.title ilike :t order by r.id limit 1").param("t", title).query(Long.class).optional()
                .ifPresent(id -> out.add(new CoproductionPlans.DemandLink(id, product, priority)));
    }

    /** The demo supply network's node of this code (its latest version), when loaded. */
    private Long node(String code) {
        return jdbc.sql("select id from supply_node where code = :c order by id desc limit 1").param("c", code)
                .query(Long.class).optional().orElse(null);
    }

    /** The demo missile maker of this name (the directory's illustrative firm of the demo users), if any. */
    private Long firm(String name) {
        return directory.organizations().stream()
                .filter(o -> o.kind() == OrganizationKind.COMPANY && o.name().equals(name))
                .map(Directory.Organization::id).findFirst().orElse(null);
    }

    /** A line of the firm (its cost PROPIN of the firm, CUI//REL TO USA, JPN), or a government line without one. */
    private static CoproductionPlans.LineCommand line(String code, String nation, String product, String cost,
                                                      Long firm, Integer... capacity) {
        return new CoproductionPlans.LineCommand(code, nation, product, List.of(capacity), new BigDecimal(cost), firm,
                null);
    }
}
