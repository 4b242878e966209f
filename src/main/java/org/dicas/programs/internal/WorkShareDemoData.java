package org.dicas.programs.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.dicas.platform.DemoMode;
import org.dicas.programs.Program;
import org.dicas.programs.Programs;
import org.dicas.programs.internal.WorkPackageCommands.OptionCommand;
import org.dicas.programs.internal.WorkPackageCommands.PackageCommand;
import org.dicas.programs.internal.WorkPackageCommands.ReleaseCommand;
import org.dicas.programs.internal.WorkPackageCommands.SettingsCommand;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.OrganizationKind;
import org.dicas.shared.ExpectedVersion;
import org.dicas.shared.NationCode;
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
 * Demo mode only, once (while there is no work package yet): twelve illustrative GPI work packages under ITAR
 * controls (USML IV rockets and missiles and XI electronics released to both partners, XII fire control and sensors
 * released to the United States only), each with a U.S. and a Japanese firm's option, the 50/50 target of GPI's cost
 * shares and a tolerance of 2 points. Balancing gives a split within 48–52 % at a price of balance; widening the
 * tolerance to 5 points lowers that price, and releasing USML XII to Japan lets the Japanese seeker in. Every figure
 * is illustrative (millions of U.S. dollars). Written through {@link WorkPackages} as us.acq.
 */
@Component
@Order(45)
class WorkShareDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WorkShareDemoData.class);
    static final String GPI = "Glide Phase Interceptor (GPI) cooperative development";
    private static final String MARKING = "CUI//REL TO USA, JPN";
    static final String IV = "ITAR-USML-IV";
    static final String XI = "ITAR-USML-XI";
    static final String XII = "ITAR-USML-XII";

    private final DemoMode demoMode;
    private final Directory directory;
    private final Programs programs;
    private final WorkPackages packages;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    WorkShareDemoData(DemoMode demoMode, Directory directory, Programs programs, WorkPackages packages,
                      JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.demoMode = demoMode;
        this.directory = directory;
        this.programs = programs;
        this.packages = packages;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    private record Firm(String name, String nameJa, String nation) {
    }

    private static final Firm PMW = new Firm("Pacific Missile Works (illustrative)", "パシフィック・ミサイル・ワークス（架空）", "USA");
    private static final Firm LIB = new Firm("Liberty Avionics (illustrative)", "リバティ・アビオニクス（架空）", "USA");
    private static final Firm SAK = new Firm("Sakura Heavy Industries (illustrative)", "さくら重工業（架空）", "JPN");
    private static final Firm FUJ = new Firm("Fuji Seeker Systems (illustrative)", "富士シーカー・システムズ（架空）", "JPN");
    private static final Firm YAM = new Firm("Yamato Electronics (illustrative)", "大和エレクトロニクス（架空）", "JPN");

    private record Offer(Firm firm, String cost) {
    }

    private record Package(String code, String en, String ja, String control, Offer us, Offer jp) {
    }

    static final int PACKAGES = 12;

    private static final List<Package> GPI_PACKAGES = List.of(
            new Package("WP-01", "Second-stage rocket motor", "第2段ロケットモータ", IV, new Offer(PMW, "118.50"), new Offer(SAK, "112.00")),
            new Package("WP-02", "Third-stage rocket motor", "第3段ロケットモータ", IV, new Offer(PMW, "96.00"), new Offer(SAK, "91.50")),
            new Package("WP-03", "Divert and attitude control system", "軌道・姿勢制御装置", IV, new Offer(PMW, "84.00"), new Offer(SAK, "92.00")),
            new Package("WP-04", "Infrared seeker", "赤外線シーカー", XII, new Offer(LIB, "140.00"), new Offer(FUJ, "128.00")),
            new Package("WP-05", "Guidance electronics", "誘導電子機器", XI, new Offer(LIB, "62.00"), new Offer(YAM, "66.50")),
            new Package("WP-06", "Airframe and canister", "機体・キャニスター", IV, new Offer(PMW, "45.00"), new Offer(SAK, "41.00")),
            new Package("WP-07", "Fire-control interface software", "射撃管制インターフェース・ソフトウェア", XII, new Offer(LIB, "38.00"), new Offer(YAM, "35.00")),
            new Package("WP-08", "Nozzle and insulation materials", "ノズル・断熱材", IV, new Offer(PMW, "31.00"), new Offer(SAK, "27.50")),
            new Package("WP-09", "Systems integration and test", "システム統合・試験", XI, new Offer(PMW, "75.00"), new Offer(SAK, "88.00")),
            new Package("WP-10", "Igniters and energetics", "点火装置・火工品", IV, new Offer(PMW, "20.00"), new Offer(SAK, "18.50")),
            new Package("WP-11", "Telemetry and flight-test instrumentation", "テレメトリ・飛行試験計測", XI, new Offer(LIB, "54.00"), new Offer(YAM, "59.00")),
            new Package("WP-12", "Kill-vehicle structure", "弾頭部構造", IV, new Offer(PMW, "33.00"), new Offer(SAK, "36.50")));

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.enabled() || jdbc.sql("select exists (select 1 from work_package)").query(Boolean.class)
                .single()) {
            return;
        }
        Optional<DicasUser> us = directory.userByUsername("us.acq");
        if (us.isEmpty()) {
            return;
        }
        Optional<Program> gpi = programs.readable(us.get()).stream().filter(p -> GPI.equals(p.nameEn())).findFirst();
        if (gpi.isEmpty()) {
            log.debug("Demo mode: no GPI program; demo work packages not loaded");
            return;
        }
        transaction.executeWithoutResult(status -> seed(us.get(), gpi.get()));
        log.info("Demo GPI work packages loaded: {}", GPI_PACKAGES.size());
    }

    private void seed(DicasUser us, Program gpi) {
        packages.updateSettings(us, gpi.id(), new ExpectedVersion(gpi.version()), new SettingsCommand(
                new BigDecimal("2"), List.of(new ReleaseCommand(IV, List.of("USA", "JPN")),
                new ReleaseCommand(XI, List.of("USA", "JPN")), new ReleaseCommand(XII, List.of("USA")))));
        for (Package p : GPI_PACKAGES) {
            WorkPackage wp = packages.create(us, gpi.id(), new PackageCommand(p.code(), p.en(), p.ja(),
                    List.of(p.control()), MARKING));
            for (Offer o : List.of(p.us(), p.jp())) {
                long firm = directory.organizationIdOrCreate(o.firm().name(), o.firm().nameJa(),
                        OrganizationKind.COMPANY, NationCode.of(o.firm().nation()));
                packages.addOption(us, gpi.id(), wp.id(), new OptionCommand(firm, new BigDecimal(o.cost()), ""));
            }
        }
    }
}
