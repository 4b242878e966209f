package org.dicas.demo;

import static org.dicas.demo.DemoUsers.ADMIN;
import static org.dicas.demo.DemoUsers.JP_ATLA;
import static org.dicas.demo.DemoUsers.JP_INDUSTRY;
import static org.dicas.demo.DemoUsers.US_ACQ;
import static org.dicas.demo.DemoUsers.US_FDO;
import static org.dicas.demo.DemoUsers.US_INDUSTRY;
import static org.dicas.demo.DemoUsers.US_NAVY;

import java.util.Map;
import org.dicas.forum.DocumentCommand;
import org.dicas.forum.Library;

/** Library documents in Markdown, English and Japanese, each added by a user cleared for its marking. */
final class DemoDocuments {

    private final Library library;
    private final DemoCast cast;
    private final Map<String, Long> groups;
    private final DemoCounts counts;

    DemoDocuments(Library library, DemoCast cast, Map<String, Long> groups, DemoCounts counts) {
        this.library = library;
        this.cast = cast;
        this.groups = groups;
        this.counts = counts;
    }

    void seed() {
        add(ADMIN, DemoWorkingGroups.PLENARY, "DICAS Terms of Reference — summary / 職務権限取り決めの概要", "PUBLIC", """
                # DICAS Terms of Reference — summary

                Signed in Tokyo in June 2024 by the U.S. Under Secretary of Defense for Acquisition and \
                Sustainment and the Commissioner of Japan's Acquisition, Technology & Logistics Agency (ATLA).

                ## Purpose
                - Deepen defense-industrial cooperation, acquisition and sustainment between the two nations.
                - Replace the Systems and Technology Forum, which mostly oversaw research projects.

                ## Structure
                | Body | Role | Meets |
                |---|---|---|
                | Plenary | priorities, approval of action plans | about twice a year |
                | Working groups | missiles, ship repair, aircraft repair, supply chain | as needed |
                | Secretariat | agenda, minutes, records | continuously |

                ## 概要（日本語）
                2024年6月に東京で署名。本会合が優先事項を定め、4つの作業部会（先進ミサイル共同生産、船舶修理、\
                航空機修理、サプライチェーン）が具体的な作業を行う。
                """);
        add(ADMIN, null, "DICAS glossary / DICAS用語集", "PUBLIC", """
                # DICAS glossary / DICAS用語集

                | English | 日本語 |
                |---|---|
                | cooperative acquisition | 共同調達 |
                | co-production / co-development | 共同生産 / 共同開発 |
                | working group | 作業部会 |
                | terms of reference | 職務権限取り決め |
                | ship repair / aircraft repair | 船舶修理 / 航空機修理 |
                | security of supply arrangement | 供給保証取決め |
                | technology disclosure | 技術開示 |
                | export control | 輸出管理 |
                | work share | 作業分担 |
                | industrial base | 産業基盤 |
                """);
        add(US_NAVY, DemoWorkingGroups.SHIP, "MSRA checklist for candidate Japanese yards", "CUI//GROUP WG-SHIP", """
                # MSRA checklist for candidate Japanese yards

                A yard needs a Master Ship Repair Agreement (MSRA) before it overhauls U.S. Navy ships. \
                Checklist (illustrative, for planning):

                ## Technical
                - [ ] dock and crane capacity documented
                - [ ] quality-management system audited
                - [ ] welding and NDT qualifications current

                ## Security
                - [ ] access control plan for the ship and work areas
                - [ ] handling of controlled documents
                - [ ] foreign-national workforce screening procedure

                ## Eligibility of the job (U.S. law)
                | Rule | Check |
                |---|---|
                | ship is forward-deployed | yes/no |
                | job under 6 months | planned duration |
                | not due home within 15 months | ship schedule |
                """);
        add(US_ACQ, DemoWorkingGroups.MISSILE, "AMRAAM co-production feasibility study — scope",
                "CUI//REL TO USA, JPN//EXPORT ITAR USML-IV", """
                # AMRAAM (AIM-120) co-production feasibility study — scope

                Approved as an action plan at the December 2024 plenary. Content below is illustrative.

                ## Questions the study answers
                1. Which sections and sub-assemblies can be co-produced first?
                2. What tooling, test equipment and qualification does each need?
                3. What lot sizes make a combined buy worthwhile?

                ## Method
                - Learning curve (unit theory), LR = 0.85 as a planning assumption.
                - Savings of a combined buy: C(Qa) + C(Qb) − C(Qa + Qb).

                ## Schedule (illustrative)
                | Phase | Duration |
                |---|---|
                | data collection | 3 months |
                | analysis | 4 months |
                | report to plenary | 1 month |
                """);
        add(JP_ATLA, DemoWorkingGroups.MISSILE, "PAC-3 MSE — steps to stable production (action plan summary)",
                "CUI//REL TO USA, JPN//GROUP WG-MISSILE", """
                # PAC-3 MSE — steps to stable production

                Summary of the action plan approved at the December 2024 plenary (illustrative detail).

                ## Steps
                1. Confirm demand of both nations for the next five years.
                2. Secure long-lead items.
                3. Expand test capacity.
                4. Agree a steady monthly rate.

                | Step | Lead | Target |
                |---|---|---|
                | demand | ATLA / OUSD(A&S) | 2025 Q2 |
                | long-lead items | industry | 2025 Q4 |
                | test capacity | ATLA | 2026 Q2 |

                ## 要旨
                両国の需要確認、長納期品の確保、試験能力の拡充を経て、安定した月産レートを合意する。
                """);
        add(JP_ATLA, DemoWorkingGroups.SCR, "サプライチェーン強靱化の進め方", "UNCLASSIFIED", """
                # サプライチェーン強靱化の進め方

                ## 目的
                共同生産・修理の対象品目について、供給途絶のリスクを早期に把握し、対策を講じる。

                ## 進め方
                1. 多層（第1〜第3階層）のサプライヤーを把握する
                2. 単一供給源及び国別の集中度（HHI）を評価する
                3. 途絶時の「耐えられる時間」と「復旧に要する時間」を比較する
                4. 必要に応じて供給保証取決め（SoSA）に基づく優先納入を要請する

                ## 評価の目安（例示）
                | 指標 | 目安 |
                |---|---|
                | HHI | 2,500超は高集中 |
                | 耐えられる時間 < 復旧に要する時間 | 要対策 |
                """);
        add(US_ACQ, DemoWorkingGroups.SCR, "Security of Supply Arrangement — requesting priority delivery",
                "UNCLASSIFIED", """
                # Security of Supply Arrangement (SoSA) — requesting priority delivery

                The U.S.–Japan SoSA (January 2023) is non-binding: each side may ask the other's firms for \
                priority delivery of defense goods.

                - **U.S. side:** requests are supported through DPAS ratings.
                - **Japanese side:** a voluntary industry code of conduct.

                ## How to raise a request (illustrative workflow)
                1. The program office describes the need and date.
                2. The national SoSA contact checks eligibility.
                3. The request goes to the other nation's contact.

                ## 要旨
                供給保証取決め（SoSA）に基づき、相手国企業に優先納入を要請できる（法的拘束力なし）。
                """);
        add(US_ACQ, DemoWorkingGroups.AIR, "Aircraft repair pilot case — selection criteria",
                "UNCLASSIFIED//REL TO USA, JPN, AUS", """
                # Aircraft repair pilot case — selection criteria

                | Criterion | Weight (illustrative) |
                |---|---|
                | existing capability in Japan | 30 % |
                | readiness benefit to forward-deployed units | 30 % |
                | time to first work | 20 % |
                | cost | 20 % |

                Candidates: F-15 component work, F-16 structural repair, additional F-35 MRO&U workload.
                """);
        add(JP_INDUSTRY, DemoWorkingGroups.SHIP, "Sakura Heavy Industries — dock capacity and rates (illustrative)",
                "CUI//PROPIN", """
                # Sakura Heavy Industries — dock capacity and rates (illustrative)

                Proprietary company data for government users of the ship repair working group.

                | Dock | Length (m) | Free windows 2027 | Indicative day rate |
                |---|---|---|---|
                | No. 1 | 250 | Apr–Jun | 10,000,000 JPY |
                | No. 2 | 180 | Sep–Nov | 6,000,000 JPY |

                ## 補足
                数値はすべて例示であり、実在の造船所のものではありません。
                """);
        add(US_INDUSTRY, DemoWorkingGroups.MISSILE, "Pacific Missile Works — capability statement (illustrative)",
                "UNCLASSIFIED//PROPIN", """
                # Pacific Missile Works — capability statement (illustrative)

                A fictional U.S. company used for demonstration.

                ## Capabilities
                - rocket-motor case machining
                - harness and cable assemblies
                - lot acceptance testing

                | Line | Capacity per year (round) |
                |---|---|
                | machining | 1,000 cases |
                | harnesses | 5,000 sets |
                """);
        add(US_FDO, null, "U.S. disclosure considerations for co-production", "CUI//NOFORN", """
                # U.S. disclosure considerations for co-production

                Internal U.S. note (illustrative).

                - A partner cannot be treated as a customer for disclosure yet be expected to share resources.
                - Release reviews should run in parallel with the feasibility study, not after it.
                - Each release decision is recorded against the record it covers.
                """);
        add(JP_ATLA, null, "技術開示に関する日本側の検討メモ", "CUI//NOFORN", """
                # 技術開示に関する日本側の検討メモ

                日本国内限り（例示）。

                ## 論点
                1. 共同生産に参加する国内企業の情報保全体制
                2. 輸出管理（外為法）の運用の柔軟化
                3. 相手国からの技術開示を受けるための条件整理
                """);
        add(ADMIN, DemoWorkingGroups.PLENARY, "Working-group work plans 2025 (consolidated)", "CUI", """
                # Working-group work plans 2025 (consolidated)

                | Working group | Main deliverable | Due |
                |---|---|---|
                | Missile co-production | AIM-120 feasibility study launched | June 2025 |
                | Ship repair | lessons from the first overhaul | Oct 2025 |
                | Aircraft repair | pilot case agreed | mid 2025 |
                | Supply chain | single-source map of co-production items | end 2025 |

                Dates are planning assumptions (illustrative).
                """);
    }

    private void add(String author, String group, String title, String marking, String body) {
        library.add(cast.user(author), new DocumentCommand(title, body, marking,
                group == null ? null : groups.get(group)));
        counts.documents++;
    }
}
