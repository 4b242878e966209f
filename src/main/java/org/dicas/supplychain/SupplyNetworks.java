package org.dicas.supplychain;

import org.dicas.shared.ListColumns;
import org.dicas.shared.TableView;
import org.dicas.shared.InvalidMarkingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.dicas.security.AuditLog;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.MarkedRecords;
import org.dicas.security.OrganizationKind;
import org.dicas.security.ReadableRecords;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Marking;
import org.dicas.shared.Sentence;
import org.dicas.shared.NotFoundException;
import org.dicas.shared.Sentence;
import org.dicas.supplychain.engine.NetworkException;
import org.dicas.supplychain.engine.NetworkSpec;
import org.dicas.supplychain.engine.SupplyChainEngine;
import org.dicas.supplychain.engine.SupplyNetwork;
import org.dicas.titles.RecordTitles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;

/**
 * Stored supply networks: import (validated by the engine, a new version per program; who may import is
 * {@link SupplyChainWriteRules#importNetwork}), listing, and the data the analyses need. A network version never changes after import, so its compiled form is cached.
 */
@Service
public class SupplyNetworks {

    /** A node as stored, with its marking. */
    public record StoredNode(long recordId, String code, String name, String company, String country, Integer ttrDays,
                             Double capacity, Marking marking) {
    }

    private final JdbcClient jdbc;
    private final MarkedRecords records;
    private final ReadableRecords readable;
    private final Directory directory;
    private final AuditLog audit;
    private final Map<Long, SupplyNetwork> compiled = new ConcurrentHashMap<>();

    private final RecordTitles titles;

    SupplyNetworks(JdbcClient jdbc, MarkedRecords records, ReadableRecords readable, Directory directory,
                   AuditLog audit, RecordTitles titles) {
        this.titles = titles;
        this.jdbc = jdbc;
        this.records = records;
        this.readable = readable;
        this.directory = directory;
        this.audit = audit;
    }

    @Transactional
    public SupplyNetworkSummary importNetwork(DicasUser user, NetworkImport imp) {
        SupplyChainWriteRules.importNetwork(user).orThrow();
        if (imp.program() == null || imp.program().isBlank() || imp.program().length() > 100) {
            throw InvalidInputException.of("program", "sc.error.program", 100);
        }
        if (imp.name() == null || imp.name().isBlank() || imp.name().length() > 200) {
            throw InvalidInputException.of("name", "sc.error.name", 200);
        }
        Marking networkMarking = Marking.parse(imp.marking() == null ? "" : imp.marking().strip());
        NetworkSpec spec = toSpec(imp.network());
        try {
            SupplyChainEngine.compile(spec);
        } catch (NetworkException e) {
            throw new InvalidInputException("network", e.sentence());
        }
        Map<String, Long> companies = directory.organizations().stream()
                .filter(o -> o.kind() == OrganizationKind.COMPANY)
                .collect(Collectors.toMap(Directory.Organization::name, Directory.Organization::id, (a, b) -> a));
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from supply_network where program = :p")
                .param("p", imp.program().strip()).query(Integer.class).single();
        RecordTitles.Composed title = RecordTitles.Composed.of(Sentence.of("sc.network.title", imp.program().strip(),
                String.valueOf(version), imp.name().strip()));
        long id = records.register("SUPPLY_NETWORK", title.english(), title.english(), networkMarking, Optional.empty(),
                user, i -> "/supply-chain/networks/" + i);
        titles.composed(id, title);
        jdbc.sql("insert into supply_network (id, program, name, version, imported_by) values (:id, :p, :n, :v, :u)")
                .param("id", id).param("p", imp.program().strip()).param("n", imp.name().strip()).param("v", version)
                .param("u", user.id()).update();
        for (NetworkImport.Node n : imp.network().nodes()) {
            Marking m = n.marking() == null || n.marking().isBlank() ? networkMarking : parseNodeMarking(n);
            Optional<Long> owner = Optional.empty();
            if (n.owningCompany() != null && !n.owningCompany().isBlank()) {
                Long org = companies.get(n.owningCompany().strip());
                if (org == null) {
                    throw InvalidInputException.of("network.nodes", "sc.error.noCompany", n.id(), n.owningCompany());
                }
                owner = Optional.of(org);
            }
            String text = String.join(" ", n.id(), blank(n.name()), blank(n.company()), blank(n.country()));
            long nodeId = records.register("SUPPLY_NODE", n.id() + (blank(n.name()).isEmpty() ? "" : " — " + n.name()),
                    text, m, owner, user, i -> "/supply-chain/networks/" + id + "#node-" + i);
            records.placeIn(nodeId, id);
            jdbc.sql("""
                            insert into supply_node (id, network_id, code, name, company, country, ttr_days, capacity)
                            values (:id, :net, :code, :name, :company, :country, :ttr, :cap)""")
                    .param("id", nodeId).param("net", id).param("code", n.id()).param("name", blank(n.name()))
                    .param("company", blank(n.company())).param("country", blank(n.country()))
                    .param("ttr", n.ttrDays()).param("cap", n.capacity()).update();
        }
        int position = 0;
        for (NetworkImport.Input in : imp.network().inputs()) {
            jdbc.sql("""
                            insert into supply_input (network_id, node_code, item, sources, position)
                            values (:net, :node, :item, cast(:sources as text[]), :pos)""")
                    .param("net", id).param("node", in.node()).param("item", blank(in.item()))
                    .param("sources", in.sources().toArray(new String[0])).param("pos", position++).update();
        }
        for (NetworkImport.EndItem e : imp.network().endItems()) {
            jdbc.sql("""
                            insert into supply_end_item (network_id, code, node_code, program, inventory_days)
                            values (:net, :code, :node, :program, :inv)""")
                    .param("net", id).param("code", e.id()).param("node", e.node()).param("program", blank(e.program()))
                    .param("inv", e.inventoryDays()).update();
        }
        audit.append(user, "NETWORK_IMPORTED", id, "SUPPLY_NETWORK", Sentence.of("audit.detail.networkImported",
                imp.network().nodes().size(), imp.network().inputs().size(), imp.network().endItems().size()));
        return summary(user, id);
    }

    private static Marking parseNodeMarking(NetworkImport.Node n) {
        try {
            return Marking.parse(n.marking().strip());
        } catch (IllegalArgumentException e) {
            Object why = e instanceof InvalidMarkingException im && im.sentence() != null ? im.sentence() : e.getMessage();
            throw InvalidInputException.of("network.nodes", "sc.error.nodeMarking", n.id(), why);
        }
    }

    static NetworkSpec toSpec(NetworkImport.Network n) {
        return new NetworkSpec(
                n.nodes().stream().map(x -> new NetworkSpec.Node(x.id(), x.name(), x.company(), x.country(), x.ttrDays(),
                        x.capacity())).toList(),
                n.inputs().stream().map(x -> new NetworkSpec.Input(x.node(), x.item(),
                        x.sources() == null ? List.of() : x.sources())).toList(),
                n.endItems().stream().map(x -> new NetworkSpec.EndItem(x.id(), x.node(), x.program(), x.inventoryDays()))
                        .toList());
    }

    static String blank(String s) {
        return s == null ? "" : s.strip();
    }

    private static final String NETWORKS = """
            select n.id, r.marking, n.program, n.name, n.version, n.imported_at,
                   (select count(*) from supply_input i where i.network_id = n.id) as inputs,
                   (select count(*) from supply_end_item e where e.network_id = n.id) as end_items
            from supply_network n join record r on r.id = n.id where {readable:r}""";

    public List<SupplyNetworkSummary> list(DicasUser user) {
        return summaries(user, readable.query(user, NETWORKS + " order by " + ORDER).query(LISTED).list());
    }

    /** How networks are listed: by program, newest version first, then by id. */
    private static final String ORDER = "n.program, n.version desc, n.id";

    /** A page of the networks the user may read, by program, newest version first (then by id). */
    public Page<SupplyNetworkSummary> list(DicasUser user, Paging paging) {
        return readable.page(user, NETWORKS, ORDER, Map.of(), paging, LISTED).map(rows -> summaries(user, rows));
    }

    /**
     * What the networks list sorts and filters by: by program unless asked otherwise; the filter looks in the program
     * and the network's name.
     */
    public static final ListColumns COLUMNS = ListColumns.orderedBy("program", "lower(n.program)", false, "n.id")
            .and("name", "lower(n.name)").and("version", "n.version", true).and("imported", "n.imported_at", true)
            .filterIn("n.program", "n.name");

    /** A page of the networks the user may read, sorted and filtered as the view asks ({@link #COLUMNS}). */
    public Page<SupplyNetworkSummary> list(DicasUser user, Paging paging, TableView view) {
        return readable.page(user, NETWORKS, COLUMNS, Map.of(), paging, view, LISTED)
                .map(rows -> summaries(user, rows));
    }

    public SupplyNetworkSummary summary(DicasUser user, long id) {
        Listed row = readable.query(user, NETWORKS + " and n.id = :id").param("id", id).query(LISTED).optional()
                .orElseThrow(() -> new NotFoundException("supply network", id));
        return summaries(user, List.of(row)).get(0);
    }

    /** A row of {@link #NETWORKS}. */
    private record Listed(long id, String marking, String program, String name, int version,
                          java.time.Instant importedAt, int inputs, int endItems) {
    }

    private static final org.springframework.jdbc.core.RowMapper<Listed> LISTED = (rs, i) -> new Listed(rs.getLong(1),
            rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getTimestamp(6).toInstant(),
            rs.getInt(7), rs.getInt(8));

    /**
     * The summaries of these networks, their nodes counted for all of them in one statement (not a few per row): how
     * many nodes each has, and how many of those the user may read.
     */
    private List<SupplyNetworkSummary> summaries(DicasUser user, List<Listed> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, int[]> counts = new HashMap<>();
        readable.query(user, """
                        select s.network_id, count(*), count(*) filter (where {readable:r})
                        from supply_node s join record r on r.id = s.id
                        where s.network_id in (:ids) group by s.network_id""")
                .param("ids", rows.stream().map(Listed::id).toList())
                .query(rs -> {
                    counts.put(rs.getLong(1), new int[] {rs.getInt(2), rs.getInt(3)});
                });
        return rows.stream().map(r -> {
            int[] nodes = counts.getOrDefault(r.id(), new int[2]);
            return new SupplyNetworkSummary(r.id(), Marking.parse(r.marking()), r.program(), r.name(), r.version(),
                    r.importedAt(), nodes[1], nodes[0] - nodes[1], r.inputs(), r.endItems());
        }).toList();
    }

    /** The nodes of a network the user may read, by code. */
    public Map<String, StoredNode> nodes(DicasUser user, long networkId) {
        Map<String, StoredNode> out = new HashMap<>();
        readable.query(user, """
                        select s.id, s.code, s.name, s.company, s.country, s.ttr_days, s.capacity, r.marking
                        from supply_node s join record r on r.id = s.id
                        where s.network_id = :net and {readable:r}""")
                .param("net", networkId)
                .query(rs -> {
                    out.put(rs.getString(2), new StoredNode(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), (Integer) rs.getObject(6), (Double) rs.getObject(7),
                            Marking.parse(rs.getString(8))));
                });
        return out;
    }

    /** One node by its record id, when the user may read it (co-production plans link their components to nodes). */
    public Optional<StoredNode> node(DicasUser user, long recordId) {
        return readable.query(user, """
                        select s.id, s.code, s.name, s.company, s.country, s.ttr_days, s.capacity, r.marking
                        from supply_node s join record r on r.id = s.id
                        where s.id = :id and {readable:r}""")
                .param("id", recordId)
                .query((rs, n) -> new StoredNode(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), (Integer) rs.getObject(6), (Double) rs.getObject(7),
                        Marking.parse(rs.getString(8)))).optional();
    }

    /** The whole network as the engine needs it (every node: analyses run on the full network). */
    NetworkSpec spec(long networkId) {
        List<NetworkSpec.Node> nodes = jdbc.sql("""
                        select code, name, company, country, ttr_days, capacity from supply_node
                        where network_id = :net order by code""")
                .param("net", networkId)
                .query((rs, i) -> new NetworkSpec.Node(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), (Integer) rs.getObject(5), (Double) rs.getObject(6))).list();
        List<NetworkSpec.Input> inputs = jdbc.sql("""
                        select node_code, item, sources from supply_input where network_id = :net order by position""")
                .param("net", networkId)
                .query((rs, i) -> new NetworkSpec.Input(rs.getString(1), rs.getString(2),
                        List.of((String[]) rs.getArray(3).getArray()))).list();
        List<NetworkSpec.EndItem> endItems = jdbc.sql("""
                        select code, node_code, program, inventory_days from supply_end_item where network_id = :net
                        order by code""")
                .param("net", networkId)
                .query((rs, i) -> new NetworkSpec.EndItem(rs.getString(1), rs.getString(2), rs.getString(3),
                        (Integer) rs.getObject(4))).list();
        return new NetworkSpec(nodes, inputs, endItems);
    }

    SupplyNetwork compiled(long networkId) {
        if (compiled.size() > 16) {
            compiled.clear();
        }
        return compiled.computeIfAbsent(networkId, id -> SupplyChainEngine.compile(spec(id)));
    }

    /** The network restricted to the nodes a user may read (for analyses whose figures would reveal hidden nodes). */
    static NetworkSpec restrictedTo(NetworkSpec spec, Set<String> visible) {
        List<NetworkSpec.Input> inputs = new ArrayList<>();
        for (NetworkSpec.Input in : spec.inputs()) {
            if (!visible.contains(in.node())) {
                continue;
            }
            List<String> sources = in.sources().stream().filter(visible::contains).toList();
            if (!sources.isEmpty()) {
                inputs.add(new NetworkSpec.Input(in.node(), in.item(), sources));
            }
        }
        return new NetworkSpec(spec.nodes().stream().filter(n -> visible.contains(n.id())).toList(), inputs,
                spec.endItems().stream().filter(e -> visible.contains(e.node())).toList());
    }

    static Set<String> codes(Map<String, StoredNode> nodes) {
        return new HashSet<>(nodes.keySet());
    }
}
