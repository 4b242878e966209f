package org.dicas.requirements.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dicas.platform.DemoMode;
import org.dicas.programs.Program;
import org.dicas.programs.Programs;
import org.dicas.requirements.Lead;
import org.dicas.requirements.LeadCommand;
import org.dicas.requirements.Leads;
import org.dicas.requirements.Opportunity;
import org.dicas.requirements.OpportunityCommand;
import org.dicas.requirements.PairJudgmentCommand;
import org.dicas.requirements.PairJudgments;
import org.dicas.requirements.Pipeline;
import org.dicas.requirements.PipelineMove;
import org.dicas.requirements.Requirement;
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
 * Demo mode only, once (while there is no lead and no opportunity): eight illustrative leads in both languages from
 * the three source types, and pipeline opportunities between the demo requirements (looked up by title, seeded with
 * {@code @Order(30)}): the trainer pair under study, the AMRAAM pair as a candidate, the CCA trade-show lead at LEAD,
 * and the GPI pair at PROGRAM linked to the demo GPI program (seeded with {@code @Order(40)}) when it exists; and two
 * officials' judgments: jp.atla confirms the trainer pair, us.acq the AMRAAM pair (each marked with its pair's
 * high-water mark by {@link PairJudgments}).
 * Source names and texts are illustrative; the programs they mention are public (domain brief).
 */
@Component
@Order(50)
class OpportunitiesDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OpportunitiesDemoData.class);
    private static final String REL = "CUI//REL TO USA, JPN";
    private static final String TRI = "UNCLASSIFIED//REL TO USA, JPN, AUS";

    private final DemoMode demoMode;
    private final Directory directory;
    private final Leads leads;
    private final Pipeline pipeline;
    private final Requirements requirements;
    private final Programs programs;
    private final PairJudgments judgments;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    OpportunitiesDemoData(DemoMode demoMode, Directory directory, Leads leads, Pipeline pipeline,
                          Requirements requirements, Programs programs, PairJudgments judgments, JdbcClient jdbc,
                          PlatformTransactionManager transactionManager) {
        this.judgments = judgments;
        this.demoMode = demoMode;
        this.directory = directory;
        this.leads = leads;
        this.pipeline = pipeline;
        this.requirements = requirements;
        this.programs = programs;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.enabled()) {
            return;
        }
        if (jdbc.sql("select exists (select 1 from lead) or exists (select 1 from opportunity)").query(Boolean.class)
                .single()) {
            log.debug("Demo mode: leads or opportunities exist already; demo pipeline not loaded again");
            return;
        }
        Optional<DicasUser> us = directory.userByUsername("us.acq");
        Optional<DicasUser> jp = directory.userByUsername("jp.atla");
        if (us.isEmpty() || jp.isEmpty()) {
            log.debug("Demo mode: demo users missing; demo pipeline not loaded");
            return;
        }
        int[] n = transaction.execute(s -> seed(us.get(), jp.get()));
        log.info("Demo leads and opportunities loaded: {} leads, {} opportunities", n[0], n[1]);
    }

    private int[] seed(DicasUser us, DicasUser jp) {
        var today = leads.today();
        List<Lead> made = new ArrayList<>();
        made.add(leads.create(us, new LeadCommand("PRIVATE_SECTOR", "DICAS industry roundtable (Tokyo)",
                today.minusDays(40), "Rocket-motor makers on both sides offer capacity for interceptor propulsion",
                "At the DICAS industry roundtable, propulsion firms from both nations said their rocket-motor lines "
                        + "could take a shared interceptor propulsion workload if schedules for the glide phase "
                        + "interceptor and SM-3 Block IIA buys were aligned. (Illustrative.)", "", REL)));
        made.add(leads.create(us, new LeadCommand("OVERSEAS_GOVERNMENT_REPRESENTATIVE",
                "U.S. Embassy Tokyo, defense attaché office", today.minusDays(25),
                "Japan studies the T-7A as its next trainer aircraft",
                "The defense attaché reports that the Air Self-Defense Force is studying the T-7A Red Hawk to replace "
                        + "the T-4 trainer aircraft, and would welcome a combined buy and a later co-developed "
                        + "tactical trainer. (Illustrative.)", "", REL)));
        made.add(leads.create(us, new LeadCommand("INTERNATIONAL_CONFERENCE",
                "Indo-Pacific defense exhibition (trade-show notice, illustrative)", today.minusDays(12),
                "Unmanned collaborative combat aircraft: partner nations look for co-development",
                "Exhibitors and several delegations presented unmanned collaborative combat aircraft concepts; "
                        + "delegations from Japan and Australia asked about joint development of autonomy software "
                        + "for unmanned wingmen. (Illustrative.)", "", TRI)));
        made.add(leads.create(us, new LeadCommand("OVERSEAS_GOVERNMENT_REPRESENTATIVE",
                "Australian Embassy Tokyo, defence attaché (illustrative)", today.minusDays(8),
                "Australia's upgraded Mogami frigates: common sustainment with Japan",
                "Australia chose the upgraded Mogami-class frigate; the attaché suggests common spare parts and "
                        + "frigate maintenance arrangements with Japan's new FFM build. (Illustrative.)", "", TRI)));
        made.add(leads.create(jp, new LeadCommand("OVERSEAS_GOVERNMENT_REPRESENTATIVE",
                "在米国日本国大使館 防衛駐在官（例示）", today.minusDays(30), "",
                "米海軍はSM-6の生産能力拡大を検討しており、日本での共同生産について関心を示している。"
                        + "迎撃ミサイルの調達時期を日米で整合させる余地がある。（例示）", "", REL)));
        made.add(leads.create(jp, new LeadCommand("PRIVATE_SECTOR", "DICAS産業界円卓会議（東京）", today.minusDays(40),
                "", "国内造船所は米海軍艦艇の定期修理を追加で受け入れる余力があるとの説明があった。"
                        + "船舶修理の作業分担と基本船舶修理協定（MSRA）の認証が課題である。（例示）", "", REL)));
        made.add(leads.create(jp, new LeadCommand("INTERNATIONAL_CONFERENCE", "国際航空宇宙展（例示）",
                today.minusDays(20), "", "練習機の後継について、日米豪の関係者が共同調達の可能性を議論した。"
                        + "操縦者教育の共通化と取得時期の調整が論点となった。（例示）", "", TRI)));
        made.add(leads.create(jp, new LeadCommand("PRIVATE_SECTOR", "防衛関連企業説明会（例示）", today.minusDays(5), "",
                "航空機用電子部品の生産終了に伴い、補用部品を日米で一括調達する提案が企業から示された。"
                        + "部品枯渇への共同対処として検討に値する。（例示）", "", REL)));
        int opportunities = 0;
        Long trainerUs = requirement(us, "Advanced pilot training aircraft to replace the T-38C Talon");
        Long trainerJp = requirement(jp, "T-4中等練習機の後継機（練習機）の取得");
        if (trainerUs != null && trainerJp != null) {
            Opportunity o = pipeline.create(us, new OpportunityCommand("Common trainer aircraft (T-7A) / 練習機の共同調達",
                    List.of(trainerUs, trainerJp), made.get(1).id(), null,
                    "Joint pilot-training requirement study with ASDF", today.plusDays(30), 20.0, 0.85, ""));
            judgments.judge(jp, trainerJp, new PairJudgmentCommand(trainerUs, true, null,
                    "両国とも高等操縦教育用の練習機であり、同一の要求と判断する。（例示）"));
            pipeline.move(us, o.id(), new PipelineMove("UNDER_STUDY", "Both air forces agreed to study a combined buy",
                    null));
            opportunities++;
        }
        Long amraamUs = requirement(us, "Expand AIM-120 AMRAAM production capacity");
        Long amraamJp = requirement(jp, "中距離空対空誘導弾（AMRAAM）の国内共同生産体制の構築");
        if (amraamUs != null && amraamJp != null) {
            pipeline.create(jp, new OpportunityCommand("AMRAAM共同生産 / AMRAAM co-production",
                    List.of(amraamUs, amraamJp), null, null, "作業部会で実現可能性調査の範囲を確認する",
                    today.plusDays(45), 1.5, 0.9, ""));
            judgments.judge(us, amraamUs, new PairJudgmentCommand(amraamJp, true, null,
                    "Both needs are AMRAAM production capacity. (Illustrative.)"));
            opportunities++;
        }
        pipeline.create(us, new OpportunityCommand("", List.of(), made.get(2).id(), null,
                "Ask the exhibition delegations for their CCA requirement dates", today.plusDays(14), null, null,
                ""));
        opportunities++;
        Long gpiUs = requirement(us, "Glide Phase Interceptor (GPI) against hypersonic glide vehicles");
        Long gpiJp = requirement(jp, "滑空段階迎撃用誘導弾（GPI）の日米共同開発・取得");
        if (gpiUs != null && gpiJp != null) {
            Opportunity o = pipeline.create(us, new OpportunityCommand("Glide Phase Interceptor cooperative development",
                    List.of(gpiUs, gpiJp), made.get(0).id(), null, "Track work share of the propulsion lot",
                    null, 50.0, 0.85, ""));
            pipeline.move(us, o.id(), new PipelineMove("UNDER_STUDY", "", null));
            Optional<Program> gpi = programs.readable(us).stream()
                    .filter(p -> p.nameEn() != null && p.nameEn().startsWith("Glide Phase Interceptor")).findFirst();
            if (gpi.isPresent()) {
                pipeline.attachProgram(us, o.id(), gpi.get().id(), "Agreed in May 2024 (public)");
            } else {
                pipeline.move(us, o.id(), new PipelineMove("AGREED", "Agreed in May 2024 (public)",
                        new PipelineMove.ProgramDetails("CO_DEVELOPMENT", List.of(
                                new PipelineMove.PartnerShare("USA", new BigDecimal("60")),
                                new PipelineMove.PartnerShare("JPN", new BigDecimal("40"))), "", "")));
            }
            opportunities++;
        }
        return new int[]{made.size(), opportunities};
    }

    /** The id of the demo requirement with this English or Japanese title, if the user may read it. */
    private Long requirement(DicasUser user, String title) {
        return requirements.readable(user).stream()
                .filter(r -> title.equals(r.titleEn()) || title.equals(r.titleJa()))
                .map(Requirement::id).findFirst().orElse(null);
    }
}
