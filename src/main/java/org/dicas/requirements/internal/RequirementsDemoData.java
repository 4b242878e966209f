package org.dicas.requirements.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dicas.platform.DemoMode;
import org.dicas.requirements.AcquisitionPlanCommand;
import org.dicas.requirements.AcquisitionPlanCommand.BudgetLineInput;
import org.dicas.requirements.AcquisitionPlanCommand.MilestoneInput;
import org.dicas.requirements.AcquisitionPlans;
import org.dicas.requirements.RequirementCommand;
import org.dicas.requirements.Requirements;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
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
 * Demo mode only, once (while there is no requirement yet): illustrative requirements of the United States (in
 * English), Japan (in Japanese, as a Japanese official would write them) and Australia (in English), written through
 * {@link Requirements} by the demo users who would plausibly hold them, with acquisition plans for some. They hold
 * true shared needs (glide-phase interceptor, trainer jets, collaborative combat aircraft across three nations,
 * AMRAAM and PAC-3 MSE production, SM-3 Block IIA, ship repair, frigates), look-alikes that share words but not need
 * (missile depot vs missile procurement, simulator software vs trainer aircraft, shipbuilding vs ship repair) and a
 * pair whose timing is far apart. Quantities and amounts are illustrative round numbers.
 */
@Component
@Order(30)
class RequirementsDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RequirementsDemoData.class);
    static final String US_REL = "CUI//REL TO USA, JPN";
    static final String JP_REL = "CUI//REL TO JPN, USA";
    static final String US_TRI = "UNCLASSIFIED//REL TO USA, JPN, AUS";
    static final String JP_TRI = "UNCLASSIFIED//REL TO JPN, USA, AUS";
    static final String AU_TRI = "UNCLASSIFIED//REL TO AUS, USA, JPN";

    /** One demo requirement: a key for plans, its author and content. */
    record Demo(String key, String author, String service, String area, String titleEn, String titleJa,
                String descriptionEn, String descriptionJa, Integer quantity, String needBy, String status,
                String marking) {
    }

    /** One demo plan of the requirement with {@code key}. */
    record DemoPlan(String key, String title, String notes, List<MilestoneInput> milestones,
                    List<BudgetLineInput> budget) {
    }

    private final DemoMode demoMode;
    private final Directory directory;
    private final Requirements requirements;
    private final AcquisitionPlans plans;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    RequirementsDemoData(DemoMode demoMode, Directory directory, Requirements requirements, AcquisitionPlans plans,
                         JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.demoMode = demoMode;
        this.directory = directory;
        this.requirements = requirements;
        this.plans = plans;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.enabled()) {
            return;
        }
        if (jdbc.sql("select exists (select 1 from requirement)").query(Boolean.class).single()) {
            log.debug("Demo mode: requirements exist already; demo requirements not loaded again");
            return;
        }
        for (String u : List.of("us.acq", "us.navy", "jp.atla", "jp.msdf", "au.dod")) {
            if (directory.userByUsername(u).isEmpty()) {
                log.debug("Demo mode: demo user {} missing; demo requirements not loaded", u);
                return;
            }
        }
        int[] counts = transaction.execute(status -> seed());
        log.info("Demo requirements loaded: {} requirements, {} acquisition plans", counts[0], counts[1]);
    }

    private int[] seed() {
        Map<String, Long> ids = new HashMap<>();
        Map<String, DicasUser> authors = new HashMap<>();
        for (Demo d : REQUIREMENTS) {
            DicasUser author = user(d.author());
            long id = requirements.create(author, new RequirementCommand(null, d.service(), d.area(), d.titleEn(),
                    d.titleJa(), d.descriptionEn(), d.descriptionJa(), d.quantity(), LocalDate.parse(d.needBy()),
                    d.status(), d.marking())).id();
            ids.put(d.key(), id);
            authors.put(d.key(), author);
        }
        int n = 0;
        for (DemoPlan p : PLANS) {
            Demo d = REQUIREMENTS.stream().filter(x -> x.key().equals(p.key())).findFirst().orElseThrow();
            plans.create(authors.get(p.key()), new AcquisitionPlanCommand(ids.get(p.key()), p.title(), p.notes(),
                    p.milestones(), p.budget(), d.marking()));
            n++;
        }
        return new int[]{REQUIREMENTS.size(), n};
    }

    private DicasUser user(String username) {
        Optional<DicasUser> u = directory.userByUsername(username);
        return u.orElseThrow(() -> new IllegalStateException("demo user " + username + " missing"));
    }

    private static MilestoneInput m(String date, String name) {
        return new MilestoneInput(name, LocalDate.parse(date));
    }

    private static BudgetLineInput b(int fy, String amount, String currency) {
        return new BudgetLineInput(fy, new BigDecimal(amount), currency);
    }

    static final List<Demo> REQUIREMENTS = List.of(
            // ---------------------------------------------------------------- United States (English)
            new Demo("us-gpi", "us.acq", "MDA", "MISSILE_DEFENSE.INTERCEPTOR",
                    "Glide Phase Interceptor (GPI) against hypersonic glide vehicles", "",
                    "Field a sea-based interceptor, launched from Aegis destroyers, that defeats hypersonic glide "
                            + "vehicles during the glide phase of flight. Cooperative development with Japan is "
                            + "planned: the partner would lead rocket motors and propulsion.",
                    "", 24, "2032-09-30", "VALIDATED", US_REL),
            new Demo("us-t7", "us.acq", "USAF", "AIR.TRAINER",
                    "Advanced pilot training aircraft to replace the T-38C Talon", "",
                    "Replace the ageing T-38C trainer fleet with the T-7A Red Hawk advanced jet trainer for "
                            + "undergraduate pilot training and fighter lead-in; a later tactical trainer variant is "
                            + "of interest to allies that must replace their own trainer jets.",
                    "", 351, "2027-09-30", "FUNDED", US_REL),
            new Demo("us-cca", "us.acq", "USAF", "AIR.UNMANNED",
                    "Collaborative Combat Aircraft (unmanned wingmen) Increment 1", "",
                    "Procure autonomous collaborative combat aircraft that fly as unmanned wingmen with crewed "
                            + "fighters, with open mission-autonomy software shared with partners under the RDT&E "
                            + "project arrangement on AI for collaborative autonomy.",
                    "", 100, "2029-09-30", "VALIDATED", US_TRI),
            new Demo("us-amraam", "us.acq", "USAF", "MUNITIONS.AIR_TO_AIR",
                    "Expand AIM-120 AMRAAM production capacity", "",
                    "Raise AMRAAM medium-range air-to-air missile production for the USAF and USN, including a "
                            + "second source for rocket motors and guidance sections; co-production with Japan is "
                            + "under study in the DICAS missile working group.",
                    "", 1200, "2028-09-30", "FUNDED", US_REL),
            new Demo("us-pac3", "us.acq", "US Army", "MISSILE_DEFENSE.INTERCEPTOR",
                    "PAC-3 MSE interceptor production ramp-up", "",
                    "Increase Patriot PAC-3 MSE (Missile Segment Enhancement) interceptor deliveries to meet US "
                            + "Army and allied demand; seeker and rocket-motor capacity are the limiting items.",
                    "", 650, "2027-12-31", "FUNDED", US_REL),
            new Demo("us-sm3", "us.acq", "MDA", "MISSILE_DEFENSE.INTERCEPTOR",
                    "SM-3 Block IIA ballistic missile interceptors", "",
                    "Procure SM-3 Block IIA interceptors, co-developed with Japan, for Aegis ballistic missile "
                            + "defense ships of the US Navy.",
                    "", 60, "2029-03-31", "VALIDATED", US_REL),
            new Demo("us-shiprepair", "us.navy", "USN", "SUSTAINMENT.SHIP_REPAIR",
                    "Regular overhauls of Seventh Fleet ships in Japanese shipyards", "",
                    "Forward-deployed US Navy ships need selected restricted availabilities and voyage repairs "
                            + "close to their operating area; qualified Japanese yards holding a Master Ship Repair "
                            + "Agreement would relieve US public and private yards. Jobs under six months.",
                    "", 6, "2026-10-01", "VALIDATED", US_REL),
            new Demo("us-frigate-build", "us.navy", "USN", "MARITIME.SURFACE",
                    "New construction of guided-missile frigates in US shipyards", "",
                    "Build the next guided-missile frigates at domestic new-construction shipyards; shipbuilding "
                            + "workforce and yard capacity are the constraint. This is a shipbuilding requirement, "
                            + "not ship repair.",
                    "", 10, "2030-06-30", "FUNDED", US_REL),
            new Demo("us-simulator", "us.acq", "USAF", "TRAINING.SIMULATION",
                    "Ground-based training system software update for the trainer fleet", "",
                    "Update the simulator software and courseware of the ground-based training system used with "
                            + "the trainer aircraft; no aircraft are procured.",
                    "", null, "2026-06-30", "DRAFT", US_REL),
            new Demo("us-missile-depot", "us.acq", "US Army", "SUSTAINMENT.LOGISTICS",
                    "Missile maintenance depot recertification capacity", "",
                    "Expand the depot line that inspects, repairs and recertifies fielded missiles at the end of "
                            + "their shelf life; this is depot maintenance of stock, not procurement of new missiles.",
                    "", null, "2028-03-31", "DRAFT", US_REL),
            new Demo("us-f135", "us.acq", "USAF", "SUSTAINMENT.AIRCRAFT_MRO",
                    "F135 engine heavy maintenance capacity in the Indo-Pacific", "",
                    "Add regional depot capacity for F-35 F135 engine heavy maintenance to cut turnaround times "
                            + "for engines of aircraft based in the Pacific.",
                    "", 120, "2026-12-31", "FUNDED", US_REL),
            new Demo("us-nmesis", "us.acq", "USMC", "MUNITIONS.ANTI_SHIP",
                    "Ground-based anti-ship missile launchers for the Marine littoral regiments", "",
                    "Field unmanned ground launchers with anti-ship missiles for the Marine littoral regiments.",
                    "", 36, "2027-09-30", "FUNDED", US_REL),
            new Demo("us-sda", "us.acq", "USSF", "SPACE.AWARENESS",
                    "Hosted space-domain-awareness payloads on partner satellites", "",
                    "Host US space-domain-awareness sensors on partner navigation or communications satellites to "
                            + "watch the geostationary belt.",
                    "", 2, "2027-06-30", "VALIDATED", US_REL),
            // ---------------------------------------------------------------- Japan (Japanese)
            new Demo("jp-gpi", "jp.atla", "防衛装備庁", "MISSILE_DEFENSE.INTERCEPTOR",
                    "", "滑空段階迎撃用誘導弾（GPI）の日米共同開発・取得",
                    "", "極超音速滑空兵器に対処するため、滑空段階迎撃ミサイル（GPI）を令和14年度までに取得する。"
                            + "日米共同開発とし、我が国はロケットモーター及び推進装置を担当する。"
                            + "作業分担はSM-3ブロックIIAより均衡したものとする。",
                    16, "2033-03-31", "VALIDATED", JP_REL),
            new Demo("jp-trainer", "jp.atla", "航空自衛隊", "AIR.TRAINER",
                    "", "T-4中等練習機の後継機（練習機）の取得",
                    "", "老朽化が進むT-4中等練習機の後継となる練習機を取得し、操縦者教育の基盤を維持する。"
                            + "米空軍のT-7Aを導入した上で、これを基に戦術練習機を日米で共同開発する案を検討する。",
                    200, "2032-03-31", "VALIDATED", JP_REL),
            new Demo("jp-cca", "jp.atla", "航空自衛隊", "AIR.UNMANNED",
                    "", "戦闘機と連携する無人機（協調戦闘機）の開発・取得",
                    "", "有人戦闘機と連携して任務を行う無人航空機（共同戦闘機）を開発・取得する。"
                            + "人工知能（AI）による自律飛行技術は日米の研究事業取決めの成果を活用する。",
                    50, "2030-03-31", "DRAFT", JP_TRI),
            new Demo("jp-amraam", "jp.atla", "防衛装備庁", "MUNITIONS.AIR_TO_AIR",
                    "", "中距離空対空誘導弾（AMRAAM）の国内共同生産体制の構築",
                    "", "米国の生産能力を補完するため、中距離空対空誘導弾AMRAAM（AIM-120）の日米共同生産体制を"
                            + "構築し、航空自衛隊及び米軍への供給能力を確保する。実現可能性調査の範囲はDICAS作業部会で合意済み。",
                    300, "2028-03-31", "VALIDATED", JP_REL),
            new Demo("jp-pac3", "jp.atla", "航空自衛隊", "MISSILE_DEFENSE.INTERCEPTOR",
                    "", "ペトリオットPAC-3 MSE迎撃ミサイルのライセンス生産能力の増強",
                    "", "ペトリオット・システム用PAC-3 MSEのライセンス生産能力を増強し、航空自衛隊及び陸上自衛隊の所要を"
                            + "満たすとともに、米国への供給にも寄与する。シーカー及びロケットモーターの安定生産が課題である。",
                    200, "2027-03-31", "FUNDED", JP_REL),
            new Demo("jp-sm3", "jp.msdf", "海上自衛隊", "MISSILE_DEFENSE.INTERCEPTOR",
                    "", "イージス・システム搭載艦用SM-3ブロックIIAの取得",
                    "", "弾道ミサイル防衛能力を強化するため、イージス・システム搭載艦に搭載するSM-3ブロックIIA迎撃ミサイルを"
                            + "取得する。日米共同開発の成果を活用し、取得時期を米国の調達計画と整合させる。",
                    32, "2028-03-31", "FUNDED", JP_REL),
            new Demo("jp-shiprepair", "jp.msdf", "海上自衛隊", "SUSTAINMENT.SHIP_REPAIR",
                    "", "米海軍第7艦隊艦艇の国内造船所における修理体制の整備",
                    "", "前方展開する米海軍艦艇の定期修理（オーバーホール）を国内造船所で受け入れるため、"
                            + "船舶修理能力の拡充と基本船舶修理協定（MSRA）の認証取得を支援する。",
                    6, "2027-03-31", "VALIDATED", JP_REL),
            new Demo("jp-ffm", "jp.msdf", "海上自衛隊", "MARITIME.SURFACE",
                    "", "もがみ型護衛艦能力向上型（新型FFM）の建造",
                    "", "多様な任務に対応するため、もがみ型護衛艦の能力向上型（新型FFM）を12隻建造する。"
                            + "豪州の汎用フリゲート計画との共通化により、建造・維持整備の効率化を図る。",
                    12, "2032-03-31", "FUNDED", JP_TRI),
            new Demo("jp-parts", "jp.atla", "航空自衛隊", "SUSTAINMENT.PARTS",
                    "", "航空機用補用部品の枯渇対策",
                    "", "生産終了が見込まれる航空機用電子部品及びタイヤ等の補用品について、代替品の開発と"
                            + "一括調達により部品枯渇に対処する。",
                    null, "2027-03-31", "DRAFT", JP_REL),
            new Demo("jp-ssm", "jp.atla", "陸上自衛隊", "MUNITIONS.ANTI_SHIP",
                    "", "12式地対艦誘導弾能力向上型の量産",
                    "", "スタンド・オフ防衛能力を強化するため、12式地対艦誘導弾能力向上型を量産し、早期に部隊配備する。",
                    null, "2027-03-31", "FUNDED", "CUI//NOFORN"),
            new Demo("jp-f135", "jp.atla", "航空自衛隊", "SUSTAINMENT.AIRCRAFT_MRO",
                    "", "F-35用F135エンジンの重整備能力の国内整備",
                    "", "F-35A/BのF135エンジンについて、将来の機数増加に備え、国内における重整備能力を"
                            + "令和17年度までに段階的に整備する。",
                    60, "2036-03-31", "DRAFT", JP_REL),
            new Demo("jp-sda", "jp.atla", "航空自衛隊", "SPACE.AWARENESS",
                    "", "宇宙領域把握（SDA）衛星の整備",
                    "", "宇宙空間の安定的利用を確保するため、宇宙領域把握（SDA）衛星を整備し、"
                            + "米国との情報共有を進める。",
                    1, "2027-03-31", "VALIDATED", JP_REL),
            // ---------------------------------------------------------------- Australia (English)
            new Demo("au-frigate", "au.dod", "RAN", "MARITIME.SURFACE",
                    "General purpose frigates (upgraded Mogami class)", "",
                    "Acquire up to 11 general purpose frigates based on the upgraded Mogami-class design, the first "
                            + "three built in Japan and the rest in Western Australia, with common sustainment with "
                            + "the Japan Maritime Self-Defense Force.",
                    "", 11, "2029-12-31", "FUNDED", AU_TRI),
            new Demo("au-cca", "au.dod", "RAAF", "AIR.UNMANNED",
                    "Collaborative combat aircraft (MQ-28 Ghost Bat) production", "",
                    "Bring uncrewed collaborative combat aircraft into service as loyal wingmen for crewed fighters "
                            + "and explore common autonomy software with the United States and Japan.",
                    "", 30, "2028-06-30", "VALIDATED", AU_TRI),
            new Demo("au-trainer", "au.dod", "RAAF", "AIR.TRAINER",
                    "Lead-in fighter trainer replacement", "",
                    "Replace the Hawk 127 lead-in fighter trainer aircraft; a common trainer with allies would share "
                            + "sustainment and pilot training.",
                    "", 40, "2033-06-30", "DRAFT", AU_TRI),
            new Demo("au-gweo", "au.dod", "Australian Army", "MUNITIONS.STRIKE",
                    "Domestic manufacture of guided weapons and explosive ordnance", "",
                    "Establish sovereign manufacture of long-range strike missiles and their energetics under the "
                            + "guided weapons and explosive ordnance enterprise.",
                    "", null, "2029-06-30", "VALIDATED", AU_TRI));

    static final List<DemoPlan> PLANS = List.of(
            new DemoPlan("us-gpi", "GPI development and initial procurement",
                    "Illustrative figures. Cooperative development with Japan; Japan leads propulsion.",
                    List.of(m("2026-06-30", "Project arrangement signed"), m("2028-03-31", "Preliminary design review"),
                            m("2030-09-30", "First flight test"), m("2032-09-30", "Initial operational capability")),
                    List.of(b(2026, "180000000", "USD"), b(2027, "450000000", "USD"), b(2028, "700000000", "USD"),
                            b(2029, "800000000", "USD"))),
            new DemoPlan("jp-gpi", "滑空段階迎撃用誘導弾（GPI）日米共同開発計画",
                    "金額は例示。推進装置の開発を我が国が担当する。",
                    List.of(m("2026-03-31", "共同開発取決め締結"), m("2028-03-31", "基本設計審査"),
                            m("2033-03-31", "取得完了（令和14年度）")),
                    List.of(b(2025, "20000000000", "JPY"), b(2026, "45000000000", "JPY"), b(2027, "60000000000", "JPY"),
                            b(2028, "70000000000", "JPY"))),
            new DemoPlan("us-t7", "T-7A Red Hawk procurement",
                    "Illustrative figures.",
                    List.of(m("2025-10-01", "Milestone C"), m("2027-09-30", "Initial operational capability")),
                    List.of(b(2026, "550000000", "USD"), b(2027, "800000000", "USD"), b(2028, "900000000", "USD"))),
            new DemoPlan("jp-trainer", "T-4後継練習機取得計画",
                    "金額は例示。T-7Aの導入と戦術練習機の共同開発を比較検討する。",
                    List.of(m("2027-03-31", "機種選定"), m("2029-03-31", "契約締結"), m("2032-03-31", "初度配備")),
                    List.of(b(2027, "5000000000", "JPY"), b(2028, "30000000000", "JPY"), b(2029, "60000000000", "JPY"))),
            new DemoPlan("us-amraam", "AMRAAM capacity expansion",
                    "Illustrative figures.",
                    List.of(m("2026-03-31", "Second-source rocket motor qualified"),
                            m("2028-09-30", "Full-rate capacity of 1,200 a year")),
                    List.of(b(2026, "300000000", "USD"), b(2027, "350000000", "USD"))),
            new DemoPlan("jp-pac3", "PAC-3 MSE生産能力増強計画",
                    "金額は例示。",
                    List.of(m("2025-09-30", "設備投資契約"), m("2027-03-31", "年産能力の倍増")),
                    List.of(b(2025, "12000000000", "JPY"), b(2026, "18000000000", "JPY"))),
            new DemoPlan("jp-sm3", "SM-3ブロックIIA取得計画",
                    "金額は例示。米国の調達計画と取得時期を整合させる。",
                    List.of(m("2026-03-31", "FMS契約"), m("2028-03-31", "取得完了")),
                    List.of(b(2026, "40000000000", "JPY"), b(2027, "45000000000", "JPY"))),
            new DemoPlan("us-shiprepair", "Seventh Fleet overhauls in Japanese yards",
                    "Illustrative figures; each job under six months, per the limits of US law on foreign overhauls.",
                    List.of(m("2025-12-31", "Two more Japanese yards MSRA-certified"),
                            m("2026-10-01", "Six availabilities a year in Japan")),
                    List.of(b(2026, "60000000", "USD"), b(2027, "75000000", "USD"))),
            new DemoPlan("jp-ffm", "新型FFM建造計画",
                    "金額は例示。",
                    List.of(m("2026-03-31", "1番艦契約"), m("2029-03-31", "1番艦就役"), m("2032-03-31", "12番艦契約")),
                    List.of(b(2026, "100000000000", "JPY"), b(2027, "110000000000", "JPY"))),
            new DemoPlan("au-frigate", "General purpose frigate program",
                    "Illustrative figures.",
                    List.of(m("2026-03-31", "Contract with the shipbuilder"), m("2029-12-31", "First ship delivered")),
                    List.of(b(2026, "1000000000", "AUD"), b(2027, "1500000000", "AUD"), b(2028, "2000000000", "AUD"))),
            new DemoPlan("au-cca", "Ghost Bat production",
                    "Illustrative figures.",
                    List.of(m("2026-06-30", "Block 2 production contract"), m("2028-06-30", "Initial operating capability")),
                    List.of(b(2026, "200000000", "AUD"), b(2027, "250000000", "AUD"))));
}
