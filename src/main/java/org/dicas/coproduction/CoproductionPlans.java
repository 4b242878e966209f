package org.dicas.coproduction;

import org.dicas.shared.ListColumns;
import org.dicas.shared.TableView;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.dicas.coproduction.engine.CoproductionException;
import org.dicas.coproduction.engine.CoproductionProblem;
import org.dicas.coproduction.engine.CoproductionRules;
import org.dicas.requirements.Requirement;
import org.dicas.requirements.Requirements;
import org.dicas.security.AuditLog;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.ExportAuthorization;
import org.dicas.security.ExportAuthorizations;
import org.dicas.security.MarkedRecords;
import org.dicas.security.OrganizationKind;
import org.dicas.security.ReadableRecords;
import org.dicas.security.ReleasabilityPolicy;
import org.dicas.shared.AccessLevel;
import org.dicas.shared.ExpectedVersion;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.InvalidMarkingException;
import org.dicas.shared.Marking;
import org.dicas.shared.NationCode;
import org.dicas.shared.NotFoundException;
import org.dicas.shared.Sentence;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.supplychain.SupplyNetworks;
import org.dicas.titles.RecordTitles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Co-production plans: marked records read through the releasability policy (a hidden plan is 404), written by whom
 * {@link CoproductionWriteRules} allows, each change made against the plan record's version. A plan's demands are
 * requirements: each reader sees those they may read, and the problem a run solves is built from the requirements its
 * starter may read, with a what-if applied. A firm's line cost is a PROPIN record of the firm (ADR 0023): readers see
 * it only when the policy lets them; the planner solves with every cost ({@link LineCosts}). A transfer rule that
 * follows an export authorization is in force only while it is active and covers the receiving nation.
 *
 * <p>Every change is checked before anything is written — the fields first, then the whole plan as it would be,
 * by the engine's own {@link CoproductionRules} — and runs in one transaction: bad input saves nothing.
 */
@Service
public class CoproductionPlans {

    public static final String KIND = "COPRODUCTION_PLAN";
    /** The kind of the record that holds a firm's unit cost of a line. */
    public static final String COST_KIND = "COPRODUCTION_LINE_COST";
    public static final int MAX_NAME = 200;
    public static final int MAX_PERIODS = 40;
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");

    /** What a new plan holds; demands name requirements by id. Missing lists are empty. */
    public record NewPlan(String name, String marking, Integer firstYear, Integer periods, List<LineCommand> lines,
                          List<ComponentCommand> components, List<TransferCommand> transfers,
                          List<DemandLink> demands) {
        public NewPlan {
            lines = lines == null ? List.of() : lines;
            components = components == null ? List.of() : components;
            transfers = transfers == null ? List.of() : transfers;
            demands = demands == null ? List.of() : demands;
        }
    }

    /**
     * A plan's own fields. A change of {@code periods} cuts every capacity list, or extends it with its last value.
     */
    public record PlanCommand(String name, String marking, Integer firstYear, Integer periods) {
    }

    /**
     * A production line. With {@code firmId} (a company of the directory) its unit cost is the firm's PROPIN record,
     * marked {@code costMarking} — by default {@code CUI//REL TO <the plan's nations>//PROPIN}.
     */
    public record LineCommand(String code, String nation, String product, List<Integer> capacity, BigDecimal unitCost,
                              Long firmId, String costMarking) {
    }

    /** A shared component: capacity per period, units used per unit of each product, optional supply-network node. */
    public record ComponentCommand(String code, String name, List<Integer> capacity, Map<String, Integer> usage,
                                   Long supplyNodeId) {
    }

    /**
     * A transfer rule; {@code whatIf} makes it one only a what-if allows; {@code authorizationNumber}, when given, is
     * an export authorization issued by {@code from} that the rule follows.
     */
    public record TransferCommand(String from, String to, List<String> products, Boolean whatIf,
                                  String authorizationNumber) {
        public TransferCommand {
            whatIf = Boolean.TRUE.equals(whatIf);
        }
    }

    public record DemandLink(long requirementId, String product, int priority) {
    }

    /**
     * What a run solves: the problem (every firm's cost in it), the cost records behind its cost score, and the
     * transfer rules left out because they are not in force (with why).
     */
    public record RunInput(CoproductionProblem problem, List<Long> costRecords, List<CoproductionPlan.Transfer> dropped) {
    }

    private record Row(long id, String marking, String name, int firstYear, int periods, long version) {
    }

    private static final String SELECT = """
            select p.id, r.marking, p.name, p.first_year, p.periods, r.version
            from coproduction_plan p join record r on r.id = p.id where {readable:r}""";

    private final JdbcClient jdbc;
    private final MarkedRecords records;
    private final ReadableRecords readable;
    private final Requirements requirements;
    private final AuditLog audit;
    private final SupplyNetworks networks;
    private final Directory directory;
    private final ExportAuthorizations authorizations;
    private final RecordTitles titles;
    private final ReleasabilityPolicy policy;
    private final LineCosts costs;

    CoproductionPlans(JdbcClient jdbc, MarkedRecords records, ReadableRecords readable, Requirements requirements,
                      AuditLog audit, SupplyNetworks networks, Directory directory,
                      ExportAuthorizations authorizations, ReleasabilityPolicy policy, LineCosts costs,
                      RecordTitles titles) {
        this.titles = titles;
        this.networks = networks;
        this.jdbc = jdbc;
        this.records = records;
        this.readable = readable;
        this.requirements = requirements;
        this.audit = audit;
        this.directory = directory;
        this.authorizations = authorizations;
        this.policy = policy;
        this.costs = costs;
    }

    public static String link(long id) {
        return "/coproduction/" + id;
    }

    // ------------------------------------------------------------------------------------------------------ reads

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getLong(6));
    }

    /** A page of the plans the user may read, by name then id. */
    public Page<CoproductionPlan> list(DicasUser user, Paging paging) {
        return list(user, paging, TableView.NONE);
    }

    /** What the plans list sorts and filters by: by name unless asked otherwise; the filter looks in the name. */
    public static final ListColumns COLUMNS = ListColumns.orderedBy("name", "lower(p.name)", false, "p.id")
            .and("years", "p.first_year").and("periods", "p.periods").filterIn("p.name");

    /** A page of the plans the user may read, sorted and filtered as the view asks ({@link #COLUMNS}). */
    public Page<CoproductionPlan> list(DicasUser user, Paging paging, TableView view) {
        return readable.page(user, SELECT, COLUMNS, Map.of(), paging, view, (rs, n) -> row(rs))
                .map(rows -> rows.stream().map(r -> assemble(r, user)).toList());
    }

    public Optional<CoproductionPlan> find(long id, DicasUser user) {
        return readable.query(user, SELECT + " and p.id = :id").param("id", id).query((rs, n) -> row(rs))
                .optional().map(r -> assemble(r, user));
    }

    /** One plan shown to the user (a CUI read is audited); a plan the user may not read is not found. */
    public CoproductionPlan get(DicasUser user, long id) {
        CoproductionPlan p = find(id, user).orElseThrow(() -> new NotFoundException("co-production plan", id));
        audit.read(user, KIND, id, p.marking());
        return p;
    }

    private CoproductionPlan assemble(Row r, DicasUser user) {
        List<CoproductionPlan.Line> lines = readable.query(user, """
                        select l.code, l.nation, l.product, l.capacity, l.unit_cost, l.firm_id, l.cost_id is not null,
                               cr.id is not null, cr.marking, case when cr.id is not null then c.unit_cost end
                        from coproduction_line l
                        left join coproduction_line_cost c on c.id = l.cost_id
                        left join record cr on cr.id = l.cost_id and {readable:cr}
                        where l.plan_id = :id order by l.position""").param("id", r.id())
                .query((rs, n) -> line(rs)).list();
        List<CoproductionPlan.Component> components = jdbc.sql("""
                        select code, name, capacity, usage_products, usage_units, supply_node_id
                        from coproduction_component where plan_id = :id order by position""").param("id", r.id())
                .query((rs, n) -> component(rs, user)).list();
        LocalDate today = policy.today();
        List<CoproductionPlan.Transfer> transfers = jdbc.sql("""
                        select position, from_nation, to_nation, products, what_if, authorization_id
                        from coproduction_transfer where plan_id = :id order by position""").param("id", r.id())
                .query((rs, n) -> transfer(rs.getInt(1), rs.getString(2).trim(), rs.getString(3).trim(),
                        strings(rs.getArray(4)), rs.getBoolean(5), (Long) rs.getObject(6), today)).list();
        record Link(long requirementId, String product, int priority) {
        }
        List<Link> links = jdbc.sql("""
                        select requirement_id, product, priority from coproduction_demand where plan_id = :id
                        order by requirement_id""").param("id", r.id())
                .query((rs, n) -> new Link(rs.getLong(1), rs.getString(2), rs.getInt(3))).list();
        List<CoproductionPlan.Demand> demands = new ArrayList<>();
        int withheld = 0;
        for (Link l : links) {
            Optional<Requirement> req = requirements.find(l.requirementId(), user);
            if (req.isEmpty() || req.get().quantity() == null) {
                withheld++;
                continue;
            }
            demands.add(demand(req.get(), l.product(), l.priority(), r.firstYear(), r.periods()));
        }
        return new CoproductionPlan(r.id(), Marking.parse(r.marking()), r.name(), r.firstYear(), r.periods(), lines,
                components, transfers, demands, withheld, r.version());
    }

    private static CoproductionPlan.Demand demand(Requirement q, String product, int priority, int firstYear,
                                                  int periods) {
        return new CoproductionPlan.Demand(q.id(), q.title(Locale.ENGLISH), q.nation(), product, q.quantity(),
                q.needBy(), CoproductionPlan.period(q.needBy(), firstYear, periods), priority, q.marking());
    }

    private CoproductionPlan.Line line(ResultSet rs) throws SQLException {
        Long firmId = (Long) rs.getObject(6);
        boolean firmCost = rs.getBoolean(7);
        boolean costReadable = rs.getBoolean(8);
        BigDecimal cost = firmCost ? rs.getBigDecimal(10) : rs.getBigDecimal(5);
        String firm = firmId == null ? null
                : directory.organization(firmId).map(Directory.Organization::name).orElse(null);
        return new CoproductionPlan.Line(rs.getString(1), rs.getString(2).trim(), rs.getString(3),
                ints(rs.getArray(4)), cost == null ? null : cost.stripTrailingZeros(), firmId, firm,
                firmCost && !costReadable, firmCost && costReadable ? Marking.parse(rs.getString(9)) : null);
    }

    private CoproductionPlan.Component component(ResultSet rs, DicasUser user) throws SQLException {
        Map<String, Integer> usage = new LinkedHashMap<>();
        List<String> products = strings(rs.getArray(4));
        List<Integer> units = ints(rs.getArray(5));
        for (int i = 0; i < products.size(); i++) {
            usage.put(products.get(i), units.get(i));
        }
        long id = rs.getLong(6);
        Optional<SupplyNetworks.StoredNode> node = rs.wasNull() ? Optional.empty() : networks.node(user, id);
        return new CoproductionPlan.Component(rs.getString(1), rs.getString(2), ints(rs.getArray(3)), usage,
                node.map(SupplyNetworks.StoredNode::recordId).orElse(null),
                node.map(n -> n.name() + (n.company().isBlank() ? "" : " — " + n.company())).orElse(null),
                node.map(SupplyNetworks.StoredNode::country).filter(c -> !c.isBlank()).orElse(null));
    }

    /** A transfer rule with its state on {@code today}: what-if only first, then its authorization's (ADR 0023). */
    private CoproductionPlan.Transfer transfer(int position, String from, String to, List<String> products,
                                               boolean whatIf, Long authorizationId, LocalDate today) {
        Optional<ExportAuthorization> a = authorizationId == null ? Optional.empty()
                : authorizations.find(authorizationId);
        CoproductionPlan.TransferState state;
        if (whatIf) {
            state = CoproductionPlan.TransferState.WHAT_IF_ONLY;
        } else if (a.isEmpty()) {
            state = CoproductionPlan.TransferState.IN_FORCE;
        } else if (today.isAfter(a.get().validTo())) {
            state = CoproductionPlan.TransferState.AUTHORIZATION_EXPIRED;
        } else if (today.isBefore(a.get().validFrom())) {
            state = CoproductionPlan.TransferState.AUTHORIZATION_NOT_YET_VALID;
        } else if (!a.get().coveredNations().contains(NationCode.of(to))) {
            state = CoproductionPlan.TransferState.AUTHORIZATION_NOT_COVERING;
        } else {
            state = CoproductionPlan.TransferState.IN_FORCE;
        }
        return new CoproductionPlan.Transfer(position, from, to, products, whatIf, a.map(ExportAuthorization::id)
                .orElse(null), a.map(ExportAuthorization::number).orElse(null),
                a.map(ExportAuthorization::validFrom).orElse(null), a.map(ExportAuthorization::validTo).orElse(null),
                state);
    }

    /**
     * The markings of these cost records when the reader may read every one of them; empty when any is withheld (a
     * run's cost score is then withheld too).
     */
    public Optional<List<Marking>> readableCosts(DicasUser reader, List<Long> costRecords) {
        if (costRecords.isEmpty()) {
            return Optional.of(List.of());
        }
        List<Marking> read = readable.query(reader, "select r.marking from record r where r.id in (:ids) and {readable:r}")
                .param("ids", costRecords).query((rs, n) -> Marking.parse(rs.getString(1))).list();
        return read.size() == costRecords.size() ? Optional.of(read) : Optional.empty();
    }

    // ---------------------------------------------------------------------------------------- the run's problem

    /**
     * The problem a run solves, as {@code user} may see the plan (demands from the requirements the user may read,
     * ids {@code R<requirement id>}), with {@code whatIf} applied (none for the baseline).
     */
    public CoproductionProblem problem(DicasUser user, long planId, Optional<WhatIf> whatIf) {
        return runInput(user, planId, whatIf).problem();
    }

    /**
     * What a run solves: {@link #problem}, with every firm's line cost (the system computes the plan), the cost
     * records behind it, and the transfer rules it leaves out — not in force and not allowed by the what-if.
     */
    public RunInput runInput(DicasUser user, long planId, Optional<WhatIf> whatIf) {
        CoproductionPlan p = get(user, planId);
        whatIf.ifPresent(w -> checkSubject(p, w));
        Map<String, LineCosts.Cost> firmCosts = costs.of(planId);
        List<CoproductionProblem.Line> lines = new ArrayList<>();
        for (CoproductionPlan.Line l : p.lines()) {
            List<Integer> capacity = l.capacity();
            if (whatIf.isPresent() && whatIf.get().kind() == WhatIf.Kind.ADD_LINE_CAPACITY
                    && whatIf.get().subject().equals(l.code())) {
                capacity = capacity.stream().map(c -> c + whatIf.get().amount()).toList();
            }
            BigDecimal cost = l.firmId() == null ? l.unitCost() : firmCosts.get(l.code()).unitCost();
            lines.add(new CoproductionProblem.Line(l.code(), l.nation(), l.product(), capacity, cost));
        }
        List<CoproductionProblem.Component> components = new ArrayList<>();
        for (CoproductionPlan.Component c : p.components()) {
            List<Integer> capacity = c.capacity();
            if (whatIf.isPresent() && (whatIf.get().kind() == WhatIf.Kind.DISRUPT_COMPONENT
                    && whatIf.get().subject().equals(c.code()) || whatIf.get().kind() == WhatIf.Kind.DISRUPT_COUNTRY
                    && whatIf.get().subject().equals(c.supplyNodeCountry()))) {
                int lost = whatIf.get().amount();
                capacity = capacity.stream().map(x -> x - (int) Math.ceil(x * lost / 100.0)).toList();
            }
            components.add(new CoproductionProblem.Component(c.code(), capacity, c.usage()));
        }
        List<CoproductionProblem.Transfer> transfers = new ArrayList<>();
        List<CoproductionPlan.Transfer> dropped = new ArrayList<>();
        for (CoproductionPlan.Transfer t : p.transfers()) {
            boolean allowed = t.state().inForce() || whatIf.isPresent()
                    && whatIf.get().kind() == WhatIf.Kind.ALLOW_TRANSFER
                    && whatIf.get().subject().equals(String.valueOf(t.position()));
            if (allowed) {
                transfers.add(new CoproductionProblem.Transfer(t.from(), t.to(), t.products()));
            } else {
                dropped.add(t);
            }
        }
        List<CoproductionProblem.Demand> demands = p.demands().stream()
                .map(d -> new CoproductionProblem.Demand("R" + d.requirementId(), d.nation(), d.product(),
                        d.quantity(), d.period(), d.priority())).toList();
        CoproductionProblem problem = new CoproductionProblem(p.periods(), lines, components, demands, transfers);
        try {
            CoproductionRules.check(problem);
        } catch (CoproductionException e) {
            throw new InvalidInputException("plan", e.sentence());
        }
        return new RunInput(problem, firmCosts.values().stream().map(LineCosts.Cost::recordId).sorted().toList(),
                dropped);
    }

    private static void checkSubject(CoproductionPlan p, WhatIf w) {
        boolean known = switch (w.kind()) {
            case ADD_LINE_CAPACITY -> p.lines().stream().anyMatch(l -> l.code().equals(w.subject()))
                    && w.amount() >= 1 && w.amount() <= 100_000;
            case ALLOW_TRANSFER -> p.transfers().stream().anyMatch(t -> !t.state().inForce()
                    && String.valueOf(t.position()).equals(w.subject()));
            case DISRUPT_COMPONENT -> p.components().stream().anyMatch(c -> c.code().equals(w.subject()))
                    && w.amount() >= 1 && w.amount() <= 100;
            case DISRUPT_COUNTRY -> p.supplyCountries().contains(w.subject()) && w.amount() >= 1 && w.amount() <= 100;
        };
        if (!known) {
            throw InvalidInputException.of("whatIf", "coproduction.error.whatIfUnknown");
        }
    }

    // ----------------------------------------------------------------------------------------------- writes

    /** Creates a plan with its rows; nothing is saved when any of it breaks a rule (the message names the field). */
    @Transactional
    public long create(DicasUser author, NewPlan c) {
        CoproductionWriteRules.createPlan(author).orThrow();
        PlanCommand header = header(new PlanCommand(c.name(), c.marking(), c.firstYear(), c.periods()));
        Marking marking = Marking.required(header.marking());
        CoproductionPlan empty = new CoproductionPlan(0, marking, header.name(), header.firstYear(), header.periods(),
                List.of(), List.of(), List.of(), List.of(), 0, 0);
        List<CoproductionPlan.Line> lines = new ArrayList<>();
        for (LineCommand l : c.lines()) {
            lines.add(lineOf(line(l, empty), null));
        }
        List<CoproductionPlan.Component> components = new ArrayList<>();
        for (ComponentCommand x : c.components()) {
            components.add(componentOf(component(author, x)));
        }
        List<CoproductionPlan.Transfer> transfers = new ArrayList<>();
        for (TransferCommand t : c.transfers()) {
            transfers.add(transferOf(transfers.size() + 1, transfer(t)));
        }
        List<CoproductionPlan.Demand> demands = new ArrayList<>();
        for (DemandLink d : c.demands()) {
            demands.add(demandOf(author, d, empty));
        }
        check(draft(empty, empty.periods(), lines, components, transfers, demands));
        long id = records.register(KIND, header.name(), header.name(), marking, Optional.empty(), author,
                CoproductionPlans::link);
        jdbc.sql("insert into coproduction_plan (id, name, first_year, periods) values (:id, :n, :y, :p)")
                .param("id", id).param("n", header.name()).param("y", header.firstYear())
                .param("p", header.periods()).update();
        CoproductionPlan created = new CoproductionPlan(id, marking, header.name(), header.firstYear(),
                header.periods(), List.of(), List.of(), List.of(), List.of(), 0, 1);
        int i = 0;
        for (LineCommand l : c.lines()) {
            insertLine(author, created, line(l, created), i++);
        }
        i = 0;
        for (ComponentCommand x : c.components()) {
            insertComponent(id, component(author, x), i++);
        }
        i = 0;
        for (TransferCommand t : c.transfers()) {
            insertTransfer(id, transfer(t), ++i);
        }
        for (DemandLink d : c.demands()) {
            insertDemand(id, d);
        }
        return id;
    }

    /** Changes the plan's own fields against {@code expected}. */
    @Transactional
    public CoproductionPlan update(DicasUser editor, long planId, ExpectedVersion expected, PlanCommand c) {
        CoproductionPlan p = editable(editor, planId);
        PlanCommand h = header(c);
        Marking marking = Marking.required(h.marking());
        List<CoproductionPlan.Line> lines = p.lines().stream().map(l -> new CoproductionPlan.Line(l.code(),
                l.nation(), l.product(), resize(l.capacity(), h.periods()), l.unitCost(), l.firmId(), l.firm(),
                l.costWithheld(), l.costMarking())).toList();
        List<CoproductionPlan.Component> components = p.components().stream().map(x -> new CoproductionPlan.Component(
                x.code(), x.name(), resize(x.capacity(), h.periods()), x.usage(), x.supplyNodeId(), x.supplyNodeTitle(),
                x.supplyNodeCountry())).toList();
        List<CoproductionPlan.Demand> demands = p.demands().stream().map(d -> new CoproductionPlan.Demand(
                d.requirementId(), d.title(), d.nation(), d.product(), d.quantity(), d.needBy(),
                CoproductionPlan.period(d.needBy(), h.firstYear(), h.periods()), d.priority(), d.marking())).toList();
        check(draft(p, h.periods(), lines, components, p.transfers(), demands));
        records.update(planId, expected, h.name(), h.name(), marking, Optional.empty(), editor);
        jdbc.sql("update coproduction_plan set name = :n, first_year = :y, periods = :p where id = :id")
                .param("n", h.name()).param("y", h.firstYear()).param("p", h.periods()).param("id", planId).update();
        if (h.periods() != p.periods()) {
            for (String table : List.of("coproduction_line", "coproduction_component")) {
                jdbc.sql("update " + table + " set capacity = (select array_agg(coalesce(capacity[i], "
                                + "capacity[cardinality(capacity)]) order by i) from generate_series(1, :p) as i) "
                                + "where plan_id = :id")
                        .param("p", h.periods()).param("id", planId).update();
            }
        }
        return get(editor, planId);
    }

    /** Adds a line ({@code code} null) or changes line {@code code}, against the plan's version {@code expected}. */
    @Transactional
    public void saveLine(DicasUser editor, long planId, ExpectedVersion expected, String code, LineCommand c) {
        CoproductionPlan p = editable(editor, planId);
        Optional<CoproductionPlan.Line> old = code == null ? Optional.empty() : Optional.of(p.line(code));
        LineCommand v = line(c, p);
        List<CoproductionPlan.Line> lines = new ArrayList<>(p.lines());
        if (old.isPresent()) {
            lines.set(lines.indexOf(old.get()), lineOf(v, old.get()));
        } else {
            lines.add(lineOf(v, null));
        }
        check(draft(p, p.periods(), lines, p.components(), p.transfers(), p.demands()));
        records.changed(planId, expected);
        if (old.isEmpty()) {
            insertLine(editor, p, v, nextPosition("coproduction_line", planId));
            return;
        }
        Long costId = jdbc.sql("select cost_id from coproduction_line where plan_id = :id and code = :code")
                .param("id", planId).param("code", code).query(Long.class).optional().orElse(null);
        Long newCost = costId;
        if (v.firmId() != null && costId == null) {
            newCost = registerCost(editor, p, v);
        } else if (v.firmId() != null) {
            boolean costChanged = v.unitCost() != null;
            if (costChanged) {
                jdbc.sql("update coproduction_line_cost set unit_cost = :c where id = :id").param("c", v.unitCost())
                        .param("id", costId).update();
            }
            records.update(costId, new ExpectedVersion(records.version(costId)), costTitle(p, v).english(), "",
                    Marking.required(v.costMarking()), Optional.of(v.firmId()), editor);
            titles.composed(costId, costTitle(p, v));
        } else {
            newCost = null;
        }
        jdbc.sql("""
                        update coproduction_line set code = :code, nation = :nation, product = :product,
                               capacity = cast(:cap as int[]), unit_cost = :cost, firm_id = :firm, cost_id = :costId
                        where plan_id = :id and code = :old""")
                .param("code", v.code()).param("nation", v.nation()).param("product", v.product())
                .param("cap", intArray(v.capacity())).param("cost", v.firmId() == null ? v.unitCost() : null)
                .param("firm", v.firmId()).param("costId", newCost).param("id", planId).param("old", code).update();
        if (costId != null && !costId.equals(newCost)) {
            dropCost(editor, costId);
        }
    }

    /** Removes line {@code code}, against the plan's version {@code expected}. */
    @Transactional
    public void removeLine(DicasUser editor, long planId, ExpectedVersion expected, String code) {
        CoproductionPlan p = editable(editor, planId);
        CoproductionPlan.Line old = p.line(code);
        List<CoproductionPlan.Line> lines = new ArrayList<>(p.lines());
        lines.remove(old);
        check(draft(p, p.periods(), lines, p.components(), p.transfers(), p.demands()));
        records.changed(planId, expected);
        Long costId = jdbc.sql("delete from coproduction_line where plan_id = :id and code = :code returning cost_id")
                .param("id", planId).param("code", code).query(Long.class).optional().orElse(null);
        if (costId != null) {
            dropCost(editor, costId);
        }
    }

    /** Adds a component ({@code code} null) or changes component {@code code}, against {@code expected}. */
    @Transactional
    public void saveComponent(DicasUser editor, long planId, ExpectedVersion expected, String code,
                              ComponentCommand c) {
        CoproductionPlan p = editable(editor, planId);
        ComponentCommand v = component(editor, c);
        List<CoproductionPlan.Component> components = new ArrayList<>(p.components());
        if (code != null) {
            components.set(components.indexOf(p.component(code)), componentOf(v));
        } else {
            components.add(componentOf(v));
        }
        check(draft(p, p.periods(), p.lines(), components, p.transfers(), p.demands()));
        records.changed(planId, expected);
        if (code == null) {
            insertComponent(planId, v, nextPosition("coproduction_component", planId));
            return;
        }
        jdbc.sql("""
                        update coproduction_component set code = :code, name = :name, capacity = cast(:cap as int[]),
                               usage_products = cast(:products as text[]), usage_units = cast(:units as int[]),
                               supply_node_id = :node
                        where plan_id = :id and code = :old""")
                .params(componentColumns(v)).param("id", planId).param("old", code).update();
    }

    @Transactional
    public void removeComponent(DicasUser editor, long planId, ExpectedVersion expected, String code) {
        CoproductionPlan p = editable(editor, planId);
        p.component(code);
        records.changed(planId, expected);
        jdbc.sql("delete from coproduction_component where plan_id = :id and code = :code").param("id", planId)
                .param("code", code).update();
    }

    /** Adds a transfer rule ({@code position} null) or changes the rule at {@code position}, against {@code expected}. */
    @Transactional
    public void saveTransfer(DicasUser editor, long planId, ExpectedVersion expected, Integer position,
                             TransferCommand c) {
        CoproductionPlan p = editable(editor, planId);
        TransferCommand v = transfer(c);
        List<CoproductionPlan.Transfer> transfers = new ArrayList<>(p.transfers());
        if (position != null) {
            transfers.set(transfers.indexOf(p.transfer(position)), transferOf(position, v));
        } else {
            transfers.add(transferOf(0, v));
        }
        check(draft(p, p.periods(), p.lines(), p.components(), transfers, p.demands()));
        records.changed(planId, expected);
        if (position == null) {
            insertTransfer(planId, v, nextPosition("coproduction_transfer", planId));
            return;
        }
        jdbc.sql("""
                        update coproduction_transfer set from_nation = :f, to_nation = :t, products = cast(:p as text[]),
                               what_if = :w, authorization_id = :a
                        where plan_id = :id and position = :pos""")
                .params(transferColumns(v)).param("id", planId).param("pos", position).update();
    }

    @Transactional
    public void removeTransfer(DicasUser editor, long planId, ExpectedVersion expected, int position) {
        CoproductionPlan p = editable(editor, planId);
        p.transfer(position);
        records.changed(planId, expected);
        jdbc.sql("delete from coproduction_transfer where plan_id = :id and position = :pos").param("id", planId)
                .param("pos", position).update();
    }

    /**
     * Adds a demand ({@code requirementId} null) or changes the demand of requirement {@code requirementId}, against
     * {@code expected}. The requirement must be one the editor may read, with a quantity.
     */
    @Transactional
    public void saveDemand(DicasUser editor, long planId, ExpectedVersion expected, Long requirementId, DemandLink c) {
        CoproductionPlan p = editable(editor, planId);
        CoproductionPlan.Demand v = demandOf(editor, c, p);
        List<CoproductionPlan.Demand> demands = new ArrayList<>(p.demands());
        if (requirementId != null) {
            demands.remove(p.demand(requirementId));
        }
        if (demands.stream().anyMatch(d -> d.requirementId() == v.requirementId())) {
            throw InvalidInputException.of("requirementId", "coproduction.error.demandTaken", v.requirementId());
        }
        demands.add(v);
        check(draft(p, p.periods(), p.lines(), p.components(), p.transfers(), demands));
        records.changed(planId, expected);
        if (requirementId != null) {
            jdbc.sql("delete from coproduction_demand where plan_id = :id and requirement_id = :r")
                    .param("id", planId).param("r", requirementId).update();
        }
        insertDemand(planId, c);
    }

    @Transactional
    public void removeDemand(DicasUser editor, long planId, ExpectedVersion expected, long requirementId) {
        CoproductionPlan p = editable(editor, planId);
        p.demand(requirementId);
        records.changed(planId, expected);
        jdbc.sql("delete from coproduction_demand where plan_id = :id and requirement_id = :r").param("id", planId)
                .param("r", requirementId).update();
    }

    // ------------------------------------------------------------------------------------------- validation

    /** A plan the editor may read (404 otherwise) and may write (403 otherwise). */
    private CoproductionPlan editable(DicasUser editor, long planId) {
        CoproductionPlan p = find(planId, editor).orElseThrow(() -> new NotFoundException("co-production plan",
                planId));
        CoproductionWriteRules.editPlan(editor).orThrow();
        return p;
    }

    private static PlanCommand header(PlanCommand c) {
        String name = c.name() == null ? "" : c.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw InvalidInputException.of("name", "coproduction.error.nameRequired", MAX_NAME);
        }
        if (c.firstYear() == null || c.firstYear() < 2000 || c.firstYear() > 2100) {
            throw InvalidInputException.of("firstYear", "coproduction.error.firstYear", 2000, 2100);
        }
        if (c.periods() == null || c.periods() < 1 || c.periods() > MAX_PERIODS) {
            throw InvalidInputException.of("periods", "coproduction.error.periods", MAX_PERIODS);
        }
        return new PlanCommand(name, c.marking(), c.firstYear(), c.periods());
    }

    private static String code(String field, String code) {
        String c = code == null ? "" : code.strip();
        if (!CODE.matcher(c).matches()) {
            throw InvalidInputException.of(field, "coproduction.error.code", c);
        }
        return c;
    }

    private String nation(String field, String nation) {
        String n = nation == null ? "" : nation.strip().toUpperCase(Locale.ROOT);
        if (!directory.nationExists(n)) {
            throw InvalidInputException.of(field, "coproduction.error.nation", n);
        }
        return n;
    }

    private static String product(String field, String product) {
        String p = product == null ? "" : product.strip();
        if (p.isEmpty() || p.length() > 100) {
            throw InvalidInputException.of(field, "coproduction.error.product", 100);
        }
        return p;
    }

    private static List<Integer> capacity(List<Integer> capacity) {
        if (capacity == null || capacity.stream().anyMatch(Objects::isNull)) {
            throw InvalidInputException.of("capacity", "coproduction.error.capacity");
        }
        return capacity;
    }

    /** A line's fields, checked; a firm's cost marking defaults to CUI, the plan's nations, PROPIN. */
    private LineCommand line(LineCommand c, CoproductionPlan plan) {
        String code = code("code", c.code());
        String nation = nation("nation", c.nation());
        String product = product("product", c.product());
        List<Integer> capacity = capacity(c.capacity());
        if (c.firmId() == null) {
            if (c.unitCost() == null) {
                throw InvalidInputException.of("unitCost", "coproduction.error.unitCostRequired");
            }
            return new LineCommand(code, nation, product, capacity, c.unitCost(), null, null);
        }
        Directory.Organization firm = directory.organization(c.firmId())
                .filter(o -> o.kind() == OrganizationKind.COMPANY)
                .orElseThrow(() -> InvalidInputException.of("firmId", "coproduction.error.noFirm", c.firmId()));
        String banner = c.costMarking() == null || c.costMarking().isBlank()
                ? defaultCostMarking(plan, nation, firm.nation()).banner() : c.costMarking().strip();
        Marking m;
        try {
            m = Marking.required(banner);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("costMarking", e.sentence() != null ? e.sentence()
                    : Sentence.of("coproduction.error.costMarkingInvalid", e.getMessage()));
        } catch (InvalidMarkingException e) {
            throw new InvalidInputException("costMarking", e.sentence() != null ? e.sentence()
                    : Sentence.of("coproduction.error.costMarkingInvalid", e.getMessage()));
        }
        if (!m.propin()) {
            throw InvalidInputException.of("costMarking", "coproduction.error.costPropin");
        }
        if (m.noForn() || !m.relTo().isEmpty() && !m.relTo().contains(NationCode.of(firm.nation()))) {
            throw InvalidInputException.of("costMarking", "coproduction.error.costFirmNation",
                    Sentence.nation(firm.nation()));
        }
        return new LineCommand(code, nation, product, capacity, c.unitCost(), firm.id(), m.banner());
    }

    /** {@code CUI//REL TO <the plan's REL TO, or its lines' nations, and the firm's>//PROPIN}. */
    static Marking defaultCostMarking(CoproductionPlan plan, String lineNation, String firmNation) {
        List<String> nations = new ArrayList<>(plan.marking().relTo().stream().map(NationCode::code).toList());
        if (nations.isEmpty()) {
            nations.addAll(plan.lines().stream().map(CoproductionPlan.Line::nation).toList());
            nations.add(lineNation);
        }
        nations.add(firmNation);
        return new Marking(AccessLevel.CUI, false, nations.stream().distinct().map(NationCode::of).toList(),
                List.of(), true, Optional.empty());
    }

    /** A line as the engine's rules check it; a withheld or unchanged firm cost checks as it was. */
    private static CoproductionPlan.Line lineOf(LineCommand v, CoproductionPlan.Line old) {
        BigDecimal cost = v.unitCost() != null ? v.unitCost()
                : old != null && old.unitCost() != null ? old.unitCost() : BigDecimal.ZERO;
        if (v.firmId() != null && v.unitCost() == null && (old == null || old.firmId() == null)) {
            throw InvalidInputException.of("unitCost", "coproduction.error.unitCostRequired");
        }
        return new CoproductionPlan.Line(v.code(), v.nation(), v.product(), v.capacity(), cost, v.firmId(), null,
                false, null);
    }

    private ComponentCommand component(DicasUser editor, ComponentCommand c) {
        String code = code("code", c.code());
        String name = c.name() == null ? "" : c.name().strip();
        if (name.length() > MAX_NAME) {
            throw InvalidInputException.of("name", "coproduction.error.nameTooLong", MAX_NAME);
        }
        List<Integer> capacity = capacity(c.capacity());
        Map<String, Integer> usage = new LinkedHashMap<>();
        if (c.usage() != null) {
            for (Map.Entry<String, Integer> u : c.usage().entrySet()) {
                if (u.getValue() == null) {
                    throw InvalidInputException.of("usage", "coproduction.error.usageWhole", u.getKey());
                }
                if (u.getValue() > 0) {
                    usage.put(product("usage", u.getKey()), u.getValue());
                } else if (u.getValue() < 0) {
                    throw InvalidInputException.of("usage", "coproduction.error.usageNegative", u.getKey());
                }
            }
        }
        if (c.supplyNodeId() != null && networks.node(editor, c.supplyNodeId()).isEmpty()) {
            throw InvalidInputException.of("supplyNodeId", "coproduction.error.noSupplyNode", c.supplyNodeId());
        }
        return new ComponentCommand(code, name, capacity, usage, c.supplyNodeId());
    }

    private static CoproductionPlan.Component componentOf(ComponentCommand v) {
        return new CoproductionPlan.Component(v.code(), v.name(), v.capacity(), v.usage(), v.supplyNodeId(), null,
                null);
    }

    private TransferCommand transfer(TransferCommand c) {
        String from = nation("from", c.from());
        String to = nation("to", c.to());
        List<String> products = c.products() == null ? List.of()
                : c.products().stream().map(p -> product("products", p)).distinct().toList();
        String number = c.authorizationNumber() == null ? "" : c.authorizationNumber().strip();
        if (!number.isEmpty() && authorizations.findByNumber(NationCode.of(from), number).isEmpty()) {
            throw InvalidInputException.of("authorizationNumber", "coproduction.error.noAuthorization", number,
                    Sentence.nation(from));
        }
        return new TransferCommand(from, to, products, c.whatIf(), number);
    }

    private static CoproductionPlan.Transfer transferOf(int position, TransferCommand v) {
        return new CoproductionPlan.Transfer(position, v.from(), v.to(), v.products(), v.whatIf());
    }

    private CoproductionPlan.Demand demandOf(DicasUser editor, DemandLink d, CoproductionPlan plan) {
        Requirement q = requirements.find(d.requirementId(), editor)
                .orElseThrow(() -> InvalidInputException.of("requirementId", "coproduction.error.noRequirement",
                        d.requirementId()));
        if (q.quantity() == null) {
            throw InvalidInputException.of("requirementId", "coproduction.error.noQuantity", q.id());
        }
        return demand(q, product("product", d.product()), d.priority(), plan.firstYear(), plan.periods());
    }

    private static CoproductionPlan draft(CoproductionPlan p, int periods, List<CoproductionPlan.Line> lines,
                                          List<CoproductionPlan.Component> components,
                                          List<CoproductionPlan.Transfer> transfers,
                                          List<CoproductionPlan.Demand> demands) {
        return new CoproductionPlan(p.id(), p.marking(), p.name(), p.firstYear(), periods, lines, components,
                transfers, demands, p.withheldDemands(), p.version());
    }

    /**
     * The plan as it would be, checked by the engine's rules (every transfer rule as if in force, withheld costs as
     * zero); the first broken rule is refused naming its field.
     */
    private static void check(CoproductionPlan p) {
        CoproductionProblem problem = new CoproductionProblem(p.periods(),
                p.lines().stream().map(l -> new CoproductionProblem.Line(l.code(), l.nation(), l.product(),
                        l.capacity(), l.unitCost() == null ? BigDecimal.ZERO : l.unitCost())).toList(),
                p.components().stream().map(x -> new CoproductionProblem.Component(x.code(), x.capacity(),
                        x.usage())).toList(),
                p.demands().stream().map(d -> new CoproductionProblem.Demand("#" + d.requirementId(),
                        d.nation(), d.product(), d.quantity(), d.period(), d.priority())).toList(),
                p.transfers().stream().map(t -> new CoproductionProblem.Transfer(t.from(), t.to(), t.products()))
                        .toList());
        try {
            CoproductionRules.check(problem);
        } catch (CoproductionException e) {
            throw new InvalidInputException(fieldOf(e.sentence()), e.sentence());
        }
    }

    /** The form field an engine rule is about, by the rule's key (a transfer's unknown nation: from or to). */
    static String fieldOf(Sentence rule) {
        return switch (rule.key().substring(rule.key().lastIndexOf('.') + 1)) {
            case "unitCostRange", "unitCostDecimals", "costsTooPrecise" -> "unitCost";
            case "usageUnknownProduct", "usageRange" -> "usage";
            case "capacityLength", "capacityRange" -> "capacity";
            case "duplicateId" -> "code";
            case "periods" -> "periods";
            case "priorityRange" -> "priority";
            case "quantityRange" -> "requirementId";
            case "demandUnknownProduct" -> "product";
            case "transferSameNation" -> "to";
            case "transferNoProduct", "transferUnknownProduct" -> "products";
            case "transferUnknownNation" -> {
                Sentence transfer = (Sentence) rule.args().get(0);
                yield transfer.args().get(0).equals(rule.args().get(1)) ? "from" : "to";
            }
            default -> "plan";
        };
    }

    // ------------------------------------------------------------------------------------------- SQL writes

    private int nextPosition(String table, long planId) {
        return jdbc.sql("select coalesce(max(position), 0) + 1 from " + table + " where plan_id = :id")
                .param("id", planId).query(Integer.class).single();
    }

    private void insertLine(DicasUser editor, CoproductionPlan plan, LineCommand l, int position) {
        Long costId = l.firmId() == null ? null : registerCost(editor, plan, l);
        jdbc.sql("""
                        insert into coproduction_line (plan_id, code, nation, product, capacity, unit_cost, position,
                                                       firm_id, cost_id)
                        values (:id, :code, :nation, :product, cast(:cap as int[]), :cost, :pos, :firm, :costId)""")
                .param("id", plan.id()).param("code", l.code()).param("nation", l.nation())
                .param("product", l.product()).param("cap", intArray(l.capacity()))
                .param("cost", l.firmId() == null ? l.unitCost() : null).param("pos", position)
                .param("firm", l.firmId()).param("costId", costId).update();
    }

    private static RecordTitles.Composed costTitle(CoproductionPlan plan, LineCommand l) {
        return RecordTitles.Composed.of(Sentence.of("coproduction.cost.title", l.code(), plan.name()));
    }

    /** The firm's cost as a PROPIN record of the firm, its page the plan's. */
    private long registerCost(DicasUser editor, CoproductionPlan plan, LineCommand l) {
        long planId = plan.id();
        RecordTitles.Composed title = costTitle(plan, l);
        long id = records.register(COST_KIND, title.english(), "", Marking.required(l.costMarking()),
                Optional.of(l.firmId()), editor, x -> link(planId));
        titles.composed(id, title);
        jdbc.sql("insert into coproduction_line_cost (id, unit_cost) values (:id, :c)").param("id", id)
                .param("c", l.unitCost()).update();
        return id;
    }

    private void dropCost(DicasUser editor, long costId) {
        jdbc.sql("delete from coproduction_line_cost where id = :id").param("id", costId).update();
        RecordTitles.Composed removed = RecordTitles.Composed.of(Sentence.of("coproduction.cost.removedTitle"));
        records.deleted(costId, new ExpectedVersion(records.version(costId)), removed.english(), editor);
        titles.composed(costId, removed);
    }

    private void insertComponent(long planId, ComponentCommand x, int position) {
        jdbc.sql("""
                        insert into coproduction_component (plan_id, code, name, capacity, usage_products,
                                                            usage_units, supply_node_id, position)
                        values (:id, :code, :name, cast(:cap as int[]), cast(:products as text[]),
                                cast(:units as int[]), :node, :pos)""")
                .param("id", planId).params(componentColumns(x)).param("pos", position).update();
    }

    private static Map<String, Object> componentColumns(ComponentCommand x) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("code", x.code());
        p.put("name", x.name());
        p.put("cap", intArray(x.capacity()));
        p.put("products", textArray(new ArrayList<>(x.usage().keySet())));
        p.put("units", intArray(new ArrayList<>(x.usage().values())));
        p.put("node", x.supplyNodeId());
        return p;
    }

    private void insertTransfer(long planId, TransferCommand t, int position) {
        jdbc.sql("""
                        insert into coproduction_transfer (plan_id, from_nation, to_nation, products, what_if,
                                                           authorization_id, position)
                        values (:id, :f, :t, cast(:p as text[]), :w, :a, :pos)""")
                .param("id", planId).params(transferColumns(t)).param("pos", position).update();
    }

    private Map<String, Object> transferColumns(TransferCommand t) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("f", t.from());
        p.put("t", t.to());
        p.put("p", textArray(t.products()));
        p.put("w", t.whatIf());
        p.put("a", t.authorizationNumber().isEmpty() ? null
                : authorizations.findByNumber(NationCode.of(t.from()), t.authorizationNumber()).orElseThrow().id());
        return p;
    }

    private void insertDemand(long planId, DemandLink d) {
        jdbc.sql("""
                        insert into coproduction_demand (plan_id, requirement_id, product, priority)
                        values (:id, :r, :p, :prio)""")
                .param("id", planId).param("r", d.requirementId()).param("p", d.product().strip())
                .param("prio", d.priority()).update();
    }

    /** A capacity list cut to {@code periods}, or extended with its last value (0 when empty). */
    static List<Integer> resize(List<Integer> capacity, int periods) {
        List<Integer> out = new ArrayList<>(capacity.subList(0, Math.min(periods, capacity.size())));
        while (out.size() < periods) {
            out.add(capacity.isEmpty() ? 0 : capacity.get(capacity.size() - 1));
        }
        return out;
    }

    private static List<Integer> ints(Array a) throws SQLException {
        Object[] values = (Object[]) a.getArray();
        return Arrays.stream(values).map(v -> ((Number) v).intValue()).toList();
    }

    private static List<String> strings(Array a) throws SQLException {
        return Arrays.stream((Object[]) a.getArray()).map(String::valueOf).toList();
    }

    private static String intArray(List<Integer> values) {
        return "{" + String.join(",", values.stream().map(String::valueOf).toList()) + "}";
    }

    private static String textArray(List<String> values) {
        return "{" + String.join(",", values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"").toList()) + "}";
    }
}
