package org.dicas.requirements;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dicas.shared.ExpectedVersion;
import org.dicas.programs.Program;
import org.dicas.programs.ProgramCommand;
import org.dicas.programs.Programs;
import org.dicas.requirements.engine.LearningCurve;
import org.dicas.notifications.Notifications;
import org.dicas.security.AuditLog;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.MarkedRecords;
import org.dicas.security.ReadableRecords;
import org.dicas.security.ReleasabilityPolicy;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.InvalidMarkingException;
import org.dicas.shared.Sentence;
import org.dicas.shared.Marking;
import org.dicas.shared.NationCode;
import org.dicas.shared.NotFoundException;
import org.dicas.titles.RecordTitles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.shared.AlreadyExistsException;
import org.dicas.shared.TableView;
import org.dicas.shared.ListColumns;

/**
 * The cooperative-opportunity pipeline: LEAD → CANDIDATE → UNDER_STUDY → AGREED → PROGRAM. Every opportunity is a
 * marked record (kind {@code OPPORTUNITY}) at least as restrictive as the requirements and lead it links; hidden
 * opportunities do not exist. Stages move forward one step at a time; one step back is allowed with a reason, except
 * from PROGRAM. The agreed step creates the cooperative program through {@link Programs#create} with the linked
 * requirements, in the same transaction, and the opportunity then stands at PROGRAM (the history shows both steps).
 * Government users who may read an opportunity write it ({@link RequirementWriteRules}); its owner is a government
 * user who may read it. Every change is audited and kept in the history.
 */
@Service
public class Pipeline {

    public static final String KIND = "OPPORTUNITY";
    /** Default first-unit cost A: 1.0, i.e. costs in multiples of the first unit's cost. */
    public static final double DEFAULT_FIRST_UNIT_COST = LearningCurve.DEFAULT_FIRST_UNIT_COST;
    /** Default learning rate LR: 0.85, a common figure for aerospace production. */
    public static final double DEFAULT_LEARNING_RATE = LearningCurve.DEFAULT_LEARNING_RATE;

    private final JdbcClient jdbc;
    private final MarkedRecords records;
    private final ReleasabilityPolicy policy;
    private final ReadableRecords readable;
    private final AuditLog audit;
    private final Directory directory;
    private final Requirements requirements;
    private final Programs programs;

    private final RecordTitles titles;
    private final Notifications notifications;

    Pipeline(JdbcClient jdbc, MarkedRecords records, ReleasabilityPolicy policy, ReadableRecords readable, AuditLog audit, Directory directory,
             Requirements requirements, Programs programs, RecordTitles titles, Notifications notifications) {
        this.notifications = notifications;
        this.titles = titles;
        this.jdbc = jdbc;
        this.records = records;
        this.policy = policy;
        this.readable = readable;
        this.audit = audit;
        this.directory = directory;
        this.requirements = requirements;
        this.programs = programs;
    }

    private static final String SELECT = """
            select o.id, r.marking, o.title, o.stage, o.owner_id, u.display_name, o.next_step, o.next_step_date,
                   o.first_unit_cost, o.learning_rate, o.lead_id,
                   (select rl.title from record rl where rl.id = o.lead_id and {readable:rl}) as lead_title,
                   o.program_id,
                   (select rp.title from record rp where rp.id = o.program_id and {readable:rp}) as program_title,
                   o.created_by, o.created_at, r.version
            from opportunity o join record r on r.id = o.id join app_user u on u.id = o.owner_id
            where {readable:r}""";

    private record Row(long id, Marking marking, String title, OpportunityStage stage, long ownerId,
                       String ownerName, String nextStep, LocalDate nextStepDate, double a, double lr, Long leadId,
                       String leadTitle, Long programId, String programTitle, long createdBy,
                       java.time.Instant createdAt, long version) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), Marking.parse(rs.getString(2)), rs.getString(3),
                OpportunityStage.valueOf(rs.getString(4)), rs.getLong(5), rs.getString(6), rs.getString(7),
                rs.getObject(8, LocalDate.class), rs.getDouble(9), rs.getDouble(10), (Long) rs.getObject(11),
                rs.getString(12), (Long) rs.getObject(13), rs.getString(14), rs.getLong(15),
                rs.getTimestamp(16).toInstant(), rs.getLong(17));
    }

    private JdbcClient.StatementSpec visible(String sql, DicasUser user) {
        return readable.query(user, sql);
    }

    // ----------------------------------------------------------------------------------------------- reads

    /** A page of the opportunities the user may read, newest first (by id). */
    public Page<Opportunity> list(DicasUser user, Paging paging) {
        return list(user, paging, TableView.NONE);
    }

    /** What the opportunities list sorts and filters by: newest first unless asked otherwise. */
    public static final ListColumns COLUMNS = ListColumns.orderedBy("created", "o.created_at", true, "o.id")
            .and("title", "lower(o.title)").and("stage", "o.stage").and("owner", "lower(u.display_name)")
            .and("nextStep", "o.next_step_date").filterIn("o.title", "o.next_step", "u.display_name");

    /** A page of the opportunities the user may read, sorted and filtered as the view asks ({@link #COLUMNS}). */
    public Page<Opportunity> list(DicasUser user, Paging paging, TableView view) {
        return readable.page(user, SELECT, COLUMNS, Map.of(), paging, view, (rs, n) -> row(rs))
                .map(rows -> assemble(user, rows));
    }

    /** One opportunity if the user may read it (not audited). */
    public Optional<Opportunity> find(long id, DicasUser user) {
        return visible(SELECT + " and o.id = :id", user).param("id", id).query((rs, n) -> row(rs)).optional()
                .map(r -> assemble(user, List.of(r)).get(0));
    }

    /** One opportunity for display; hidden or missing is not found. A read of a CUI opportunity is audited. */
    public Opportunity get(DicasUser user, long id) {
        Opportunity o = find(id, user).orElseThrow(() -> new NotFoundException("opportunity", id));
        audit.read(user, KIND, id, o.marking());
        return o;
    }

    /**
     * The people the owner picker of an opportunity offers: government users who may read it with the marking the
     * form holds ({@code marking}; the opportunity's own when blank or not a marking).
     */
    public List<DicasUser> possibleOwners(DicasUser user, Opportunity o, String marking) {
        Marking m;
        try {
            m = marking == null || marking.isBlank() ? o.marking() : Marking.parse(marking.strip());
        } catch (InvalidMarkingException e) {
            m = o.marking();
        }
        Marking shown = m;
        NationCode origin = records.find(o.id()).orElseThrow().originNation();
        return directory.users().stream().filter(u -> mayOwn(u, shown, origin)).toList();
    }

    /** The opportunities (readable by the user) that link this requirement. */
    public List<Opportunity> linking(DicasUser user, long requirementId) {
        return assemble(user, visible(SELECT + " and exists (select 1 from opportunity_requirement x where "
                        + "x.opportunity_id = o.id and x.requirement_id = :q) order by o.id desc", user)
                .param("q", requirementId).query((rs, n) -> row(rs)).list());
    }

    private List<Opportunity> assemble(DicasUser user, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<Long>> links = new HashMap<>();
        jdbc.sql("select opportunity_id, requirement_id from opportunity_requirement where opportunity_id in (:ids) "
                        + "order by requirement_id").param("ids", ids)
                .query(rs -> {
                    links.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        Map<Long, List<Opportunity.StageChange>> history = new HashMap<>();
        jdbc.sql("""
                        select e.opportunity_id, e.at, u.display_name, u.nation, e.from_stage, e.to_stage, e.detail,
                               e.meeting_id, e.detail_key, e.detail_args::text
                        from opportunity_event e join app_user u on u.id = e.actor_id
                        where e.opportunity_id in (:ids) order by e.id""").param("ids", ids)
                .query(rs -> {
                    history.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Opportunity.StageChange(
                            rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                            rs.getString(5) == null ? null : OpportunityStage.valueOf(rs.getString(5)),
                            OpportunityStage.valueOf(rs.getString(6)),
                            SentenceColumns.read(rs.getString(9), rs.getString(10)), rs.getString(7),
                            (Long) rs.getObject(8)));
                });
        Map<Long, Requirement> readable = new HashMap<>();
        links.values().stream().flatMap(List::stream).distinct()
                .forEach(q -> requirements.find(q, user).ifPresent(r -> readable.put(q, r)));
        List<Opportunity> out = new ArrayList<>();
        for (Row r : rows) {
            List<Long> linked = links.getOrDefault(r.id(), List.of());
            List<Opportunity.LinkedRequirement> shown = linked.stream().map(readable::get)
                    .filter(java.util.Objects::nonNull)
                    .map(q -> new Opportunity.LinkedRequirement(q.id(), q.nation(), q.titleEn(), q.titleJa(),
                            q.quantity(), q.needBy(), q.marking())).toList();
            out.add(new Opportunity(r.id(), r.marking(), r.title(), r.stage(), r.ownerId(), r.ownerName(),
                    r.nextStep(), r.nextStepDate(), r.a(), r.lr(), shown, linked.size() - shown.size(), r.leadId(),
                    r.leadTitle(), r.programId(), r.programTitle(), savings(r.a(), r.lr(), shown),
                    history.getOrDefault(r.id(), List.of()), r.createdBy(), r.createdAt(), r.version()));
        }
        return out;
    }

    /**
     * The savings of buying the stated quantities together under the curve (A, LR): Σ C(Qi) − C(ΣQi); null when fewer
     * than two linked requirements state a quantity.
     */
    public static Opportunity.Savings savings(double a, double lr, List<Opportunity.LinkedRequirement> linked) {
        List<Integer> q = linked.stream().map(Opportunity.LinkedRequirement::quantity)
                .filter(x -> x != null && x > 0).toList();
        if (q.size() < 2) {
            return null;
        }
        LearningCurve curve = new LearningCurve(a, lr);
        double separate = q.stream().mapToDouble(curve::cost).sum();
        double combined = curve.cost(q.stream().mapToInt(Integer::intValue).sum());
        double saved = separate - combined;
        return new Opportunity.Savings(q, separate, combined, saved, separate == 0 ? 0 : saved / separate);
    }

    // ----------------------------------------------------------------------------------------------- writes

    /**
     * Creates an opportunity at CANDIDATE when it links requirements of two or more nations, else at LEAD (a lead
     * with fewer requirements). Nothing is saved on bad input.
     */
    @Transactional
    public Opportunity create(DicasUser user, OpportunityCommand c) {
        RequirementWriteRules.trackOpportunity(user).orThrow();
        Checked k = check(user, c, null);
        refuseTwin(user, k.requirementIds(), c.leadId());
        OpportunityStage stage = k.nations().size() >= 2 ? OpportunityStage.CANDIDATE : OpportunityStage.LEAD;
        long id = records.register(KIND, k.title(), k.title() + "\n" + c.nextStep(), k.marking(), Optional.empty(),
                user, Pipeline::link);
        if (k.composed() != null) {
            titles.composed(id, k.composed());
        }
        jdbc.sql("""
                        insert into opportunity (id, title, stage, owner_id, next_step, next_step_date,
                                                 first_unit_cost, learning_rate, lead_id, created_by)
                        values (:id, :title, :stage, :owner, :next, :nextDate, :a, :lr, :lead, :u)""")
                .param("id", id).param("title", k.title()).param("stage", stage.name()).param("owner", k.ownerId())
                .param("next", c.nextStep()).param("nextDate", c.nextStepDate()).param("a", k.a())
                .param("lr", k.lr()).param("lead", c.leadId()).param("u", user.id()).update();
        for (Long q : k.requirementIds()) {
            jdbc.sql("insert into opportunity_requirement (opportunity_id, requirement_id) values (:o, :q)")
                    .param("o", id).param("q", q).update();
        }
        Sentence detail;
        if (k.requirementIds().isEmpty()) {
            detail = c.leadId() == null ? Sentence.of("opp.history.created")
                    : Sentence.of("opp.history.createdFromLead", c.leadId());
        } else {
            detail = c.leadId() == null ? Sentence.of("opp.history.createdLinking", k.requirementIds())
                    : Sentence.of("opp.history.createdLinkingFromLead", k.requirementIds(), c.leadId());
        }
        event(id, user, null, stage, detail, "", null);
        audit.append(user, "OPPORTUNITY_CREATED", id, KIND, Sentence.of("audit.detail.atStage", stageLabel(stage), detail));
        if (c.leadId() != null) {
            // the decision on a lead: tracked in the pipeline. Whoever entered it is told (of the lead, which they
            // read; the opportunity may be marked higher)
            jdbc.sql("select entered_by from lead where id = :l").param("l", c.leadId()).query(Long.class).optional()
                    .filter(enteredBy -> enteredBy != user.id())
                    .ifPresent(enteredBy -> notifications.send(List.of(enteredBy), c.leadId(), "/leads/" + c.leadId(),
                            "notification.lead.promoted", user.displayName()));
        }
        return find(id, user).orElseThrow();
    }

    /**
     * Refuses to track again what an opportunity the user may read already tracks: one linking every requirement of
     * {@code requirementIds} (two or more: a cross-national pairing), at any stage, PROGRAM included. The refusal
     * names the existing opportunity; so does promoting a lead a second time. An opportunity the user may not read is
     * not a twin for them.
     */
    private void refuseTwin(DicasUser user, List<Long> requirementIds, Long leadId) {
        if (leadId != null) {
            visible(SELECT + " and o.lead_id = :lead order by o.id limit 1", user).param("lead", leadId)
                    .query((rs, n) -> row(rs)).optional().ifPresent(twin -> {
                        throw new AlreadyExistsException("leadId", twin.id(), Sentence.of(
                                "opp.error.leadPromoted", twin.title(), twin.id(), stageLabel(twin.stage())));
                    });
        }
        if (requirementIds.size() < 2) {
            return;
        }
        visible(SELECT + """
                 and (select count(distinct x.requirement_id) from opportunity_requirement x
                      where x.opportunity_id = o.id and x.requirement_id in (:ids)) = :n
                order by o.id limit 1""", user).param("ids", requirementIds).param("n", requirementIds.size())
                .query((rs, n) -> row(rs)).optional().ifPresent(twin -> {
                    throw new AlreadyExistsException("requirementIds", twin.id(), Sentence.of(
                            "opp.error.alreadyTracked", twin.title(), twin.id(), stageLabel(twin.stage())));
                });
    }

    /**
     * Changes title, owner, next step, A and LR, links and marking of an opportunity the user may read. The stage
     * does not change here; a LEAD that now links requirements of two nations may then move to CANDIDATE.
     */
    @Transactional
    public Opportunity update(DicasUser user, long id, ExpectedVersion expected, OpportunityCommand c) {
        Opportunity o = find(id, user).orElseThrow(() -> new NotFoundException("opportunity", id));
        RequirementWriteRules.changeOpportunity(user, o).orThrow();
        Checked k = check(user, c, o);
        if (o.stage() != OpportunityStage.LEAD && k.nations().size() < 2) {
            throw InvalidInputException.of("requirementIds", "opp.error.pastLeadNeedsNations");
        }
        records.update(id, expected, k.title(), k.title() + "\n" + c.nextStep(), k.marking(), Optional.empty(), user);
        if (k.composed() != null) {
            titles.composed(id, k.composed());
        } else {
            titles.typed(id);
        }
        jdbc.sql("""
                        update opportunity set title = :title, owner_id = :owner, next_step = :next,
                               next_step_date = :nextDate, first_unit_cost = :a, learning_rate = :lr,
                               lead_id = :lead where id = :id""")
                .param("id", id).param("title", k.title()).param("owner", k.ownerId()).param("next", c.nextStep())
                .param("nextDate", c.nextStepDate()).param("a", k.a()).param("lr", k.lr())
                .param("lead", c.leadId()).update();
        jdbc.sql("delete from opportunity_requirement where opportunity_id = :o").param("o", id).update();
        for (Long q : k.requirementIds()) {
            jdbc.sql("insert into opportunity_requirement (opportunity_id, requirement_id) values (:o, :q)")
                    .param("o", id).param("q", q).update();
        }
        Sentence detail = c.nextStepDate() == null
                ? Sentence.of("opp.history.edited", fmt(k.a()), fmt(k.lr()), c.nextStep(), k.requirementIds())
                : Sentence.of("opp.history.editedWithDate", fmt(k.a()), fmt(k.lr()), c.nextStep(),
                        c.nextStepDate().toString(), k.requirementIds());
        event(id, user, o.stage(), o.stage(), detail, "", null);
        audit.append(user, "OPPORTUNITY_UPDATED", id, KIND, detail);
        return find(id, user).orElseThrow();
    }

    /**
     * Moves the stage (see the class comment). Moving to AGREED (from UNDER_STUDY) needs the program details; the
     * program is created and the opportunity stands at PROGRAM. Nothing is saved on bad input.
     */
    @Transactional
    public Opportunity move(DicasUser user, long id, PipelineMove m) {
        return move(user, id, m, null, null);
    }

    /** A move as a person asks it ({@code decided} null: the reason is their note) or as a decision applies it. */
    private Opportunity move(DicasUser user, long id, PipelineMove m, Long meetingId, Sentence decided) {
        Opportunity o = find(id, user).orElseThrow(() -> new NotFoundException("opportunity", id));
        RequirementWriteRules.moveOpportunity(user, o).orThrow();
        if (m == null || m.toStage().isEmpty()) {
            throw InvalidInputException.of("toStage", "opp.error.chooseStage");
        }
        OpportunityStage to = OpportunityStage.parse("toStage", m.toStage());
        OpportunityStage from = o.stage();
        if (from == OpportunityStage.PROGRAM) {
            throw InvalidInputException.of("toStage", "opp.error.becameProgram", o.programId());
        }
        if (to == OpportunityStage.PROGRAM && from == OpportunityStage.UNDER_STUDY) {
            to = OpportunityStage.AGREED;
        }
        if (from.isPrevious(to)) {
            if (m.reason().isEmpty()) {
                throw InvalidInputException.of("reason", "opp.error.backNeedsReason");
            }
            change(id, from, to, null);
            event(id, user, from, to, decided == null ? Sentence.of("opp.history.back")
                    : Sentence.of("opp.history.backDecided", decided), decided == null ? m.reason() : "", meetingId);
            audit.append(user, "OPPORTUNITY_STAGE", id, KIND,
                    Sentence.of("audit.detail.stageBack", stageLabel(from), stageLabel(to), m.reason()));
            return find(id, user).orElseThrow();
        }
        if (!from.isNext(to)) {
            throw InvalidInputException.of("toStage", "opp.error.notNext", Sentence.label("opp.stage", from),
                    Sentence.label("opp.stage", next(from)), Sentence.label("opp.stage", to));
        }
        if (to == OpportunityStage.CANDIDATE && o.requirements().stream().map(Opportunity.LinkedRequirement::nation)
                .distinct().count() < 2) {
            throw InvalidInputException.of("requirementIds", "opp.error.candidateNeedsNations");
        }
        if (to == OpportunityStage.AGREED) {
            return agree(user, o, m, meetingId, decided);
        }
        change(id, from, to, null);
        event(id, user, from, to, decided, decided == null ? m.reason() : "", meetingId);
        audit.append(user, "OPPORTUNITY_STAGE", id, KIND, m.reason().isEmpty()
                ? Sentence.of("audit.detail.fromTo", stageLabel(from), stageLabel(to))
                : Sentence.of("audit.detail.fromToBecause", stageLabel(from), stageLabel(to), m.reason()));
        return find(id, user).orElseThrow();
    }

    private Opportunity agree(DicasUser user, Opportunity o, PipelineMove m, Long meetingId, Sentence decided) {
        PipelineMove.ProgramDetails d = m.program();
        if (d == null) {
            throw InvalidInputException.of("program", "opp.error.programDetails");
        }
        Program.Type type;
        try {
            type = Program.Type.valueOf(d.type().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("program.type", "opp.error.programType",
                    java.util.Arrays.stream(Program.Type.values()).map(t -> Sentence.label("prog.type", t)).toList());
        }
        if (d.partners().size() < 2) {
            throw InvalidInputException.of("program.partners", "opp.error.partners");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (PipelineMove.PartnerShare p : d.partners()) {
            if (p.costShare() == null || p.costShare().signum() <= 0) {
                throw InvalidInputException.of("program.partners", "opp.error.partnerShare");
            }
            sum = sum.add(p.costShare());
        }
        if (sum.compareTo(BigDecimal.valueOf(100)) != 0) {
            throw InvalidInputException.of("program.partners", "opp.error.shareSum",
                    sum.stripTrailingZeros().toPlainString());
        }
        String en = d.nameEn();
        String ja = d.nameJa();
        if (en.isEmpty() && ja.isEmpty()) {
            if (Leads.language(o.title()).equals("ja")) {
                ja = o.title();
            } else {
                en = o.title();
            }
        }
        List<Long> requirementIds = o.requirements().stream().map(Opportunity.LinkedRequirement::id).toList();
        // no description: the program's people write it; where it came from is the opportunity's history (AGREED →
        // PROGRAM, linking the program), shown in each reader's language
        Program p = programs.create(user, new ProgramCommand(en, ja, type, Program.Status.PROPOSED, "",
                d.partners().stream().map(s -> new ProgramCommand.Partner(s.nation() == null ? "" : s.nation()
                        .strip().toUpperCase(Locale.ROOT), s.costShare(), null)).toList(),
                List.of(), requirementIds, o.marking().banner()));
        change(o.id(), o.stage(), OpportunityStage.AGREED, null);
        event(o.id(), user, o.stage(), OpportunityStage.AGREED, decided, decided == null ? m.reason() : "", meetingId);
        change(o.id(), OpportunityStage.AGREED, OpportunityStage.PROGRAM, p.id());
        event(o.id(), user, OpportunityStage.AGREED, OpportunityStage.PROGRAM, Sentence.of("opp.history.programCreated",
                p.id(), p.name(), Sentence.label("prog.type", type)), "", meetingId);
        audit.append(user, "OPPORTUNITY_STAGE", o.id(), KIND, Sentence.of("audit.detail.toNewProgram",
                stageLabel(o.stage()), stageLabel(OpportunityStage.AGREED), stageLabel(OpportunityStage.PROGRAM), p.id()));
        return find(o.id(), user).orElseThrow();
    }

    /**
     * Records that an opportunity at UNDER_STUDY or AGREED became a cooperative program that exists already (agreed
     * before it was tracked here): the opportunity moves to PROGRAM linked to it. The program must be one the user
     * may read.
     */
    @Transactional
    public Opportunity attachProgram(DicasUser user, long id, long programId, String reason) {
        Opportunity o = find(id, user).orElseThrow(() -> new NotFoundException("opportunity", id));
        RequirementWriteRules.moveOpportunity(user, o).orThrow();
        if (!records.readableAs(programId, Programs.KIND, user)) {
            throw InvalidInputException.of("programId", "opp.error.noProgram", programId);
        }
        if (o.stage() != OpportunityStage.UNDER_STUDY && o.stage() != OpportunityStage.AGREED) {
            throw InvalidInputException.of("toStage", "opp.error.programFromStage");
        }
        String why = reason == null ? "" : reason.strip();
        if (o.stage() == OpportunityStage.UNDER_STUDY) {
            change(id, OpportunityStage.UNDER_STUDY, OpportunityStage.AGREED, null);
            event(id, user, OpportunityStage.UNDER_STUDY, OpportunityStage.AGREED, null, why, null);
        }
        change(id, OpportunityStage.AGREED, OpportunityStage.PROGRAM, programId);
        event(id, user, OpportunityStage.AGREED, OpportunityStage.PROGRAM,
                Sentence.of("opp.history.existingProgram", programId), "", null);
        audit.append(user, "OPPORTUNITY_STAGE", id, KIND, Sentence.of("audit.detail.toExistingProgram",
                stageLabel(o.stage()), stageLabel(OpportunityStage.PROGRAM), programId));
        return find(id, user).orElseThrow();
    }

    /**
     * Applies a consultation decision: moves the opportunity as {@code decider} (who must be a government user who
     * may read it). A decision the pipeline cannot apply (a jump of several stages, or AGREED without the program
     * details) is noted in the history and leaves the stage as it is. Returns whether the stage moved. Each decision
     * is applied once: a second delivery of the same decision (an event republished after a restart) does nothing.
     */
    @Transactional
    public boolean applyDecision(long opportunityId, String toStage, long deciderId, long meetingId, long decisionId) {
        if (jdbc.sql("insert into pipeline_decision_applied (decision_id) values (:d) on conflict do nothing")
                .param("d", decisionId).update() == 0) {
            return false;
        }
        Optional<DicasUser> decider = directory.user(deciderId);
        if (decider.isEmpty()) {
            return false;
        }
        DicasUser user = decider.get();
        Optional<Opportunity> o = find(opportunityId, user);
        if (o.isEmpty() || !RequirementWriteRules.moveOpportunity(user, o.get()).allowed()) {
            return false;
        }
        OpportunityStage current = o.get().stage();
        OpportunityStage to = OpportunityStage.parse("toStage", toStage);
        Sentence why = Sentence.of("opp.history.decided", meetingId, decisionId);
        if (to == current) {
            event(opportunityId, user, current, current, Sentence.of("opp.history.decidedConfirmed", why), "",
                    meetingId);
            return false;
        }
        if ((to == OpportunityStage.AGREED || to == OpportunityStage.PROGRAM) && current != OpportunityStage.PROGRAM) {
            event(opportunityId, user, current, current, Sentence.of("opp.history.decidedNeedsProgram", why,
                    Sentence.label("opp.stage", to)), "", meetingId);
            jdbc.sql("update opportunity set next_step = :n where id = :id")
                    .param("n", "Create the program agreed at meeting #" + meetingId).param("id", opportunityId)
                    .update();
            return false;
        }
        try {
            move(user, opportunityId, new PipelineMove(to.name(), why.english(), null), meetingId, why);
            return true;
        } catch (InvalidInputException e) {
            event(opportunityId, user, current, current, Sentence.of("opp.history.decidedNotApplied", why,
                    e.sentence() != null ? e.sentence() : e.getMessage()), "", meetingId);
            return false;
        }
    }

    // ----------------------------------------------------------------------------------------------- helpers

    /** {@code composed}: the title in both languages when the system composed it (null when a person typed it). */
    private record Checked(String title, List<Long> requirementIds, Set<String> nations, long ownerId, double a,
                           double lr, Marking marking, RecordTitles.Composed composed) {
    }

    private Checked check(DicasUser user, OpportunityCommand c, Opportunity existing) {
        List<Marking> floor = new ArrayList<>();
        Map<Long, Requirement> linked = new LinkedHashMap<>();
        for (Long q : c.requirementIds()) {
            if (q == null) {
                throw InvalidInputException.of("requirementIds", "opp.error.requirementIdMissing");
            }
            Requirement r = requirements.find(q, user)
                    .orElseThrow(() -> InvalidInputException.of("requirementIds", "opp.error.noRequirement", q));
            linked.put(q, r);
            floor.add(r.marking());
        }
        if (existing != null && existing.withheldRequirements() > 0) {
            throw InvalidInputException.of("requirementIds", "opp.error.withheldLinks");
        }
        Set<String> nations = new LinkedHashSet<>();
        linked.values().forEach(r -> nations.add(r.nation()));
        String leadTitle = null;
        if (c.leadId() != null) {
            if (!records.readableAs(c.leadId(), Leads.KIND, user)) {
                throw InvalidInputException.of("leadId", "opp.error.noLead", c.leadId());
            }
            var lead = records.summary(c.leadId()).orElseThrow();
            leadTitle = lead.title();
            floor.add(lead.marking().marking());
        } else if (nations.size() < 2) {
            throw InvalidInputException.of("requirementIds", "opp.error.needsNationsOrLead");
        }
        // no title typed (or the one composed before sent back unchanged) and requirements linked: the requirements'
        // titles, each language's in that language
        RecordTitles.Composed fromLinks = linked.isEmpty() ? null
                : RecordTitles.Composed.each(lang -> Sentence.of("opp.title.fromRequirements", linked.values().stream()
                        .map(r -> r.title(lang.equals("ja") ? Locale.JAPANESE : Locale.ENGLISH)).toList()));
        boolean typed = !c.title().isEmpty() && (fromLinks == null || !(c.title().equals(fromLinks.english())
                || c.title().equals(fromLinks.render("ja"))));
        RecordTitles.Composed composed = typed ? null : fromLinks;
        String title = typed ? c.title() : composed == null ? leadTitle : composed.english();
        if (title.length() > 500) {
            title = title.substring(0, 499) + "…";
        }
        long owner = c.ownerId() == null ? (existing == null ? user.id() : existing.ownerId()) : c.ownerId();
        double a = c.firstUnitCost() == null ? (existing == null ? DEFAULT_FIRST_UNIT_COST : existing.firstUnitCost())
                : c.firstUnitCost();
        double lr = c.learningRate() == null ? (existing == null ? DEFAULT_LEARNING_RATE : existing.learningRate())
                : c.learningRate();
        checkCurve(a, lr);
        Marking hwm = Marking.highWaterMark(floor);
        Marking marking;
        if (c.marking().isEmpty()) {
            marking = existing != null && atLeast(existing.marking(), hwm) ? existing.marking() : hwm;
        } else {
            marking = Marking.parse(c.marking());
            if (!atLeast(marking, hwm)) {
                throw InvalidInputException.of("marking", "opp.error.markingBelowLinks", hwm.banner(), marking.banner());
            }
        }
        NationCode origin = existing == null ? user.nation()
                : records.find(existing.id()).orElseThrow().originNation();
        // an unknown user id, a user who may not read the opportunity as saved and one who is not a government user
        // get the same answer: the owner picker offers none of them
        Marking saved = marking;
        if (!directory.user(owner).map(u -> mayOwn(u, saved, origin)).orElse(false)) {
            throw InvalidInputException.of("ownerId", "opp.error.owner", owner, marking.banner());
        }
        return new Checked(title, List.copyOf(linked.keySet()), nations, owner, a, lr, marking, composed);
    }

    /** Whether this user may own an opportunity so marked: a government user who may read it. */
    private boolean mayOwn(DicasUser owner, Marking marking, NationCode origin) {
        return owner.government()
                && policy.mayRead(owner, new org.dicas.security.RecordMarking(marking, origin, Optional.empty()));
    }

    /** Checks A and LR: A > 0, LR in (0, 1]; the error names the field. */
    public static void checkCurve(double firstUnitCost, double learningRate) {
        if (!LearningCurve.validFirstUnitCost(firstUnitCost)) {
            throw InvalidInputException.of("firstUnitCost", "opp.error.firstUnitCost");
        }
        if (!LearningCurve.validLearningRate(learningRate)) {
            throw InvalidInputException.of("learningRate", "opp.error.learningRate");
        }
    }

    /** Whether {@code chosen} is at least as restrictive as {@code floor}. */
    static boolean atLeast(Marking chosen, Marking floor) {
        return chosen.atLeastAsRestrictiveAs(floor);
    }

    private void change(long id, OpportunityStage from, OpportunityStage to, Long programId) {
        int n = jdbc.sql("update opportunity set stage = :to, program_id = :p where id = :id and stage = :from")
                .param("to", to.name()).param("p", programId).param("id", id).param("from", from.name()).update();
        if (n != 1) {
            throw InvalidInputException.of("toStage", "opp.error.stale", id, Sentence.label("opp.stage", from));
        }
        records.touched(id);
    }

    /**
     * One history entry: what the system did ({@code detail}, a sentence stored as key and arguments and rendered in
     * each reader's language; null when a person's note says it all) and what a person wrote ({@code note}).
     */
    private void event(long id, DicasUser actor, OpportunityStage from, OpportunityStage to, Sentence detail,
                       String note, Long meetingId) {
        jdbc.sql("""
                        insert into opportunity_event (opportunity_id, actor_id, from_stage, to_stage, detail, meeting_id,
                                                       detail_key, detail_args)
                        values (:o, :u, :f, :t, :d, :m, :k, cast(:a as jsonb))""")
                .param("o", id).param("u", actor.id()).param("f", from == null ? null : from.name())
                .param("t", to.name()).param("d", note == null ? "" : note).param("m", meetingId)
                .param("k", detail == null ? null : detail.key())
                .param("a", detail == null ? "[]" : SentenceColumns.args(detail)).update();
    }

    private static OpportunityStage next(OpportunityStage s) {
        return OpportunityStage.values()[Math.min(s.ordinal() + 1, OpportunityStage.values().length - 1)];
    }

    private static String fmt(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    public static String link(long id) {
        return "/opportunities/" + id;
    }

    private static Sentence stageLabel(OpportunityStage stage) {
        return Sentence.label("opp.stage", stage);
    }
}
