package org.dicas.demo;

import static org.dicas.demo.DemoUsers.ADMIN;
import static org.dicas.demo.DemoUsers.AU_DOD;
import static org.dicas.demo.DemoUsers.JP_ATLA;
import static org.dicas.demo.DemoUsers.JP_INDUSTRY;
import static org.dicas.demo.DemoUsers.JP_MSDF;
import static org.dicas.demo.DemoUsers.US_ACQ;
import static org.dicas.demo.DemoUsers.US_FDO;
import static org.dicas.demo.DemoUsers.US_INDUSTRY;
import static org.dicas.demo.DemoUsers.US_NAVY;
import static org.dicas.demo.DemoUsers.US_POLICY;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.dicas.security.DicasUser;
import org.dicas.shared.ExpectedVersion;
import org.dicas.forum.ActionItem;
import org.dicas.forum.ActionItemCommand;
import org.dicas.forum.ActionItems;
import org.dicas.forum.AgendaItem;
import org.dicas.forum.AgendaItemCommand;
import org.dicas.forum.DecisionCommand;
import org.dicas.forum.Meeting;
import org.dicas.forum.MeetingCommand;
import org.dicas.forum.Meetings;
import org.dicas.forum.MinutesCommand;

/**
 * The 2024 plenaries and working-group meetings (public facts from the domain brief, illustrative detail), three
 * upcoming meetings in 2027, and action items that are done, open and overdue. Meetings, agenda items, decisions
 * and action items are created by government users, each cleared for the marking it writes.
 */
final class DemoMeetings {

    private static final String TOKYO = "Asia/Tokyo";
    private static final String HONOLULU = "Pacific/Honolulu";
    private static final String NEW_YORK = "America/New_York";

    private static final String PUBLIC = "PUBLIC";
    private static final String UNCLASSIFIED = "UNCLASSIFIED";
    private static final String CUI = "CUI";
    private static final String CUI_REL_USA_JPN = "CUI//REL TO USA, JPN";
    private static final String CUI_MISSILE = "CUI//REL TO USA, JPN//GROUP WG-MISSILE";
    private static final String CUI_SHIP = "CUI//GROUP WG-SHIP";
    private static final String UNCLASSIFIED_REL_AUS = "UNCLASSIFIED//REL TO USA, JPN, AUS";
    private static final String CUI_NOFORN = "CUI//NOFORN";

    private final Meetings meetings;
    private final ActionItems actionItems;
    private final DemoCast cast;
    private final Map<String, Long> groups;
    private final DemoCounts counts;

    DemoMeetings(Meetings meetings, ActionItems actionItems, DemoCast cast, Map<String, Long> groups,
                 DemoCounts counts) {
        this.meetings = meetings;
        this.actionItems = actionItems;
        this.cast = cast;
        this.groups = groups;
        this.counts = counts;
    }

    void seed() {
        tokyoPlenary();
        missileKickOff();
        shipKickOff();
        missileSecond();
        shipSecond();
        hawaiiPlenary();
        decemberPlenary();
        upcoming();
        standaloneActionItems();
    }

    // ---------------------------------------------------------------- June 2024 plenary, Tokyo

    private void tokyoPlenary() {
        Meeting m = meeting(ADMIN, Meeting.Kind.PLENARY, DemoWorkingGroups.PLENARY,
                "DICAS plenary — Tokyo, June 2024", "DICAS本会合（東京、2024年6月）",
                at(2024, 6, 10, 10, 0), at(2024, 6, 10, 17, 0), TOKYO, "Tokyo, Japan", UNCLASSIFIED,
                US_POLICY, US_ACQ, US_NAVY, US_FDO, US_INDUSTRY, JP_ATLA, JP_MSDF, JP_INDUSTRY, ADMIN);
        AgendaItem tor = agenda(ADMIN, m, 1, "Opening; signing of the DICAS Terms of Reference / 開会、職務権限取り決めの署名",
                "Co-chairs sign the Terms of Reference that establish DICAS in place of the Systems and Technology "
                        + "Forum. / 共同議長がDICASを設置する職務権限取り決めに署名する（システム・技術フォーラムを置き換え）。",
                "Co-chairs (OUSD(A&S) / ATLA)", false, PUBLIC);
        AgendaItem wgs = agenda(ADMIN, m, 2, "Working-group structure and mandates / 作業部会の構成と任務",
                "Missile co-production, ship repair, aircraft repair, supply-chain resilience.",
                cast.name(ADMIN), false, UNCLASSIFIED);
        agenda(ADMIN, m, 3, "Missile co-production: first candidates / ミサイル共同生産：初期候補",
                "AMRAAM (AIM-120) and PAC-3 MSE; production-capacity constraints on both sides (illustrative).",
                cast.name(US_ACQ), false, CUI_REL_USA_JPN);
        AgendaItem industry = agenda(ADMIN, m, 4, "Industry roundtable / 産業界との円卓会議",
                "More than ten U.S. and Japanese companies share views on co-production, repair and supply chains. "
                        + "/ 日米の10社以上が共同生産・修理・サプライチェーンについて意見を述べる。",
                "Industry participants / 産業界参加者", true, UNCLASSIFIED);
        agenda(ADMIN, m, 5, "Next steps and calendar / 今後の進め方と日程",
                "First working-group meetings before the autumn plenary.", cast.name(ADMIN), false, UNCLASSIFIED);
        decision(ADMIN, m, tor, "The DICAS Terms of Reference were signed; DICAS replaces the Systems and Technology "
                + "Forum. / 職務権限取り決めに署名し、DICASはシステム・技術フォーラムに代わるものとなった。", PUBLIC);
        decision(ADMIN, m, wgs, "Four working groups are established: missile co-production, ship repair, aircraft "
                + "repair and supply-chain resilience. / 先進ミサイル共同生産、船舶修理、航空機修理、サプライチェーン強靱化の"
                + "4作業部会を設置する。", UNCLASSIFIED);
        decision(ADMIN, m, industry, "DICAS will hold regular industry meetings on its agenda; participants vary by "
                + "topic. / DICASは議題に関する産業界との会合を定期的に開催する（参加者は議題に応じて変わる）。", UNCLASSIFIED);
        action(ADMIN, m, tor, "Circulate the signed Terms of Reference (EN/JA) to all members",
                "Post both language versions in the library and notify the working groups.",
                ADMIN, LocalDate.of(2024, 6, 28), true, UNCLASSIFIED);
        action(ADMIN, m, industry, "Summarise the industry roundtable feedback",
                "One page per theme: co-production, ship repair, aircraft repair, supply chain.",
                US_POLICY, LocalDate.of(2024, 7, 31), true, UNCLASSIFIED);
        minutes(ADMIN, m, """
                # DICAS plenary — Tokyo, 10 June 2024

                - **Co-chairs:** U.S. Under Secretary of Defense for Acquisition and Sustainment; Commissioner, ATLA
                - **Secretariat:** DICAS secretariat

                ## 1. Terms of Reference
                The co-chairs signed the Terms of Reference. DICAS replaces the Systems and Technology Forum, which \
                had mostly overseen research projects.

                ## 2. Working groups
                Four working groups were established:

                1. Missile co-production (先進ミサイルの共同生産)
                2. Ship repair (船舶修理)
                3. Aircraft repair (航空機修理)
                4. Supply-chain resilience (サプライチェーン強靱化)

                ## 3. Industry roundtable
                More than ten companies took part. Main points (illustrative):

                - predictable demand signals matter more than one-off orders;
                - technology release and export-control steps should be known early;
                - both sides asked for a single point of contact per working group.

                ## 要旨（日本語）
                職務権限取り決めに署名し、4つの作業部会を設置した。産業界円卓会議には10社以上が参加した。
                """);
    }

    // ---------------------------------------------------------------- June 2024 working groups

    private void missileKickOff() {
        Meeting m = meeting(JP_ATLA, Meeting.Kind.WORKING_GROUP, DemoWorkingGroups.MISSILE,
                "Missile co-production WG — first meeting", "先進ミサイル共同生産作業部会 — 第1回会合",
                at(2024, 6, 27, 9, 0), at(2024, 6, 27, 11, 30), TOKYO, "Video teleconference (Tokyo / Washington)",
                CUI_MISSILE, US_ACQ, JP_ATLA);
        AgendaItem plan = agenda(JP_ATLA, m, 1, "Work plan of the working group / 作業部会の作業計画",
                "Milestones to the autumn plenary.", cast.name(JP_ATLA), false, CUI_MISSILE);
        AgendaItem amraam = agenda(JP_ATLA, m, 2, "AMRAAM (AIM-120): candidate components for co-production",
                "Sections and sub-assemblies to study first (illustrative list).", cast.name(US_ACQ), false,
                CUI_MISSILE);
        AgendaItem pac3 = agenda(JP_ATLA, m, 3, "PAC-3 MSE: Japanese production-line capacity / PAC-3 MSE：国内生産ラインの能力",
                "Round illustrative figures only.", cast.name(JP_ATLA), false, CUI_MISSILE);
        agenda(JP_ATLA, m, 4, "Technology disclosure and export-control prerequisites / 技術開示と輸出管理の前提条件",
                "What each side needs before technical data can move.", cast.name(US_ACQ), false, CUI_MISSILE);
        decision(JP_ATLA, m, plan, "Study AMRAAM (AIM-120) and PAC-3 MSE as the first co-production cases and put "
                + "them to the July 2024 \"2+2\". / AMRAAM及びPAC-3 MSEを最初の共同生産案件として検討し、2024年7月の"
                + "「2+2」に諮る。", CUI_MISSILE);
        action(JP_ATLA, m, pac3, "Compile PAC-3 MSE production-line capacity data (illustrative)",
                "国内ラインの月産能力と制約要因を整理する（例示値）。", JP_ATLA, LocalDate.of(2024, 9, 13), true,
                CUI_MISSILE);
        action(JP_ATLA, m, amraam, "Propose AIM-120 work-share options",
                "Two or three options with indicative work-share percentages (round numbers).", US_ACQ,
                LocalDate.of(2024, 9, 13), true, CUI_MISSILE);
        minutes(JP_ATLA, m, """
                # Missile co-production WG — first meeting (27 June 2024)

                ## Summary
                - Both sides confirmed AMRAAM (AIM-120) and PAC-3 MSE as the first cases to study.
                - The Japanese side presented production-line capacity in round, illustrative figures.
                - Disclosure and export-control steps were listed; owners to be named at the next meeting.

                ## 要旨
                - AMRAAM及びPAC-3 MSEを最初の検討対象とすることを確認した。
                - 日本側は国内生産ラインの能力を概数（例示）で説明した。
                - 技術開示・輸出管理の手順を整理した。担当者は次回会合で決める。
                """);
    }

    private void shipKickOff() {
        Meeting m = meeting(US_NAVY, Meeting.Kind.WORKING_GROUP, DemoWorkingGroups.SHIP,
                "Ship repair WG — first meeting", "船舶修理作業部会 — 第1回会合",
                at(2024, 6, 28, 13, 0), at(2024, 6, 28, 16, 0), TOKYO, "Yokosuka, Japan", CUI_SHIP,
                US_NAVY, US_ACQ, JP_MSDF, JP_ATLA, JP_INDUSTRY);
        agenda(US_NAVY, m, 1, "U.S. legal limits on overhauls in foreign yards / 外国造船所での修理に関する米国法の制限",
                "Forward-deployed ships; jobs under 6 months; ships not due home within 15 months.",
                cast.name(US_NAVY), false, UNCLASSIFIED);
        AgendaItem msra = agenda(US_NAVY, m, 2, "MSRA certification: technical and security checks / MSRA認定：技術・保全審査",
                "Steps, documents and typical duration (illustrative).", cast.name(US_NAVY), false, CUI_SHIP);
        AgendaItem yards = agenda(US_NAVY, m, 3, "Candidate yards and dock availability / 候補造船所とドックの空き状況",
                "Industry session: yards present capacity in round numbers.", cast.name(JP_INDUSTRY), true, CUI_SHIP);
        AgendaItem pilot = agenda(US_NAVY, m, 4, "Selecting a pilot overhaul / 試行的オーバーホールの選定",
                "Criteria: scope, duration, ship schedule.", cast.name(JP_MSDF), false, CUI_SHIP);
        decision(US_NAVY, m, pilot, "Pursue a first regular overhaul of a forward-deployed U.S. Navy ship at a Japanese "
                + "yard as a pilot. / 前方展開米海軍艦艇の定期オーバーホールを日本の造船所で試行的に実施する方向で検討する。",
                CUI_SHIP);
        action(US_NAVY, m, msra, "Brief MSRA certification steps to candidate Japanese yards",
                "Walk-through of the technical and security checks; Q&A with yards.", US_NAVY,
                LocalDate.of(2024, 9, 30), true, CUI_SHIP);
        action(US_NAVY, m, yards, "List JMSDF dry-dock availability windows for 2025",
                "海上自衛隊の使用予定と重ならない期間を整理する。", JP_MSDF, LocalDate.of(2024, 9, 30), true, CUI_SHIP);
        minutes(US_NAVY, m, """
                # Ship repair WG — first meeting (28 June 2024, Yokosuka)

                ## Points discussed
                1. U.S. law limits overhauls of U.S. Navy ships in foreign yards (forward-deployed ships, jobs under \
                six months, not due home within 15 months).
                2. Yards need a Master Ship Repair Agreement (MSRA) after technical and security checks.
                3. Candidate yards presented dock capacity (illustrative).

                | Topic | Lead | Next step |
                |---|---|---|
                | MSRA briefing | U.S. Navy | brief candidate yards |
                | Dock windows | JMSDF | list 2025 windows |
                | Pilot selection | co-chairs | criteria by September |

                ## 要旨
                試行的オーバーホールの実施に向け、MSRA認定手順の説明とドックの空き状況の整理を行う。
                """);
    }

    // ---------------------------------------------------------------- September 2024 working groups

    private void missileSecond() {
        Meeting m = meeting(US_ACQ, Meeting.Kind.WORKING_GROUP, DemoWorkingGroups.MISSILE,
                "Missile co-production WG — second meeting", "先進ミサイル共同生産作業部会 — 第2回会合",
                at(2024, 9, 17, 9, 0), at(2024, 9, 17, 16, 0), NEW_YORK, "Arlington, Virginia", CUI_REL_USA_JPN,
                US_ACQ, US_POLICY, US_FDO, JP_ATLA);
        agenda(US_ACQ, m, 1, "Follow-up to the July 2024 \"2+2\" / 2024年7月「2+2」のフォローアップ",
                "AMRAAM and PAC-3 MSE agreed for co-production.", cast.name(US_POLICY), false, UNCLASSIFIED);
        AgendaItem scope = agenda(US_ACQ, m, 2, "AIM-120 feasibility study: draft scope / AIM-120実現可能性調査：範囲案",
                "Questions the study must answer; data each side provides.", cast.name(US_ACQ), false,
                CUI_REL_USA_JPN);
        agenda(US_ACQ, m, 3, "PAC-3 MSE: constraints to stable production / PAC-3 MSE：安定生産への制約",
                "Long-lead items and test capacity (illustrative).", cast.name(JP_ATLA), false, CUI_REL_USA_JPN);
        AgendaItem disclosure = agenda(US_ACQ, m, 4, "Disclosure of technical data packages / 技術データパッケージの開示",
                "Process and timelines for release decisions.", cast.name(US_FDO), false, CUI_REL_USA_JPN);
        decision(US_ACQ, m, scope, "Draft action plans for AIM-120 and PAC-3 MSE go to the December plenary for "
                + "approval. / AIM-120及びPAC-3 MSEの行動計画案を12月の本会合に諮る。", CUI_REL_USA_JPN);
        action(US_FDO, m, disclosure, "Review release of the AIM-120 technical data package to Japan",
                "Internal U.S. review; outcome to be shared with the working group once decided.", US_FDO,
                LocalDate.of(2026, 10, 30), false, CUI_NOFORN);
        minutes(US_ACQ, m, """
                # Missile co-production WG — second meeting (17 September 2024, Arlington)

                ## Summary
                - The July 2024 "2+2" agreed AMRAAM (AIM-120) and PAC-3 MSE for co-production.
                - Draft scope of an AIM-120 feasibility study discussed:
                  - which sections to co-produce first;
                  - tooling and test equipment;
                  - learning-curve savings of a combined buy (illustrative 85 % curve).
                - PAC-3 MSE: long-lead items identified as the main constraint (illustrative).

                ## 要旨
                AIM-120実現可能性調査の範囲案とPAC-3 MSEの安定生産に向けた制約を議論した。行動計画案は12月の本会合に諮る。
                """);
    }

    private void shipSecond() {
        Meeting m = meeting(US_NAVY, Meeting.Kind.WORKING_GROUP, DemoWorkingGroups.SHIP,
                "Ship repair WG — second meeting (Australian observer)", "船舶修理作業部会 — 第2回会合（豪州オブザーバー参加）",
                at(2024, 9, 19, 10, 0), at(2024, 9, 19, 15, 0), TOKYO, "Yokosuka, Japan", UNCLASSIFIED_REL_AUS,
                US_NAVY, JP_MSDF, JP_ATLA, AU_DOD);
        agenda(US_NAVY, m, 1, "Status of MSRA reviews / MSRA審査の状況", "Candidate yards in review (illustrative).",
                cast.name(US_NAVY), false, UNCLASSIFIED_REL_AUS);
        AgendaItem pilot = agenda(US_NAVY, m, 2, "Pilot overhaul planning / 試行的オーバーホールの計画",
                "Scope and a duration under six months.", cast.name(JP_MSDF), false, UNCLASSIFIED_REL_AUS);
        AgendaItem region = agenda(US_NAVY, m, 3, "Regional ship-repair capacity: an Australian perspective",
                "Observer briefing.", cast.name(AU_DOD), false, UNCLASSIFIED_REL_AUS);
        decision(US_NAVY, m, pilot, "Plan the pilot overhaul for the first half of 2025 (planning assumption). / "
                + "試行的オーバーホールは2025年前半の実施を計画の前提とする。", UNCLASSIFIED_REL_AUS);
        action(US_NAVY, m, region, "Share an Australian view of regional ship-repair capacity",
                "Short paper for the working group (round numbers).", AU_DOD, LocalDate.of(2025, 2, 28), false,
                UNCLASSIFIED_REL_AUS);
        minutes(US_NAVY, m, """
                # Ship repair WG — second meeting (19 September 2024, Yokosuka)

                - MSRA reviews of candidate yards are under way (illustrative status).
                - The pilot overhaul is planned for the first half of 2025 and must stay under six months.
                - Australia attended as an observer and briefed on regional repair capacity.

                ## 要旨
                MSRA審査の進捗を確認し、試行的オーバーホールを2025年前半に計画することとした。豪州がオブザーバーとして参加した。
                """);
    }

    // ---------------------------------------------------------------- October 2024 plenary, Hawaii

    private void hawaiiPlenary() {
        Meeting m = meeting(ADMIN, Meeting.Kind.PLENARY, DemoWorkingGroups.PLENARY,
                "DICAS plenary — Honolulu, October 2024", "DICAS本会合（ホノルル、2024年10月）",
                at(2024, 10, 22, 9, 0), at(2024, 10, 22, 16, 0), HONOLULU, "Honolulu, Hawaii", UNCLASSIFIED,
                US_POLICY, US_ACQ, US_NAVY, US_FDO, JP_ATLA, JP_MSDF, ADMIN);
        AgendaItem review = agenda(ADMIN, m, 1, "Review of the June and September WG meetings / 6月・9月の作業部会の報告",
                "Each working group reports progress.", "WG co-chairs / 作業部会共同議長", false, UNCLASSIFIED);
        agenda(ADMIN, m, 2, "Missile co-production after the July \"2+2\" / 7月「2+2」後のミサイル共同生産",
                "AMRAAM and PAC-3 MSE: towards action plans.", cast.name(US_ACQ), false, UNCLASSIFIED);
        agenda(ADMIN, m, 3, "Ship repair: MSRA progress and the pilot overhaul / 船舶修理：MSRAと試行的オーバーホール",
                "", cast.name(US_NAVY), false, UNCLASSIFIED);
        AgendaItem air = agenda(ADMIN, m, 4, "Aircraft repair: finding a pilot case / 航空機修理：パイロット案件の選定",
                "Candidates drawn from existing F-15/F-16 work and F-35 MRO&U capacity in Japan.",
                cast.name(JP_ATLA), false, UNCLASSIFIED);
        AgendaItem scr = agenda(ADMIN, m, 5, "Supply-chain resilience: first look at single points of failure / "
                        + "サプライチェーン：単一障害点の初期分析", "", cast.name(US_ACQ), false, UNCLASSIFIED);
        decision(ADMIN, m, review, "The plenary reviewed the June and September working-group meetings. / "
                + "本会合は6月及び9月の作業部会会合の結果を確認した。", UNCLASSIFIED);
        decision(ADMIN, m, air, "The aircraft repair working group will identify a pilot case. / "
                + "航空機修理作業部会はパイロット案件を特定する。", UNCLASSIFIED);
        action(ADMIN, m, air, "Identify an aircraft-repair pilot case",
                "候補を2〜3件に絞り、選定理由を添えて報告する。", JP_ATLA, LocalDate.of(2024, 12, 6), true, UNCLASSIFIED);
        action(ADMIN, m, scr, "Draft the supply-chain mapping approach",
                "Tiers to map, data sources, and how to flag single points of failure.", US_ACQ,
                LocalDate.of(2025, 1, 31), true, UNCLASSIFIED);
        minutes(ADMIN, m, """
                # DICAS plenary — Honolulu, 22 October 2024

                ## Reviewed
                - June and September meetings of the missile co-production and ship repair working groups.

                ## Agreed
                1. The aircraft repair working group will find a pilot case.
                2. The supply-chain working group will propose a mapping approach.

                ## 要旨
                6月・9月の作業部会会合の結果を確認した。航空機修理作業部会はパイロット案件を特定する。
                """);
    }

    // ---------------------------------------------------------------- December 2024 plenary

    private void decemberPlenary() {
        Meeting m = meeting(ADMIN, Meeting.Kind.PLENARY, DemoWorkingGroups.PLENARY,
                "DICAS plenary — December 2024 (video)", "DICAS本会合（2024年12月、テレビ会議）",
                at(2024, 12, 11, 8, 0), at(2024, 12, 11, 11, 0), NEW_YORK,
                "Video teleconference (Washington / Tokyo)", UNCLASSIFIED,
                US_POLICY, US_ACQ, US_NAVY, US_FDO, JP_ATLA, JP_MSDF, ADMIN);
        agenda(ADMIN, m, 1, "Progress since Honolulu / ホノルル会合以降の進捗", "", "WG co-chairs / 作業部会共同議長",
                false, UNCLASSIFIED);
        AgendaItem plans = agenda(ADMIN, m, 2, "Missile co-production action plans: AIM-120 and PAC-3 MSE / "
                        + "ミサイル共同生産の行動計画", "For approval.", cast.name(US_ACQ), false, UNCLASSIFIED);
        AgendaItem rates = agenda(ADMIN, m, 3, "PAC-3 MSE production-rate assumptions / PAC-3 MSE生産レートの前提",
                "Round illustrative figures behind the action plan.", cast.name(JP_ATLA), false, CUI);
        agenda(ADMIN, m, 4, "Ship and aircraft repair updates / 船舶・航空機修理の報告", "", cast.name(US_NAVY), false,
                UNCLASSIFIED);
        AgendaItem next = agenda(ADMIN, m, 5, "Next plenary and widening the agenda / 次回本会合と議題の拡大",
                "", cast.name(ADMIN), false, UNCLASSIFIED);
        decision(ADMIN, m, plans, "Approved the AIM-120 action plan: scope of a co-production feasibility study. / "
                + "AIM-120の行動計画（共同生産の実現可能性調査の範囲）を承認した。", UNCLASSIFIED);
        decision(ADMIN, m, plans, "Approved the PAC-3 MSE action plan: steps toward stable production. / "
                + "PAC-3 MSEの行動計画（安定生産に向けた手順）を承認した。", UNCLASSIFIED);
        decision(ADMIN, m, rates, "Working groups report feasibility-study resource estimates to the plenary members "
                + "before the next plenary.", "CUI//GROUP PLENARY");
        decision(ADMIN, m, next, "The next plenary will be held by June 2025. / 次回本会合は2025年6月までに開催する。",
                UNCLASSIFIED);
        action(US_ACQ, m, plans, "Launch the AIM-120 co-production feasibility study",
                "Per the approved scope; statement of work to both industries.", US_ACQ, LocalDate.of(2025, 6, 30),
                true, CUI_MISSILE);
        action(JP_ATLA, m, rates, "Report PAC-3 MSE progress toward stable production",
                "安定生産に向けた各手順の進捗を報告する（例示値）。", JP_ATLA, LocalDate.of(2026, 9, 30), false,
                CUI_REL_USA_JPN);
        action(ADMIN, m, next, "Convene the next plenary by June 2025", "Date, venue and draft agenda.", ADMIN,
                LocalDate.of(2025, 6, 30), true, UNCLASSIFIED);
        minutes(ADMIN, m, """
                # DICAS plenary — 11 December 2024 (video)

                ## Decisions
                | # | Decision | Marking |
                |---|---|---|
                | 1 | AIM-120 action plan approved: scope of a co-production feasibility study | UNCLASSIFIED |
                | 2 | PAC-3 MSE action plan approved: steps toward stable production | UNCLASSIFIED |
                | 3 | Next plenary by June 2025 | UNCLASSIFIED |

                ## Notes
                - The working groups keep their current co-chairs.
                - Members asked the secretariat to propose how to widen DICAS to broader acquisition interests.

                ## 要旨
                AIM-120及びPAC-3 MSEの行動計画を承認した。次回本会合は2025年6月までに開催する。
                """);
    }

    // ---------------------------------------------------------------- upcoming (illustrative)

    private void upcoming() {
        Meeting ship = meeting(JP_MSDF, Meeting.Kind.WORKING_GROUP, DemoWorkingGroups.SHIP,
                "Ship repair WG — 2027 planning meeting (illustrative)", "船舶修理作業部会 — 2027年計画会合（例示）",
                at(2027, 1, 20, 13, 0), at(2027, 1, 20, 16, 0), TOKYO, "Yokosuka, Japan", CUI_SHIP,
                JP_MSDF, US_NAVY, JP_ATLA, US_ACQ, JP_INDUSTRY);
        AgendaItem docks = agenda(JP_MSDF, ship, 1, "ドック使用計画（2027年度） / Dock schedule for JFY2027",
                "", cast.name(JP_MSDF), false, CUI_SHIP);
        AgendaItem audit = agenda(JP_MSDF, ship, 2, "MSRA pre-audit of a second yard / 第2造船所のMSRA事前審査",
                "Industry session.", cast.name(JP_INDUSTRY), true, CUI_SHIP);
        action(JP_MSDF, ship, docks, "Prepare the JFY2027 dry-dock schedule",
                "2027年度のドック使用計画案を作成し、会合前に共有する。", JP_MSDF, LocalDate.of(2027, 1, 15), false,
                CUI_SHIP);
        action(JP_MSDF, ship, audit, "Provide the yard security plan for the MSRA pre-audit (illustrative)",
                "保全計画の概要を提出する。", JP_INDUSTRY, LocalDate.of(2027, 2, 26), false, CUI_SHIP);

        Meeting plenary = meeting(ADMIN, Meeting.Kind.PLENARY, DemoWorkingGroups.PLENARY,
                "DICAS plenary — Tokyo, February 2027 (illustrative)", "DICAS本会合（東京、2027年2月、例示）",
                at(2027, 2, 17, 10, 0), at(2027, 2, 17, 17, 0), TOKYO, "Tokyo, Japan", UNCLASSIFIED,
                US_POLICY, US_ACQ, US_FDO, JP_ATLA, ADMIN, AU_DOD);
        AgendaItem agendaItem = agenda(ADMIN, plenary, 1, "Working-group reports / 各作業部会からの報告", "",
                "WG co-chairs / 作業部会共同議長", false, UNCLASSIFIED);
        agenda(ADMIN, plenary, 2, "Widening DICAS to broader acquisition interests / 取得分野全般への議題拡大", "",
                cast.name(US_POLICY), false, UNCLASSIFIED);
        agenda(ADMIN, plenary, 3, "Multilateral participation: Australia and other partners / 多国間参加",
                "", cast.name(AU_DOD), false, PUBLIC);
        action(ADMIN, plenary, agendaItem, "Circulate the draft agenda of the February 2027 plenary",
                "Bilingual draft to members four weeks ahead.", ADMIN, LocalDate.of(2027, 1, 20), false, UNCLASSIFIED);

        Meeting scr = meeting(US_ACQ, Meeting.Kind.WORKING_GROUP, DemoWorkingGroups.SCR,
                "Supply-chain resilience WG — spring 2027 (illustrative)", "サプライチェーン強靱化作業部会 — 2027年春（例示）",
                at(2027, 3, 10, 9, 0), at(2027, 3, 10, 12, 0), NEW_YORK, "Video teleconference", UNCLASSIFIED,
                US_ACQ, JP_ATLA, AU_DOD);
        agenda(US_ACQ, scr, 1, "Single points of failure: update / 単一障害点の更新", "", cast.name(US_ACQ), false,
                UNCLASSIFIED);
        agenda(US_ACQ, scr, 2, "Priority-delivery requests under the SoSA / SoSAに基づく優先納入要請", "",
                cast.name(JP_ATLA), false, UNCLASSIFIED);
    }

    // ---------------------------------------------------------------- action items without a meeting

    private void standaloneActionItems() {
        action(US_ACQ, null, null, "Submit an illustrative supplier list for AMRAAM rocket-motor components",
                "Company view of tier-2 and tier-3 suppliers; round numbers only.", US_INDUSTRY,
                LocalDate.of(2027, 1, 29), false, "UNCLASSIFIED//GROUP WG-MISSILE");
        action(JP_ATLA, null, null, "国内サプライヤーの輸出管理体制の確認",
                "共同生産に参加する国内企業の輸出管理・情報保全体制を確認する。", JP_ATLA, LocalDate.of(2027, 3, 31), false,
                CUI_NOFORN);
        action(US_POLICY, null, null, "Map the roles-missions-capabilities dialogue to the DICAS agenda",
                "Link operational requirements to acquisition plans, as recommended.", US_POLICY,
                LocalDate.of(2026, 6, 30), false, UNCLASSIFIED);
        action(US_NAVY, null, null, "Publish lessons learned from the first overhaul at a Japanese yard",
                "USS Miguel Keith completed a regular overhaul of about five months in a Japanese yard in April "
                        + "2025; capture lessons for the next jobs.", US_NAVY, LocalDate.of(2025, 10, 31), false,
                CUI_SHIP);
    }

    // ---------------------------------------------------------------- helpers

    private static LocalDateTime at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute);
    }

    private Meeting meeting(String organiser, Meeting.Kind kind, String group, String titleEn, String titleJa,
                            LocalDateTime starts, LocalDateTime ends, String zone, String location, String marking,
                            String... attendees) {
        Meeting m = meetings.create(cast.user(organiser), new MeetingCommand(kind, groups.get(group), titleEn,
                titleJa, starts, ends, zone, location, "", marking, cast.ids(attendees)));
        counts.meetings++;
        return m;
    }

    private AgendaItem agenda(String organiser, Meeting m, int position, String title, String description,
                              String presenter, boolean industrySession, String marking) {
        AgendaItem a = meetings.addAgendaItem(cast.user(organiser), m.id(),
                new AgendaItemCommand(position, title, description, presenter, industrySession, marking));
        counts.agendaItems++;
        return a;
    }

    private void decision(String organiser, Meeting m, AgendaItem item, String text, String marking) {
        meetings.addDecision(cast.user(organiser), m.id(),
                new DecisionCommand(item == null ? null : item.id(), text, marking));
        counts.decisions++;
    }

    private void minutes(String organiser, Meeting m, String markdown) {
        DicasUser who = cast.user(organiser);
        meetings.recordMinutes(who, m.id(), new ExpectedVersion(meetings.meeting(who, m.id()).version()),
                new MinutesCommand(markdown));
    }

    private void action(String creator, Meeting m, AgendaItem item, String title, String description, String owner,
                        LocalDate due, boolean done, String marking) {
        ActionItem a = actionItems.create(cast.user(creator), new ActionItemCommand(m == null ? null : m.id(),
                item == null ? null : item.id(), title, description, cast.id(owner), due, ActionItem.Status.OPEN,
                marking));
        if (done) {
            actionItems.setDone(cast.user(creator), a.id(), true);
        }
        counts.actionItems++;
    }
}
