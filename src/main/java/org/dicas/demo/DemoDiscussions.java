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

import java.util.Map;
import org.dicas.shared.ExpectedVersion;
import org.dicas.forum.DiscussionThread;
import org.dicas.forum.Discussions;
import org.dicas.forum.Reply;
import org.dicas.forum.ReplyCommand;
import org.dicas.forum.ThreadCommand;

/** Discussion threads in English and Japanese, with replies, nested replies and one reply its author deleted. */
final class DemoDiscussions {

    private static final String UNCLASSIFIED = "UNCLASSIFIED";
    private static final String CUI_SHIP = "CUI//GROUP WG-SHIP";
    private static final String CUI_MISSILE = "CUI//REL TO USA, JPN//GROUP WG-MISSILE";

    private final Discussions discussions;
    private final DemoCast cast;
    private final Map<String, Long> groups;
    private final DemoCounts counts;

    DemoDiscussions(Discussions discussions, DemoCast cast, Map<String, Long> groups, DemoCounts counts) {
        this.discussions = discussions;
        this.cast = cast;
        this.groups = groups;
        this.counts = counts;
    }

    void seed() {
        welcome();
        overhaulLessons();
        shipRepairCapacity();
        rocketMotors();
        singleSources();
        aircraftPilot();
        disclosureQueue();
    }

    private void welcome() {
        DiscussionThread t = thread(ADMIN, null, "Welcome to DICAS — introduce yourself / DICASへようこそ", """
                Welcome to the DICAS working space. Please introduce yourself: organization, working groups, and \
                what you hope DICAS will achieve this year.

                DICASの作業スペースへようこそ。所属、参加する作業部会、今年DICASで達成したいことを添えて自己紹介をお願いします。""",
                "PUBLIC");
        reply(AU_DOD, t, null, "Hello from Canberra. Australia follows the ship repair and supply-chain work as an "
                + "observer and hopes to join more of it.", "PUBLIC");
        reply(JP_ATLA, t, null, "防衛装備庁の森です。ミサイル共同生産とサプライチェーンの作業部会を担当しています。"
                + "よろしくお願いします。", "PUBLIC");
        Reply wrong = reply(US_INDUSTRY, t, null, "Re the rocket-motor supplier list: draft attached next week.",
                "PUBLIC");
        discussions.deleteReply(cast.user(US_INDUSTRY), t.id(), wrong.id(), new ExpectedVersion(wrong.version()));
        reply(US_INDUSTRY, t, null, "Sorry, wrong thread. Hi all: I represent an (illustrative) U.S. missile maker "
                + "in the missile co-production working group.", "PUBLIC");
    }

    private void overhaulLessons() {
        DiscussionThread t = thread(US_NAVY, DemoWorkingGroups.SHIP, "Lessons from the first overhaul at a Japanese yard",
                """
                In April 2025 USS Miguel Keith finished a regular overhaul of about five months (about $12M) at a \
                Japanese yard, the first overhaul of its kind. What should we carry into the next jobs?

                - planning lead time
                - parts and long-lead material
                - security and access at the yard""", UNCLASSIFIED);
        Reply msdf = reply(JP_MSDF, t, null, "部品の調達リードタイムを早期に共有できたことが大きかったと考えます。"
                + "次回は着工の3か月前までに作業範囲を確定したいです。", UNCLASSIFIED);
        reply(US_ACQ, t, null, "From the contracting side: a standard work-package template for both languages "
                + "would save weeks.", UNCLASSIFIED);
        reply(US_NAVY, t, msdf.id(), "Agreed. Three months ahead for the work scope is a good target; let's put it "
                + "in the checklist.", UNCLASSIFIED);
    }

    private void shipRepairCapacity() {
        DiscussionThread t = thread(JP_MSDF, DemoWorkingGroups.SHIP, "船舶修理の能力について", """
                米海軍艦艇の修理需要に対し、国内造船所の受入能力をどう見積もるかを議論したいと思います。

                1. ドックの空き状況（海上自衛隊の使用予定との調整）
                2. 技能者の確保
                3. 保全（セキュリティ）要件への対応""", CUI_SHIP);
        Reply yard = reply(JP_INDUSTRY, t, null, "当社では年間2隻程度の追加受入が可能と見ています（例示）。"
                + "技能者の確保が最大の課題です。", CUI_SHIP);
        reply(JP_INDUSTRY, t, null, "当社ドックの詳細な稼働計画は、社外秘として別途提示します（例示）。",
                "CUI//GROUP WG-SHIP//PROPIN");
        reply(JP_ATLA, t, yard.id(), "ありがとうございます。技能者の確保については、防衛装備庁としても支援策を検討します。",
                CUI_SHIP);
    }

    private void rocketMotors() {
        DiscussionThread t = thread(US_ACQ, DemoWorkingGroups.MISSILE,
                "AMRAAM co-production: a second source for rocket-motor sub-components?", """
                Production capacity is the constraint both sides named. Could a Japanese second source for some \
                rocket-motor sub-components shorten lead times? Numbers below are illustrative.

                | Option | Lead time (months) | Notes |
                |---|---|---|
                | Single U.S. source | 24 | current baseline |
                | Add a Japanese second source | 18 | needs qualification |""", CUI_MISSILE);
        reply(JP_ATLA, t, null, "Worth studying inside the AIM-120 feasibility study. 実現可能性調査の範囲に含めることを"
                + "提案します。", CUI_MISSILE);
        Reply industry = reply(JP_INDUSTRY, t, null, "Qualification would take about a year on our side (illustrative).",
                CUI_MISSILE);
        reply(US_ACQ, t, industry.id(), "Thanks. A year fits the study timeline if we start qualification planning early.",
                CUI_MISSILE);
    }

    private void singleSources() {
        DiscussionThread t = thread(JP_ATLA, DemoWorkingGroups.SCR, "サプライチェーン強靱化：単一供給源の洗い出し", """
                共同生産の対象品目について、単一供給源（シングルソース）となっている部品の洗い出しを始めます。
                各国の知見を共有してください。

                - 対象：第2階層・第3階層のサプライヤー
                - 指標：国別の集中度（HHI）、復旧までの時間""", UNCLASSIFIED);
        reply(US_ACQ, t, null, "We can share a template: part, supplier tier, country, time-to-recover. "
                + "We'd suggest flagging any HHI above 2,500.", UNCLASSIFIED);
        Reply aus = reply(AU_DOD, t, null, "Australia is running a similar exercise and would be glad to compare "
                + "methods.", UNCLASSIFIED);
        reply(JP_ATLA, t, aus.id(), "ありがとうございます。手法の比較は次回の作業部会で取り上げましょう。", UNCLASSIFIED);
    }

    private void aircraftPilot() {
        String relAus = "UNCLASSIFIED//REL TO USA, JPN, AUS";
        DiscussionThread t = thread(US_ACQ, DemoWorkingGroups.AIR, "Aircraft repair: pilot case candidates", """
                The Honolulu plenary asked us to find a pilot case. Candidates so far (illustrative):

                1. depot-level work on F-15 components
                2. F-16 structural repair
                3. additional F-35 MRO&U workload""", relAus);
        reply(JP_ATLA, t, null, "F-15の部品整備は国内に実績があり、最初の案件として適していると考えます。", relAus);
        Reply aus = reply(AU_DOD, t, null, "Australia has F-35 MRO&U experience and could share lessons on the "
                + "third option.", "UNCLASSIFIED//REL TO AUS, USA, JPN");
        reply(US_ACQ, t, aus.id(), "That would help; let's schedule a short session on it.", relAus);
    }

    private void disclosureQueue() {
        DiscussionThread t = thread(US_FDO, null, "Disclosure review queue for co-production data", """
                Internal U.S. thread. Please flag technical data packages the working groups will need in the \
                next two quarters so that release reviews can be scheduled.""", "CUI//NOFORN");
        reply(US_ACQ, t, null, "AIM-120 data for the feasibility study is the first priority.", "CUI//NOFORN");
        reply(US_POLICY, t, null, "Please keep policy in the loop on anything touching the RDT&E arrangements.",
                "CUI//NOFORN");
    }

    private DiscussionThread thread(String author, String group, String title, String body, String marking) {
        DiscussionThread t = discussions.start(cast.user(author),
                new ThreadCommand(group == null ? null : groups.get(group), title, body, marking));
        counts.threads++;
        return t;
    }

    private Reply reply(String author, DiscussionThread t, Long parentId, String body, String marking) {
        Reply r = discussions.addReply(cast.user(author), t.id(), new ReplyCommand(parentId, body, marking));
        counts.replies++;
        return r;
    }
}
