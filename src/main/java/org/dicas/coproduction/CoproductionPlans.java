package org.dicas.coproduction;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dicas.coproduction.engine.CoproductionException;
import org.dicas.coproduction.engine.CoproductionProblem;
import org.dicas.coproduction.engine.CoproductionRules;
import org.dicas.requirements.Requirement;
import org.dicas.requirements.Requirements;
import org.dicas.security.AuditLog;
import org.dicas.security.DicasUser;
import org.dicas.security.MarkedRecords;
import org.dicas.security.ReadableRecords;
import org.dicas.supplychain.SupplyNetworks;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Marking;
import org.dicas.shared.NotFoundException;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Co-production plans: marked records read through the releasability policy (a hidden plan is 404), written by whom
 * {@link CoproductionWriteRules} allows. A plan's demands are requirements: each reader sees those they may read, and
 * the problem a run solves is built from the requirements its starter may read, with a what-if applied.
 */
@Service
public class CoproductionPlans {

    public static final String KIND = "COPRODUCTION_PLAN";

    /** What a new plan holds; demands name requirements by id. */
    public record NewPlan(String name, String marking, int firstYear, int periods, List<CoproductionPlan.Line> lines,
                          List<CoproductionPlan.Component> components, List<CoproductionPlan.Transfer> transfers,
                          List<DemandLink> demands) {
    }

    public record DemandLink(long requirementId, String product, int priority) {
    }

    private record Row(long id, String marking, String name, int firstYear, int periods) {
    }

    private static final String SELECT = """
            select p.id, r.marking, p.name, p.first_year, p.periods
            from coproduction_plan p join record r on r.id = p.id where {readable:r}""";

    private final JdbcClient jdbc;
    private final MarkedRecords records;
    private final ReadableRecords readable;
    private final Requirements requirements;
    private final AuditLog audit;
    private final SupplyNetworks networks;

    CoproductionPlans(JdbcClient jdbc, MarkedRecords records, ReadableRecords readable, Requirements requirements,
                      AuditLog audit, SupplyNetworks networks) {
        this.networks = networks;
        this.jdbc = jdbc;
        this.records = records;
        this.readable = readable;
        this.requirements = requirements;
        this.audit = audit;
    }

    public static String link(long id) {
        return "/coproduction/" + id;
    }

    /** A page of the plans the user may read, by name then id. */
    public Page<CoproductionPlan> list(DicasUser user, Paging paging) {
        return readable.page(user, SELECT, "p.name, p.id", Map.of(), paging,
                        (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5)))
                .map(rows -> rows.stream().map(r -> assemble(r, user)).toList());
    }

    public Optional<CoproductionPlan> find(long id, DicasUser user) {
        return readable.query(user, SELECT + " and p.id = :id").param("id", id)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5)))
                .optional().map(r -> assemble(r, user));
    }

    /** One plan shown to the user (a CUI read is audited); a plan the user may not read is not found. */
    public CoproductionPlan get(DicasUser user, long id) {
        CoproductionPlan p = find(id, user).orElseThrow(() -> new NotFoundException("co-production plan", id));
        audit.read(user, KIND, id, p.marking());
        return p;
    }

    private CoproductionPlan assemble(Row r, DicasUser user) {
        List<CoproductionPlan.Line> lines = jdbc.sql("""
                        select code, nation, product, capacity, unit_cost from coproduction_line where plan_id = :id
                        order by position""").param("id", r.id())
                .query((rs, n) -> new CoproductionPlan.Line(rs.getString(1), rs.getString(2).trim(), rs.getString(3),
                        ints(rs.getArray(4)), rs.getBigDecimal(5).stripTrailingZeros())).list();
        List<CoproductionPlan.Component> components = jdbc.sql("""
                        select code, name, capacity, usage_products, usage_units, supply_node_id
                        from coproduction_component where plan_id = :id order by position""").param("id", r.id())
                .query((rs, n) -> component(rs, user)).list();
        List<CoproductionPlan.Transfer> transfers = jdbc.sql("""
                        select position, from_nation, to_nation, products, what_if from coproduction_transfer
                        where plan_id = :id order by position""").param("id", r.id())
                .query((rs, n) -> new CoproductionPlan.Transfer(rs.getInt(1), rs.getString(2).trim(),
                        rs.getString(3).trim(), strings(rs.getArray(4)), rs.getBoolean(5))).list();
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
            Requirement q = req.get();
            demands.add(new CoproductionPlan.Demand(q.id(), q.title(java.util.Locale.ENGLISH), q.nation(), l.product(),
                    q.quantity(), q.needBy(), CoproductionPlan.period(q.needBy(), r.firstYear(), r.periods()),
                    l.priority(), q.marking()));
        }
        return new CoproductionPlan(r.id(), Marking.parse(r.marking()), r.name(), r.firstYear(), r.periods(), lines,
                components, transfers, demands, withheld);
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

    /**
     * The problem a run solves, as {@code user} may see the plan (demands from the requirements the user may read,
     * ids {@code R<requirement id>}), with {@code whatIf} applied (none for the baseline).
     */
    public CoproductionProblem problem(DicasUser user, long planId, Optional<WhatIf> whatIf) {
        CoproductionPlan p = get(user, planId);
        List<CoproductionProblem.Line> lines = new ArrayList<>();
        for (CoproductionPlan.Line l : p.lines()) {
            List<Integer> capacity = l.capacity();
            if (whatIf.isPresent() && whatIf.get().kind() == WhatIf.Kind.ADD_LINE_CAPACITY
                    && whatIf.get().subject().equals(l.code())) {
                capacity = capacity.stream().map(c -> c + whatIf.get().amount()).toList();
            }
            lines.add(new CoproductionProblem.Line(l.code(), l.nation(), l.product(), capacity, l.unitCost()));
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
        for (CoproductionPlan.Transfer t : p.transfers()) {
            boolean allowed = !t.whatIf() || whatIf.isPresent() && whatIf.get().kind() == WhatIf.Kind.ALLOW_TRANSFER
                    && whatIf.get().subject().equals(String.valueOf(t.position()));
            if (allowed) {
                transfers.add(new CoproductionProblem.Transfer(t.from(), t.to(), t.products()));
            }
        }
        List<CoproductionProblem.Demand> demands = p.demands().stream()
                .map(d -> new CoproductionProblem.Demand("R" + d.requirementId(), d.nation(), d.product(),
                        d.quantity(), d.period(), d.priority())).toList();
        whatIf.ifPresent(w -> checkSubject(p, w));
        CoproductionProblem problem = new CoproductionProblem(p.periods(), lines, components, demands, transfers);
        try {
            CoproductionRules.check(problem);
        } catch (CoproductionException e) {
            throw new InvalidInputException("plan", e.getMessage());
        }
        return problem;
    }

    private static void checkSubject(CoproductionPlan p, WhatIf w) {
        boolean known = switch (w.kind()) {
            case ADD_LINE_CAPACITY -> p.lines().stream().anyMatch(l -> l.code().equals(w.subject()))
                    && w.amount() >= 1 && w.amount() <= 100_000;
            case ALLOW_TRANSFER -> p.transfers().stream().anyMatch(t -> t.whatIf()
                    && String.valueOf(t.position()).equals(w.subject()));
            case DISRUPT_COMPONENT -> p.components().stream().anyMatch(c -> c.code().equals(w.subject()))
                    && w.amount() >= 1 && w.amount() <= 100;
            case DISRUPT_COUNTRY -> p.supplyCountries().contains(w.subject()) && w.amount() >= 1 && w.amount() <= 100;
        };
        if (!known) {
            throw new InvalidInputException("whatIf", "the what-if names no line, transfer or component of this plan, "
                    + "or its amount is out of range");
        }
    }

    /** Creates a plan; nothing is saved when its problem breaks a rule (the message names the record). */
    @Transactional
    public long create(DicasUser author, NewPlan c) {
        CoproductionWriteRules.createPlan(author).orThrow();
        if (c.name() == null || c.name().isBlank()) {
            throw new InvalidInputException("name", "a name is required");
        }
        CoproductionProblem check = new CoproductionProblem(c.periods(),
                c.lines().stream().map(l -> new CoproductionProblem.Line(l.code(), l.nation(), l.product(),
                        l.capacity(), l.unitCost())).toList(),
                c.components().stream().map(x -> new CoproductionProblem.Component(x.code(), x.capacity(), x.usage()))
                        .toList(), List.of(),
                c.transfers().stream().map(t -> new CoproductionProblem.Transfer(t.from(), t.to(), t.products()))
                        .toList());
        try {
            CoproductionRules.check(check);
        } catch (CoproductionException e) {
            throw new InvalidInputException("plan", e.getMessage());
        }
        Marking marking = Marking.parse(c.marking());
        long id = records.register(KIND, c.name(), c.name(), marking, Optional.empty(), author,
                CoproductionPlans::link);
        jdbc.sql("insert into coproduction_plan (id, name, first_year, periods) values (:id, :n, :y, :p)")
                .param("id", id).param("n", c.name()).param("y", c.firstYear()).param("p", c.periods()).update();
        int i = 0;
        for (CoproductionPlan.Line l : c.lines()) {
            jdbc.sql("""
                            insert into coproduction_line (plan_id, code, nation, product, capacity, unit_cost, position)
                            values (:id, :code, :nation, :product, cast(:cap as int[]), :cost, :pos)""")
                    .param("id", id).param("code", l.code()).param("nation", l.nation()).param("product", l.product())
                    .param("cap", intArray(l.capacity())).param("cost", l.unitCost()).param("pos", i++).update();
        }
        i = 0;
        for (CoproductionPlan.Component x : c.components()) {
            jdbc.sql("""
                            insert into coproduction_component (plan_id, code, name, capacity, usage_products,
                                                                usage_units, supply_node_id, position)
                            values (:id, :code, :name, cast(:cap as int[]), cast(:products as text[]),
                                    cast(:units as int[]), :node, :pos)""")
                    .param("id", id).param("code", x.code()).param("name", x.name())
                    .param("cap", intArray(x.capacity()))
                    .param("products", textArray(new ArrayList<>(x.usage().keySet())))
                    .param("units", intArray(new ArrayList<>(x.usage().values())))
                    .param("node", x.supplyNodeId()).param("pos", i++).update();
        }
        i = 0;
        for (CoproductionPlan.Transfer t : c.transfers()) {
            jdbc.sql("""
                            insert into coproduction_transfer (plan_id, from_nation, to_nation, products, what_if, position)
                            values (:id, :f, :t, cast(:p as text[]), :w, :pos)""")
                    .param("id", id).param("f", t.from()).param("t", t.to()).param("p", textArray(t.products()))
                    .param("w", t.whatIf()).param("pos", ++i).update();
        }
        for (DemandLink d : c.demands()) {
            if (requirements.find(d.requirementId(), author).isEmpty()) {
                throw new InvalidInputException("demands", "no requirement " + d.requirementId());
            }
            jdbc.sql("""
                            insert into coproduction_demand (plan_id, requirement_id, product, priority)
                            values (:id, :r, :p, :prio)""")
                    .param("id", id).param("r", d.requirementId()).param("p", d.product()).param("prio", d.priority())
                    .update();
        }
        return id;
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
