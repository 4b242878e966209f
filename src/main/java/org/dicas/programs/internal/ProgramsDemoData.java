package org.dicas.programs.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dicas.forum.AgendaItemCommand;
import org.dicas.forum.DecisionCommand;
import org.dicas.forum.Meeting;
import org.dicas.forum.MeetingCommand;
import org.dicas.forum.Meetings;
import org.dicas.platform.DemoMode;
import org.dicas.programs.Agreement;
import org.dicas.programs.AgreementCommand;
import org.dicas.programs.Agreements;
import org.dicas.programs.Program;
import org.dicas.programs.ProgramCommand;
import org.dicas.programs.Programs;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.ReadableRecords;
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
 * Demo mode only, once (while there is no program yet): the cooperative programs and agreements of the public
 * record around DICAS — GPI cooperative development, the CCA AI project arrangement, AMRAAM and PAC-3 MSE
 * co-production, the trainer aircraft talks, SM-3 Block IIA co-development; the RDT&amp;E MOU, the SoSA, the CCA AI
 * project arrangement and the DICAS Terms of Reference (linking the forum's ToR document when the demo documents hold
 * it) — and one U.S.–Japan acquisition consultation whose agenda links programs. Cost shares, work-share targets and
 * most milestone days are not public: they are illustrative and say so. Where the public record gives only a month,
 * the day is the first of that month. Requirements are linked only when requirement records (kind
 * {@code REQUIREMENT}) with matching titles already exist. Written through the public services as the demo users.
 */
@Component
@Order(40)
class ProgramsDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProgramsDemoData.class);
    private static final String REL = "CUI//REL TO USA, JPN";
    private static final String ILLUSTRATIVE = "\n\nCost shares, work-share targets and milestone days are "
            + "illustrative, not public figures. / 経費分担・作業分担目標・マイルストーンの日付は例示であり、公表値ではありません。";

    private final DemoMode demoMode;
    private final Directory directory;
    private final Programs programs;
    private final Agreements agreements;
    private final Meetings meetings;
    private final ReadableRecords readable;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    ProgramsDemoData(DemoMode demoMode, Directory directory, Programs programs, Agreements agreements,
                     Meetings meetings, ReadableRecords readable, JdbcClient jdbc,
                     PlatformTransactionManager transactionManager) {
        this.demoMode = demoMode;
        this.directory = directory;
        this.programs = programs;
        this.agreements = agreements;
        this.meetings = meetings;
        this.readable = readable;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.enabled()) {
            return;
        }
        if (jdbc.sql("select exists (select 1 from program)").query(Boolean.class).single()) {
            log.debug("Demo mode: programs exist already; demo programs not loaded again");
            return;
        }
        Optional<DicasUser> us = directory.userByUsername("us.acq");
        Optional<DicasUser> jp = directory.userByUsername("jp.atla");
        Optional<DicasUser> admin = directory.userByUsername("admin");
        if (us.isEmpty() || jp.isEmpty() || admin.isEmpty()) {
            log.debug("Demo mode: demo users missing; demo programs not loaded");
            return;
        }
        String n = transaction.execute(status -> seed(us.get(), jp.get(), admin.get()));
        log.info("Demo programs, agreements and consultation loaded: {}", n);
    }

    private String seed(DicasUser us, DicasUser jp, DicasUser admin) {
        Program gpi = programs.create(us, new ProgramCommand("Glide Phase Interceptor (GPI) cooperative development",
                "滑空段階迎撃ミサイル（GPI）共同開発", Program.Type.CO_DEVELOPMENT, Program.Status.ACTIVE,
                "Interceptor against hypersonic glide vehicles in their glide phase. Japan leads the rocket motors and "
                        + "propulsion; the work share is meant to be more balanced than on SM-3 Block IIA. "
                        + "Cooperative development agreed in May 2024." + ILLUSTRATIVE,
                List.of(partner("USA", 50, 50), partner("JPN", 50, 50)),
                List.of(new ProgramCommand.Milestone("Cooperative development arrangement (May 2024)", LocalDate.of(2024, 5, 1)),
                        new ProgramCommand.Milestone("Propulsion design review (illustrative)", LocalDate.of(2027, 3, 31))),
                requirements(us, "%Glide Phase Interceptor%", "%滑空段階%"), REL));
        Program cca = programs.create(us, new ProgramCommand("CCA AI research — Overwhelming Response through "
                        + "Collaborative Autonomy", "協調型無人機（CCA）向けAI研究", Program.Type.RDTE_PROJECT_ARRANGEMENT,
                Program.Status.ACTIVE,
                "Research on artificial intelligence for collaborative combat aircraft under the U.S.–Japan RDT&E "
                        + "arrangements; project arrangement of December 2023." + ILLUSTRATIVE,
                List.of(partner("USA", 50, 50), partner("JPN", 50, 50)),
                List.of(new ProgramCommand.Milestone("Project arrangement signed (Dec 2023)", LocalDate.of(2023, 12, 1))),
                requirements(us, "%Collaborative Combat Aircraft%", "%無人機%"), REL));
        Program amraam = programs.create(us, new ProgramCommand("AMRAAM co-production", "AMRAAM共同生産",
                Program.Type.CO_PRODUCTION, Program.Status.ACTIVE,
                "Co-production of AIM-120 AMRAAM air-to-air missiles to expand supply for both nations."
                        + " All figures illustrative." + ILLUSTRATIVE,
                List.of(partner("USA", 50, 55), partner("JPN", 50, 45)),
                List.of(new ProgramCommand.Milestone("First co-produced lot accepted (illustrative)", LocalDate.of(2027, 6, 30))),
                requirements(us, "%AMRAAM%"), REL));
        Program pac3 = programs.create(jp, new ProgramCommand("PAC-3 MSE co-production", "PAC-3 MSE共同生産",
                Program.Type.CO_PRODUCTION, Program.Status.ACTIVE,
                "Co-production of PAC-3 MSE interceptors in Japan, with deliveries for both nations."
                        + " All figures illustrative." + ILLUSTRATIVE,
                List.of(partner("JPN", 60, 65), partner("USA", 40, 35)),
                List.of(new ProgramCommand.Milestone("Production ramp-up complete (illustrative)", LocalDate.of(2027, 12, 31))),
                requirements(jp, "%PAC-3 MSE%"), REL));
        Program trainer = programs.create(jp, new ProgramCommand("Trainer aircraft (T-7A path and tactical trainer)",
                "練習機（T-7Aの活用と戦術練習機の共同開発）", Program.Type.CO_DEVELOPMENT, Program.Status.PROPOSED,
                "Both nations must replace old trainers. One path: Japan uses the T-7A, then the nations co-develop a "
                        + "tactical trainer from it. Pilot-training requirement talks began in July 2024." + ILLUSTRATIVE,
                List.of(partner("JPN", 50, null), partner("USA", 50, null)),
                List.of(new ProgramCommand.Milestone("Pilot-training requirement talks begin (Jul 2024)", LocalDate.of(2024, 7, 1))),
                requirements(jp, "%pilot training aircraft%", "%練習機%"), REL));
        Program sm3 = programs.create(us, new ProgramCommand("SM-3 Block IIA cooperative development",
                "SM-3ブロックIIA共同開発", Program.Type.CO_DEVELOPMENT, Program.Status.COMPLETED,
                "Cooperative development of the SM-3 Block IIA ballistic-missile interceptor, completed; the "
                        + "reference case for a less balanced work share." + ILLUSTRATIVE,
                List.of(partner("USA", 50, 65), partner("JPN", 50, 35)),
                List.of(new ProgramCommand.Milestone("Development complete (illustrative)", LocalDate.of(2017, 12, 31))),
                requirements(us, "%SM-3 Block IIA%", "%SM-3ブロックIIA%"), REL));

        List<Agreement> made = new ArrayList<>();
        made.add(agreements.create(us, new AgreementCommand(Agreement.Type.MOU,
                "U.S.–Japan RDT&E Memorandum of Understanding",
                "Legally binding memorandum for research, development, test and evaluation (January 2023).",
                List.of("USA", "JPN"), LocalDate.of(2023, 1, 1), List.of(), List.of(cca.id(), gpi.id()), "PUBLIC")));
        made.add(agreements.create(us, new AgreementCommand(Agreement.Type.SOSA,
                "U.S.–Japan Security of Supply Arrangement (SoSA)",
                "Non-binding arrangement (January 2023): each side may ask the other's firms for priority delivery of "
                        + "defense goods — the U.S. side through DPAS ratings, the partner through a voluntary industry "
                        + "code of conduct.",
                List.of("USA", "JPN"), LocalDate.of(2023, 1, 1), List.of(), List.of(amraam.id(), pac3.id()), "PUBLIC")));
        made.add(agreements.create(us, new AgreementCommand(Agreement.Type.PROJECT_ARRANGEMENT,
                "CCA AI project arrangement",
                "Research on AI for collaborative combat aircraft under the RDT&E arrangements (December 2023).",
                List.of("USA", "JPN"), LocalDate.of(2023, 12, 1), List.of(), List.of(cca.id()), "PUBLIC")));
        made.add(agreements.create(admin, new AgreementCommand(Agreement.Type.TERMS_OF_REFERENCE,
                "DICAS Terms of Reference",
                "The charter of the Defense Industrial Cooperation, Acquisition and Sustainment forum (June 2024).",
                List.of("USA", "JPN"), LocalDate.of(2024, 6, 1), torDocument(admin), List.of(), "PUBLIC")));

        boolean consultation = consultation(us, List.of(gpi, trainer, sm3));
        return "6 programs, " + made.size() + " agreements" + (consultation ? ", 1 consultation" : "");
    }

    /** One U.S.–Japan acquisition consultation (a forum meeting of kind CONSULTATION) with agenda items linking programs. */
    private boolean consultation(DicasUser organiser, List<Program> linked) {
        if (jdbc.sql("select exists (select 1 from meeting where kind = 'CONSULTATION')").query(Boolean.class).single()) {
            return false;
        }
        Meeting m = meetings.create(organiser, new MeetingCommand(Meeting.Kind.CONSULTATION, null,
                "U.S.–Japan acquisition consultation", "日米装備調達協議",
                LocalDateTime.of(2025, 10, 14, 9, 30), LocalDateTime.of(2025, 10, 14, 16, 0), "Asia/Tokyo",
                "Ministry of Defense, Ichigaya, Tokyo", "", REL, List.of()));
        var gpiItem = meetings.addAgendaItem(organiser, m.id(), new AgendaItemCommand(1,
                "GPI: propulsion work share and schedule / GPI：推進系の作業分担と日程",
                "Review the work-share targets against cost shares (illustrative figures).", "OUSD(A&S) and ATLA",
                false, REL, linked.get(0).id()));
        meetings.addAgendaItem(organiser, m.id(), new AgendaItemCommand(2,
                "Trainer aircraft: aligning the replacement schedules / 練習機：更新時期の整合",
                "Link both air forces' trainer requirements to the acquisition plans.", "", false, REL,
                linked.get(1).id()));
        meetings.addAgendaItem(organiser, m.id(), new AgendaItemCommand(3,
                "Lessons from SM-3 Block IIA work share / SM-3ブロックIIAの作業分担からの教訓", "", "", false, REL,
                linked.get(2).id()));
        meetings.addDecision(organiser, m.id(), new DecisionCommand(gpiItem.id(),
                "Bring a balanced propulsion work-share proposal to the next consultation (illustrative).", REL));
        return true;
    }

    private static ProgramCommand.Partner partner(String nation, int cost, Integer work) {
        return new ProgramCommand.Partner(nation, BigDecimal.valueOf(cost), work == null ? null : BigDecimal.valueOf(work));
    }

    /** Requirement records (of the requirements module, by record kind only) whose titles match, readable by the author. */
    private List<Long> requirements(DicasUser author, String... patterns) {
        List<Long> ids = new ArrayList<>();
        for (String p : patterns) {
            for (Long id : readable.query(author, "select r.id from record r where {readableInContainer:r}"
                            + " and r.kind = 'REQUIREMENT' and r.title ilike :p order by r.id limit 2")
                    .param("p", p).query(Long.class).list()) {
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /** The forum's Terms of Reference document, when the demo documents hold it. */
    private List<Long> torDocument(DicasUser author) {
        return readable.query(author, """
                        select r.id from record r where {readableInContainer:r} and r.kind = 'DOCUMENT'
                        and r.title ilike 'DICAS Terms of Reference%'
                        and exists (select 1 from document d where d.id = r.id) order by r.id limit 1""")
                .query(Long.class).list();
    }
}
