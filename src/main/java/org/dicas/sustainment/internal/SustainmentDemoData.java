package org.dicas.sustainment.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.dicas.platform.DemoMode;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.sustainment.RepairFacilities;
import org.dicas.sustainment.RepairFacility.ClosedPeriod;
import org.dicas.sustainment.RepairFacility.Resource;
import org.dicas.sustainment.RepairFacilityCommand;
import org.dicas.sustainment.RepairJobCommand;
import org.dicas.sustainment.RepairJobs;
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
 * Demo mode only, once (while there is no repair facility): illustrative yards and depots in Japan and one U.S. yard
 * in Guam, with Golden Week and New Year closures, and a dozen U.S. forward-deployed ships and aircraft needing work
 * in 2027 — two of them NOT eligible for foreign repair (one due home soon, one longer than 6 months) to show the
 * rule. Facilities are written by jp.atla and jp.msdf (the Nagasaki-area yard's capacity data is PROPIN of Sakura Heavy
 * Industries, written by jp.industry; the Guam yard by us.navy); jobs by us.navy. All names are illustrative.
 */
@Component
@Order(30)
class SustainmentDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SustainmentDemoData.class);
    static final String UNCLASS_REL = "UNCLASSIFIED//REL TO USA, JPN";
    static final String CUI_REL = "CUI//REL TO USA, JPN";

    static final double[] YOKOSUKA = {35.2833, 139.6667};
    static final double[] SASEBO = {33.1592, 129.7228};
    static final double[] MISAWA = {40.7032, 141.3686};
    static final double[] IWAKUNI = {34.1439, 132.2358};

    private final DemoMode demoMode;
    private final Directory directory;
    private final RepairFacilities facilities;
    private final RepairJobs jobs;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    SustainmentDemoData(DemoMode demoMode, Directory directory, RepairFacilities facilities, RepairJobs jobs,
                        JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.demoMode = demoMode;
        this.directory = directory;
        this.facilities = facilities;
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.enabled()) {
            return;
        }
        if (jdbc.sql("select exists (select 1 from repair_facility)").query(Boolean.class).single()) {
            log.debug("Demo mode: repair facilities exist already; sustainment demo data not loaded again");
            return;
        }
        Optional<DicasUser> atla = directory.userByUsername("jp.atla");
        Optional<DicasUser> msdf = directory.userByUsername("jp.msdf");
        Optional<DicasUser> industry = directory.userByUsername("jp.industry");
        Optional<DicasUser> navy = directory.userByUsername("us.navy");
        if (atla.isEmpty() || msdf.isEmpty() || industry.isEmpty() || navy.isEmpty()) {
            log.debug("Demo mode: demo users missing; sustainment demo data not loaded");
            return;
        }
        Integer n = transaction.execute(status -> seed(atla.get(), msdf.get(), industry.get(), navy.get()));
        log.info("Demo sustainment data loaded: {} facilities and jobs", n);
    }

    private static List<ClosedPeriod> japaneseHolidays() {
        return List.of(new ClosedPeriod(LocalDate.of(2026, 12, 29), LocalDate.of(2027, 1, 3)),
                new ClosedPeriod(LocalDate.of(2027, 4, 29), LocalDate.of(2027, 5, 5)),
                new ClosedPeriod(LocalDate.of(2027, 12, 29), LocalDate.of(2028, 1, 3)));
    }

    private int seed(DicasUser atla, DicasUser msdf, DicasUser industry, DicasUser navy) {
        int n = 0;
        facilities.create(atla, new RepairFacilityCommand("JP-YOKOSUKA", "Yokosuka-area yard (illustrative)", "JPN",
                List.of("MSRA"), List.of(new Resource("YKS-DD1", "DRYDOCK", 240.0), new Resource("YKS-DD2", "DRYDOCK", 180.0),
                new Resource("YKS-P1", "PIER", 300.0)), japaneseHolidays(), 35.2950, 139.6550, UNCLASS_REL, null));
        facilities.create(msdf, new RepairFacilityCommand("JP-SASEBO", "Sasebo-area yard (illustrative)", "JPN",
                List.of("MSRA"), List.of(new Resource("SSB-DD1", "DRYDOCK", 200.0), new Resource("SSB-P1", "PIER", 250.0)),
                japaneseHolidays(), 33.1650, 129.7150, CUI_REL, null));
        facilities.create(industry, new RepairFacilityCommand("JP-NAGASAKI", "Nagasaki-area yard (illustrative)", "JPN",
                List.of("MSRA"), List.of(new Resource("NGS-DD1", "DRYDOCK", 260.0), new Resource("NGS-DD2", "DRYDOCK", 170.0),
                new Resource("NGS-P1", "PIER", 300.0)), japaneseHolidays(), 32.7330, 129.8630,
                CUI_REL + "//PROPIN", null));
        facilities.create(atla, new RepairFacilityCommand("JP-AICHI", "Aichi aircraft depot (illustrative)", "JPN",
                List.of("F-15", "F-16", "F-35"), List.of(new Resource("AIC-H1", "HANGAR", null),
                new Resource("AIC-H2", "HANGAR", null), new Resource("AIC-H3", "HANGAR", null)), japaneseHolidays(),
                35.2550, 136.9240, UNCLASS_REL, null));
        facilities.create(navy, new RepairFacilityCommand("US-GUAM", "Guam ship repair yard (illustrative)", "USA",
                List.of("MSRA"), List.of(new Resource("GUM-DD1", "DRYDOCK", 190.0), new Resource("GUM-P1", "PIER", 250.0)),
                List.of(new ClosedPeriod(LocalDate.of(2027, 12, 24), LocalDate.of(2027, 12, 26))), 13.4440, 144.6560,
                UNCLASS_REL, null));
        n += 5;
        List<RepairJobCommand> all = List.of(
                ship("DDG-A-2027", "Destroyer Alpha (DDG, illustrative)", "DRYDOCK", 155, 60, "2027-01-11", "2027-05-31", 1,
                        false, "2029-06-01", YOKOSUKA, UNCLASS_REL),
                ship("DDG-B-2027", "Destroyer Bravo (DDG, illustrative)", "DRYDOCK", 155, 45, "2027-02-01", "2027-06-30", 2,
                        false, null, YOKOSUKA, CUI_REL),
                ship("DDG-C-2027", "Destroyer Charlie (DDG, illustrative)", "PIER", 155, 30, "2027-03-01", "2027-07-31", 3,
                        false, null, SASEBO, UNCLASS_REL),
                ship("CG-D-2027", "Cruiser Delta (CG, illustrative)", "DRYDOCK", 173, 90, "2027-04-01", "2027-10-31", 2,
                        false, "2029-12-01", YOKOSUKA, CUI_REL),
                // longer than 6 months: a foreign yard may not take it
                ship("DDG-E-2027", "Destroyer Echo (DDG, illustrative)", "DRYDOCK", 155, 210, "2027-03-01", "2027-12-31", 3,
                        false, "2030-03-01", YOKOSUKA, CUI_REL),
                // due home within 15 months of the start: a foreign yard may not take it
                ship("DDG-F-2027", "Destroyer Foxtrot (DDG, illustrative)", "DRYDOCK", 155, 60, "2027-05-01", "2027-08-31", 4,
                        false, "2027-09-30", SASEBO, UNCLASS_REL),
                // due home soon, but a voyage repair: allowed
                ship("LCC-G-2027", "Command ship Golf (LCC, illustrative)", "PIER", 194, 20, "2027-06-01", "2027-07-15", 1,
                        true, "2027-10-01", YOKOSUKA, UNCLASS_REL),
                ship("DDG-H-2027", "Destroyer Hotel (DDG, illustrative)", "PIER", 155, 25, "2027-08-01", "2027-10-31", 5,
                        false, null, SASEBO, UNCLASS_REL),
                ship("DDG-I-2027", "Destroyer India (DDG, illustrative)", "DRYDOCK", 155, 75, "2027-09-15", "2027-12-20", 1,
                        false, "2029-09-01", YOKOSUKA, CUI_REL),
                aircraft("F35B-1-2027", "F-35B lot 1 (illustrative)", "F-35", 40, "2027-02-01", "2027-06-30", 2, IWAKUNI,
                        UNCLASS_REL),
                aircraft("F35B-2-2027", "F-35B lot 2 (illustrative)", "F-35", 40, "2027-07-01", "2027-11-30", 3, IWAKUNI,
                        CUI_REL),
                aircraft("F16-1-2027", "F-16 squadron depot work (illustrative)", "F-16", 30, "2027-03-15", "2027-08-31", 4,
                        MISAWA, UNCLASS_REL),
                aircraft("EA18G-1-2027", "EA-18G depot work (illustrative)", null, 35, "2027-09-01", "2027-12-15", 5,
                        IWAKUNI, UNCLASS_REL));
        for (RepairJobCommand c : all) {
            jobs.create(navy, c);
            n++;
        }
        return n;
    }

    private static RepairJobCommand ship(String code, String asset, String kind, double length, int days, String earliest,
                                         String due, int priority, boolean voyage, String dueHome, double[] home,
                                         String marking) {
        return new RepairJobCommand(code, asset, "USA", List.of(kind), length, days, LocalDate.parse(earliest),
                LocalDate.parse(due), priority, List.of("MSRA"), true, voyage,
                dueHome == null ? null : LocalDate.parse(dueHome), null, home[0], home[1], marking);
    }

    private static RepairJobCommand aircraft(String code, String asset, String certification, int days, String earliest,
                                             String due, int priority, double[] home, String marking) {
        return new RepairJobCommand(code, asset, "USA", List.of("HANGAR"), null, days, LocalDate.parse(earliest),
                LocalDate.parse(due), priority, certification == null ? List.of() : List.of(certification), true, false,
                null, null, home[0], home[1], marking);
    }
}
