package org.dicas.requirements;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.dicas.shared.ExpectedVersion;
import org.dicas.security.AuditLog;
import org.dicas.security.DicasUser;
import org.dicas.security.MarkedRecords;
import org.dicas.security.ReadableRecords;
import org.dicas.shared.FiscalYear;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Marking;
import org.dicas.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.shared.ListColumns;
import org.dicas.shared.TableView;

/**
 * Acquisition plans. A plan is an {@code ACQUISITION_PLAN} record placed inside its requirement's record, so a reader
 * needs both (a plan of a hidden requirement is not found). Whoever may change the requirement writes its plans
 * ({@link RequirementWriteRules#writePlan}).
 * Budget lines are stored as the real first and last day of the fiscal year they fund.
 */
@Service
public class AcquisitionPlans {

    /** The kind of the {@code record} row of a plan. */
    public static final String KIND = "ACQUISITION_PLAN";
    public static final int MAX_MILESTONES = 50;
    public static final int MAX_BUDGET_LINES = 40;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1e17");

    private final JdbcClient jdbc;
    private final MarkedRecords records;
    private final ReadableRecords readable;
    private final AuditLog audit;
    private final Requirements requirements;

    AcquisitionPlans(JdbcClient jdbc, MarkedRecords records, ReadableRecords readable, AuditLog audit,
                     Requirements requirements) {
        this.jdbc = jdbc;
        this.records = records;
        this.readable = readable;
        this.audit = audit;
        this.requirements = requirements;
    }

    private static final String SELECT = """
            select p.id, p.requirement_id, coalesce(nullif(q.title_en, ''), q.title_ja), q.nation, p.title, p.notes,
                   r.marking, p.author_id, u.display_name, p.created_at, p.updated_at, r.version
            from acquisition_plan p join record r on r.id = p.id join requirement q on q.id = p.requirement_id
            join app_user u on u.id = p.author_id
            where {readableInContainer:r}""";

    private record Row(long id, long requirementId, String requirementTitle, String nation, String title,
                       String notes, Marking marking, long authorId, String authorName, Instant createdAt,
                       Instant updatedAt, long version) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4).strip(), rs.getString(5),
                rs.getString(6), Marking.parse(rs.getString(7)), rs.getLong(8), rs.getString(9),
                rs.getTimestamp(10).toInstant(), rs.getTimestamp(11).toInstant(), rs.getLong(12));
    }

    private JdbcClient.StatementSpec visible(String sql, DicasUser user, Map<String, Object> params) {
        return readable.query(user, sql).params(params);
    }

    // ----------------------------------------------------------------------------------------------- reads

    /** Plans the user may read; of one requirement when {@code requirementId} is given. */
    public List<AcquisitionPlan> list(DicasUser user, Long requirementId) {
        if (requirementId != null) {
            return assemble(visible(SELECT + " and p.requirement_id = :q order by p.id", user,
                    Map.of("q", requirementId)).query((rs, n) -> row(rs)).list());
        }
        return assemble(visible(SELECT + " order by p.id", user, Map.of()).query((rs, n) -> row(rs)).list());
    }

    /**
     * What the plan list sorts and filters by: the most recently changed first unless asked otherwise; the filter looks
     * in the plan's title and notes and its requirement's titles.
     */
    public static final ListColumns COLUMNS = ListColumns.orderedBy("updated", "p.updated_at", true, "p.id")
            .and("title", "lower(p.title)").and("requirement", "lower(coalesce(nullif(q.title_en, ''), q.title_ja))")
            .and("nation", "q.nation").filterIn("p.title", "p.notes", "q.title_en", "q.title_ja");

    /**
     * A page of the plans the user may read, of one requirement ({@code requirementId}) and of the requirements of one
     * nation ({@code nation}) when given, sorted and filtered as the view asks ({@link #COLUMNS}).
     */
    public Page<AcquisitionPlan> list(DicasUser user, Optional<Long> requirementId, Optional<String> nation,
                                      Paging paging, TableView view) {
        String sql = SELECT;
        Map<String, Object> params = new java.util.HashMap<>();
        if (requirementId.isPresent()) {
            sql += " and p.requirement_id = :q";
            params.put("q", requirementId.get());
        }
        if (nation.isPresent()) {
            sql += " and trim(q.nation) = :nation";
            params.put("nation", nation.get());
        }
        return readable.page(user, sql, COLUMNS, params, paging, view, (rs, n) -> row(rs)).map(this::assemble);
    }

    public Optional<AcquisitionPlan> find(long id, DicasUser user) {
        return visible(SELECT + " and p.id = :id", user, Map.of("id", id)).query((rs, n) -> row(rs)).optional()
                .map(r -> assemble(List.of(r)).get(0));
    }

    /** One plan for display; hidden or missing is not found. A read of a CUI plan is audited. */
    public AcquisitionPlan get(DicasUser user, long id) {
        AcquisitionPlan p = find(id, user).orElseThrow(() -> new NotFoundException("acquisition plan", id));
        audit.read(user, KIND, id, p.marking());
        return p;
    }

    private List<AcquisitionPlan> assemble(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<Object[]>> milestones = new HashMap<>();
        jdbc.sql("select plan_id, name, due from acquisition_plan_milestone where plan_id in (:ids) order by plan_id, position")
                .param("ids", ids).query(rs -> {
                    milestones.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Object[]{rs.getString(2), rs.getObject(3, LocalDate.class)});
                });
        Map<Long, List<Object[]>> lines = new HashMap<>();
        jdbc.sql("""
                        select plan_id, fy_start, fy_end, amount, currency from acquisition_plan_budget_line
                        where plan_id in (:ids) order by plan_id, fy_start, position""")
                .param("ids", ids).query(rs -> {
                    lines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Object[]{
                            rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class), rs.getBigDecimal(4),
                            rs.getString(5).strip()});
                });
        List<AcquisitionPlan> out = new ArrayList<>();
        for (Row r : rows) {
            List<AcquisitionPlan.Milestone> ms = new ArrayList<>();
            for (Object[] m : milestones.getOrDefault(r.id(), List.of())) {
                LocalDate due = (LocalDate) m[1];
                FiscalYear fy = FiscalYear.of(r.nation(), due);
                ms.add(new AcquisitionPlan.Milestone((String) m[0], due, fy.label(), fy.label(Locale.JAPANESE)));
            }
            List<AcquisitionPlan.BudgetLine> bl = new ArrayList<>();
            Map<String, BigDecimal> totals = new TreeMap<>();
            for (Object[] l : lines.getOrDefault(r.id(), List.of())) {
                LocalDate start = (LocalDate) l[0];
                FiscalYear fy = FiscalYear.of(r.nation(), start);
                BigDecimal amount = (BigDecimal) l[2];
                String currency = (String) l[3];
                bl.add(new AcquisitionPlan.BudgetLine(fy.number(), fy.label(), fy.label(Locale.JAPANESE), start,
                        (LocalDate) l[1], amount, currency));
                totals.merge(currency, amount, BigDecimal::add);
            }
            out.add(new AcquisitionPlan(r.id(), r.requirementId(), r.requirementTitle(), r.nation(), r.title(),
                    r.notes(), List.copyOf(ms), List.copyOf(bl), new LinkedHashMap<>(totals), r.marking(),
                    r.authorId(), r.authorName(), r.createdAt(), r.updatedAt(), r.version()));
        }
        return out;
    }

    // ----------------------------------------------------------------------------------------------- writes

    @Transactional
    public AcquisitionPlan create(DicasUser user, AcquisitionPlanCommand c) {
        if (c == null || c.requirementId() == null) {
            throw InvalidInputException.of("requirementId", "acqplan.error.requirementRequired");
        }
        Requirement q = requirements.find(c.requirementId(), user).orElseThrow(() ->
                InvalidInputException.of("requirementId", "acqplan.error.noRequirement", c.requirementId()));
        RequirementWriteRules.writePlan(user, q).orThrow();
        Checked v = check(c, q);
        long id = records.register(KIND, v.title, v.title + "\n" + v.notes, v.marking, Optional.empty(), user,
                i -> "/acquisition-plans/" + i);
        records.placeIn(id, q.id());
        jdbc.sql("insert into acquisition_plan (id, requirement_id, title, notes, author_id) values (:id, :q, :t, :n, :u)")
                .param("id", id).param("q", q.id()).param("t", v.title).param("n", v.notes).param("u", user.id())
                .update();
        writeChildren(id, v);
        return get(user, id);
    }

    @Transactional
    public AcquisitionPlan update(DicasUser user, long id, ExpectedVersion expected, AcquisitionPlanCommand c) {
        AcquisitionPlan current = get(user, id);
        if (c == null) {
            throw InvalidInputException.of("plan", "acqplan.error.missing");
        }
        if (c.requirementId() != null && c.requirementId() != current.requirementId()) {
            throw InvalidInputException.of("requirementId", "acqplan.error.staysWithRequirement",
                    current.requirementId());
        }
        Requirement q = requirements.find(current.requirementId(), user).orElseThrow(() ->
                new NotFoundException("acquisition plan", id));
        RequirementWriteRules.writePlan(user, q).orThrow();
        Checked v = check(c, q);
        records.update(id, expected, v.title, v.title + "\n" + v.notes, v.marking, Optional.empty(), user);
        jdbc.sql("update acquisition_plan set title = :t, notes = :n, updated_at = now() where id = :id")
                .param("id", id).param("t", v.title).param("n", v.notes).update();
        jdbc.sql("delete from acquisition_plan_milestone where plan_id = :id").param("id", id).update();
        jdbc.sql("delete from acquisition_plan_budget_line where plan_id = :id").param("id", id).update();
        writeChildren(id, v);
        return get(user, id);
    }

    private void writeChildren(long id, Checked v) {
        int pos = 0;
        for (AcquisitionPlanCommand.MilestoneInput m : v.milestones) {
            jdbc.sql("insert into acquisition_plan_milestone (plan_id, position, name, due) values (:p, :i, :n, :d)")
                    .param("p", id).param("i", pos++).param("n", m.name().strip()).param("d", m.due()).update();
        }
        pos = 0;
        for (Line l : v.lines) {
            jdbc.sql("""
                            insert into acquisition_plan_budget_line (plan_id, position, fy_start, fy_end, amount, currency)
                            values (:p, :i, :s, :e, :a, :c)""")
                    .param("p", id).param("i", pos++).param("s", l.fy.start()).param("e", l.fy.end())
                    .param("a", l.amount).param("c", l.currency).update();
        }
    }

    // ----------------------------------------------------------------------------------------------- checks

    private record Line(FiscalYear fy, BigDecimal amount, String currency) {
    }

    private record Checked(String title, String notes, List<AcquisitionPlanCommand.MilestoneInput> milestones,
                           List<Line> lines, Marking marking) {
    }

    private static Checked check(AcquisitionPlanCommand c, Requirement q) {
        String title = c.title() == null ? "" : c.title().strip();
        if (title.isEmpty()) {
            throw InvalidInputException.of("title", "acqplan.error.titleRequired");
        }
        if (title.length() > 300) {
            throw InvalidInputException.of("title", "requirement.error.tooLong", 300);
        }
        String notes = c.notes() == null ? "" : c.notes().strip();
        if (notes.length() > 8000) {
            throw InvalidInputException.of("notes", "requirement.error.tooLong", 8000);
        }
        if (c.milestones().size() > MAX_MILESTONES) {
            throw InvalidInputException.of("milestones", "acqplan.error.tooManyMilestones", MAX_MILESTONES);
        }
        for (int i = 0; i < c.milestones().size(); i++) {
            AcquisitionPlanCommand.MilestoneInput m = c.milestones().get(i);
            String f = "milestones[" + i + "]";
            if (m == null || m.name() == null || m.name().isBlank()) {
                throw InvalidInputException.of(f + ".name", "acqplan.error.milestoneName");
            }
            if (m.name().strip().length() > 200) {
                throw InvalidInputException.of(f + ".name", "requirement.error.tooLong", 200);
            }
            if (m.due() == null) {
                throw InvalidInputException.of(f + ".due", "acqplan.error.milestoneDate");
            }
            if (m.due().getYear() < 1990 || m.due().getYear() > 2100) {
                throw InvalidInputException.of(f + ".due", "acqplan.error.dateRange", m.due().toString());
            }
        }
        if (c.budget().size() > MAX_BUDGET_LINES) {
            throw InvalidInputException.of("budget", "acqplan.error.tooManyLines", MAX_BUDGET_LINES);
        }
        List<Line> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < c.budget().size(); i++) {
            AcquisitionPlanCommand.BudgetLineInput b = c.budget().get(i);
            String f = "budget[" + i + "]";
            if (b == null || b.fiscalYear() == null) {
                throw InvalidInputException.of(f + ".fiscalYear", "acqplan.error.fiscalYearRequired");
            }
            if (b.fiscalYear() < 1990 || b.fiscalYear() > 2100) {
                throw InvalidInputException.of(f + ".fiscalYear", "acqplan.error.fiscalYearRange", b.fiscalYear());
            }
            if (b.amount() == null || b.amount().signum() < 0) {
                throw InvalidInputException.of(f + ".amount", "acqplan.error.amountRequired");
            }
            if (b.amount().compareTo(MAX_AMOUNT) >= 0 || b.amount().stripTrailingZeros().scale() > 2) {
                throw InvalidInputException.of(f + ".amount", "acqplan.error.amount", b.amount().toPlainString());
            }
            String currency = b.currency() == null ? "" : b.currency().strip().toUpperCase(Locale.ROOT);
            if (!validCurrency(currency)) {
                throw InvalidInputException.of(f + ".currency", "acqplan.error.currency", currency);
            }
            FiscalYear fy = FiscalYear.named(q.nation(), b.fiscalYear());
            if (!seen.add(fy.number() + currency)) {
                throw InvalidInputException.of(f + ".fiscalYear", "acqplan.error.lineTwice", fy.label(), currency);
            }
            lines.add(new Line(fy, b.amount(), currency));
        }
        Marking marking = Marking.required(c.marking());
        if (marking.propin()) {
            throw InvalidInputException.of("marking", "acqplan.error.propin");
        }
        return new Checked(title, notes, List.copyOf(c.milestones()), List.copyOf(lines), marking);
    }

    private static boolean validCurrency(String code) {
        if (code.length() != 3) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
