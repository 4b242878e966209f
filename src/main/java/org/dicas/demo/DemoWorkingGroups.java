package org.dicas.demo;

import static org.dicas.demo.DemoUsers.ADMIN;
import static org.dicas.demo.DemoUsers.ATLA;
import static org.dicas.demo.DemoUsers.JMSDF;
import static org.dicas.demo.DemoUsers.JP_ATLA;
import static org.dicas.demo.DemoUsers.JP_INDUSTRY;
import static org.dicas.demo.DemoUsers.JP_MSDF;
import static org.dicas.demo.DemoUsers.OUSD_AS;
import static org.dicas.demo.DemoUsers.US_ACQ;
import static org.dicas.demo.DemoUsers.US_FDO;
import static org.dicas.demo.DemoUsers.US_INDUSTRY;
import static org.dicas.demo.DemoUsers.US_NAVY;
import static org.dicas.demo.DemoUsers.US_NAVY_ORG;
import static org.dicas.demo.DemoUsers.US_POLICY;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dicas.forum.WorkingGroup;
import org.dicas.forum.WorkingGroupCommand;
import org.dicas.forum.WorkingGroupCommand.CoChairCommand;
import org.dicas.forum.WorkingGroups;

/** The plenary and the four working groups, created by the secretariat (ADMIN), marked so that everyone sees them. */
final class DemoWorkingGroups {

    static final String PLENARY = "PLENARY";
    static final String MISSILE = "MISSILE";
    static final String SHIP = "SHIP";
    static final String AIR = "AIR";
    static final String SCR = "SCR";

    private final WorkingGroups workingGroups;
    private final DemoCast cast;
    private final DemoCounts counts;

    DemoWorkingGroups(WorkingGroups workingGroups, DemoCast cast, DemoCounts counts) {
        this.workingGroups = workingGroups;
        this.cast = cast;
        this.counts = counts;
    }

    /** Creates the groups; returns their ids by code. */
    Map<String, Long> seed() {
        Map<String, Long> ids = new LinkedHashMap<>();
        ids.put(PLENARY, create(PLENARY, "DICAS plenary", "DICAS本会合", """
                        The plenary of the Forum on Defense Industrial Cooperation, Acquisition and Sustainment \
                        (DICAS), established under the Terms of Reference signed in Tokyo in June 2024 by the U.S. \
                        Under Secretary of Defense for Acquisition and Sustainment and the Commissioner of ATLA.

                        - Sets priorities and approves the working groups' action plans.
                        - Links bilateral dialogue on roles, missions and capabilities to acquisition plans.
                        - Holds regular industry meetings on the DICAS agenda; participants vary by topic.
                        - Reviews participation of further partner nations (e.g. Australia).""", """
                        防衛産業協力・調達・維持フォーラム（DICAS）の本会合。2024年6月に東京で米国防次官（取得・維持担当）と\
                        防衛装備庁長官が署名した職務権限取り決めに基づく。

                        - 優先事項を定め、各作業部会の行動計画を承認する。
                        - 役割・任務・能力に関する二国間対話と取得計画を結び付ける。
                        - DICASの議題について産業界との会合を定期的に開催する（参加者は議題に応じて変わる）。
                        - 他の同盟国・同志国（例：オーストラリア）の参加を検討する。""",
                "PLENARY", "PUBLIC",
                List.of(new CoChairCommand("USA", "Under Secretary of Defense for Acquisition and Sustainment (office)",
                                cast.organization(OUSD_AS)),
                        new CoChairCommand("JPN", "Commissioner, ATLA (防衛装備庁長官)", cast.organization(ATLA))),
                cast.ids(US_POLICY, US_ACQ, US_FDO, JP_ATLA, ADMIN)));
        ids.put(MISSILE, create(MISSILE, "Missile co-production working group", "先進ミサイル共同生産作業部会", """
                        Co-production of advanced missiles to expand both nations' production capacity.

                        - AMRAAM (AIM-120) and PAC-3 MSE, agreed for co-production at the July 2024 "2+2".
                        - Action plans: scope of an AIM-120 feasibility study; steps to stable PAC-3 MSE production.
                        - Technology disclosure and export-control prerequisites, worked with the disclosure offices.""",
                """
                        両国の生産能力を拡大するための先進ミサイルの共同生産。

                        - 2024年7月の「2+2」で共同生産に合意したAMRAAM（AIM-120）及びPAC-3 MSE。
                        - 行動計画：AIM-120実現可能性調査の範囲、PAC-3 MSEの安定生産に向けた手順。
                        - 技術開示及び輸出管理上の前提条件（開示担当部署と連携）。""",
                "WG-MISSILE", "UNCLASSIFIED",
                List.of(new CoChairCommand("USA", cast.name(US_ACQ), cast.organization(OUSD_AS)),
                        new CoChairCommand("JPN", cast.name(JP_ATLA), cast.organization(ATLA))),
                cast.ids(US_ACQ, JP_ATLA, US_INDUSTRY, JP_INDUSTRY)));
        ids.put(SHIP, create(SHIP, "Ship repair working group", "船舶修理作業部会", """
                        Repair and overhaul of U.S. Navy ships in Japanese shipyards.

                        - U.S. law limits overhauls in foreign yards: forward-deployed ships, jobs under 6 months, \
                        ships not due home within 15 months.
                        - Yards are certified under Master Ship Repair Agreements (MSRA) after technical and \
                        security checks.
                        - Capacity, schedules and lessons learned from pilot overhauls.""", """
                        米海軍艦艇の日本の造船所における修理・オーバーホール。

                        - 米国法は外国造船所でのオーバーホールを制限している（前方展開艦、6か月未満の工事、\
                        15か月以内に本国へ戻る予定のない艦）。
                        - 造船所は技術面及び保全面の審査を経て、船舶修理基本協定（MSRA）により認定される。
                        - 能力、日程、試行的オーバーホールから得た教訓。""",
                "WG-SHIP", "UNCLASSIFIED",
                List.of(new CoChairCommand("USA", cast.name(US_NAVY), cast.organization(US_NAVY_ORG)),
                        new CoChairCommand("JPN", cast.name(JP_MSDF), cast.organization(JMSDF))),
                cast.ids(US_ACQ, US_NAVY, JP_ATLA, JP_MSDF, JP_INDUSTRY)));
        ids.put(AIR, create(AIR, "Aircraft repair working group", "航空機修理作業部会", """
                        Maintenance and repair of U.S. aircraft in Japan, building on existing work (e.g. F-15 and \
                        F-16 work; F-35 MRO&U capacity in Japan).

                        - First task (Oct 2024 plenary): find a pilot case.""", """
                        日本における米軍航空機の整備・修理。既存の実績（F-15・F-16の作業、日本国内のF-35 MRO&U能力など）\
                        を基盤とする。

                        - 最初の課題（2024年10月本会合）：パイロット案件の選定。""",
                "WG-AIR", "UNCLASSIFIED",
                List.of(new CoChairCommand("USA", "Evan Brooks", cast.organization(OUSD_AS)),
                        new CoChairCommand("JPN", "西田 香織 (Kaori Nishida)", cast.organization(ATLA))),
                cast.ids(US_ACQ, JP_ATLA)));
        ids.put(SCR, create(SCR, "Supply-chain resilience working group", "サプライチェーン強靱化作業部会", """
                        Supply-chain support and resilience for the programs the forum pursues.

                        - Map multi-tier suppliers; find single points of failure and country concentration.
                        - Use the Security of Supply Arrangement (SoSA, Jan 2023) for priority-delivery requests.""",
                """
                        フォーラムが推進する事業のためのサプライチェーン支援と強靱化。

                        - 多層のサプライヤーを把握し、単一障害点及び国別の集中を特定する。
                        - 供給保証取決め（SoSA、2023年1月）を優先納入の要請に活用する。""",
                "WG-SCR", "UNCLASSIFIED",
                List.of(new CoChairCommand("USA", cast.name(US_ACQ), cast.organization(OUSD_AS)),
                        new CoChairCommand("JPN", cast.name(JP_ATLA), cast.organization(ATLA))),
                cast.ids(US_ACQ, JP_ATLA)));
        return ids;
    }

    private long create(String code, String nameEn, String nameJa, String mandateEn, String mandateJa,
                        String groupCode, String marking, List<CoChairCommand> coChairs, List<Long> members) {
        WorkingGroup wg = workingGroups.create(cast.user(ADMIN), new WorkingGroupCommand(code, nameEn, nameJa,
                mandateEn, mandateJa, WorkingGroup.Status.ACTIVE, groupCode, marking, coChairs, members));
        counts.workingGroups++;
        return wg.id();
    }
}
