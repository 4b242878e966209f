package org.dicas.supplychain.engine;

import org.dicas.shared.Sentence;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV import: a header row, then one row per record; column names are case-insensitive, in any order, and unknown
 * columns are ignored. Blank lines are skipped.
 * <ul>
 *   <li>nodes: {@code id} (required), {@code name}, {@code company}, {@code country}, {@code ttrDays},
 *       {@code capacity}</li>
 *   <li>inputs: {@code node}, {@code item}, and either {@code sources} (one input per row, its source ids separated
 *       by {@code ;} or {@code |}, exactly like the JSON form) or {@code source} alone (one source link per row: the
 *       rows of the same node and item make one input, whose position in errors is its first row)</li>
 *   <li>end items (optional file): {@code id}, {@code node}, {@code program}, {@code inventoryDays}</li>
 * </ul>
 * Errors are one-line {@link NetworkException}s naming the offending id and the file and line, e.g.
 * {@code duplicate node id 'N1' (nodes.csv line 9)}.
 */
public final class NetworkCsv {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(false)
            .setTrim(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    private NetworkCsv() {
    }

    /** Reads and validates; file names in errors are nodes.csv, inputs.csv and endItems.csv. */
    public static NetworkSpec read(Reader nodes, Reader inputs, Reader endItemsOrNull) {
        return read(nodes, "nodes.csv", inputs, "inputs.csv", endItemsOrNull, "endItems.csv");
    }

    /** Reads and validates, naming the files as given in errors. */
    public static NetworkSpec read(Reader nodes, String nodesName, Reader inputs, String inputsName,
                                   Reader endItemsOrNull, String endItemsName) {
        Parsed p = parse(nodes, nodesName, inputs, inputsName, endItemsOrNull, endItemsName);
        SupplyNetwork.compile(p.spec, p.positions);
        return p.spec;
    }

    /** Reads, validates and compiles in one go. */
    public static SupplyNetwork readNetwork(Reader nodes, String nodesName, Reader inputs, String inputsName,
                                           Reader endItemsOrNull, String endItemsName) {
        Parsed p = parse(nodes, nodesName, inputs, inputsName, endItemsOrNull, endItemsName);
        return SupplyNetwork.compile(p.spec, p.positions);
    }

    /** The kinds of record a number belongs to, in messages. */
    static final Sentence NODE = Sentence.of("network.kind.node");
    static final Sentence END_ITEM = Sentence.of("network.kind.endItem");

    private record Parsed(NetworkSpec spec, Positions positions) {
    }

    private record Line(CSVRecord record, long line) {
    }

    /** A CSV file: header columns (lower-cased) and its rows with their line numbers. */
    private static final class Table implements Iterable<Line> {
        final String name;
        final CSVParser parser;
        final Map<String, Integer> columns = new HashMap<>();
        private final Iterator<CSVRecord> it;
        private long consumed;

        Table(Reader reader, String name) {
            this.name = name;
            try {
                parser = CSVParser.parse(reader, FORMAT);
            } catch (IOException | UncheckedIOException e) {
                throw NetworkException.of("network.error.cannotRead", name, oneLine(e.getMessage()));
            }
            it = parser.iterator();
            Line header = next();
            if (header == null) {
                throw NetworkException.of("network.error.emptyFile", name);
            }
            for (int i = 0; i < header.record.size(); i++) {
                columns.putIfAbsent(header.record.get(i).toLowerCase(Locale.ROOT), i);
            }
        }

        Line next() {
            while (true) {
                long before = consumed;
                CSVRecord r;
                try {
                    if (!it.hasNext()) {
                        return null;
                    }
                    r = it.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    Throwable cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
                    throw NetworkException.of("network.error.malformedCsv", name, before + 1, oneLine(cause.getMessage()));
                }
                consumed = parser.getCurrentLineNumber();
                if (r.size() == 1 && r.get(0).isEmpty()) {
                    continue; // blank line
                }
                return new Line(r, before + 1);
            }
        }

        void require(String... names) {
            for (String n : names) {
                if (!columns.containsKey(n)) {
                    throw NetworkException.of("network.error.noColumn", name, n);
                }
            }
        }

        String get(Line l, String column) {
            Integer i = columns.get(column);
            if (i == null || i >= l.record.size()) {
                return null;
            }
            String v = l.record.get(i);
            return v.isEmpty() ? null : v;
        }

        Sentence at(Line l) {
            return Sentence.of("network.at.fileLine", name, l.line);
        }

        @Override
        public Iterator<Line> iterator() {
            return new Iterator<>() {
                Line next = Table.this.next();

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public Line next() {
                    Line l = next;
                    next = Table.this.next();
                    return l;
                }
            };
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    private static Parsed parse(Reader nodesReader, String nodesName, Reader inputsReader, String inputsName,
                                Reader endItemsReader, String endItemsName) {
        List<Sentence> nodeLines = new ArrayList<>();
        List<Sentence> inputLines = new ArrayList<>();
        List<Sentence> endItemLines = new ArrayList<>();

        // nodes
        Table nt = new Table(nodesReader, nodesName);
        nt.require("id");
        List<NetworkSpec.Node> nodes = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        for (Line l : nt) {
            String id = nt.get(l, "id");
            if (id == null) {
                throw NetworkException.at(Sentence.of("network.error.nodeWithoutId"), nt.at(l));
            }
            if (ids.putIfAbsent(id, nodes.size()) != null) {
                throw NetworkException.at(Sentence.of("network.error.duplicateNode", id), nt.at(l));
            }
            Integer ttr = whole(nt, l, "ttrDays", NODE, id);
            Double capacity = number(nt, l, "capacity", NODE, id);
            nodes.add(new NetworkSpec.Node(id, nt.get(l, "name"), nt.get(l, "company"), nt.get(l, "country"), ttr,
                    capacity));
            nodeLines.add(nt.at(l));
        }

        // inputs, merged by node and item
        Table it = new Table(inputsReader, inputsName);
        it.require("node");
        if (!it.columns.containsKey("source") && !it.columns.containsKey("sources")) {
            throw NetworkException.of("network.error.noSourceColumn", inputsName);
        }
        // with a sources column every row is one input; with only a source column the rows of a node and item merge
        boolean perRow = it.columns.containsKey("sources");
        Map<List<?>, Group> groups = new LinkedHashMap<>();
        for (Line l : it) {
            String node = it.get(l, "node");
            String item = it.get(l, "item");
            Sentence what = Sentence.of("network.where.input", SupplyNetwork.item(item));
            if (node == null) {
                throw NetworkException.at(Sentence.of("network.error.inputNoNode", what), it.at(l));
            }
            if (!ids.containsKey(node)) {
                throw NetworkException.at(Sentence.of("network.error.inputUnknownNode", what, node), it.at(l));
            }
            List<String> srcs = new ArrayList<>();
            String one = it.get(l, "source");
            if (one != null) {
                srcs.add(one);
            }
            String many = it.get(l, "sources");
            if (many != null) {
                for (String s : many.split("[;|]")) {
                    if (!s.isBlank()) {
                        srcs.add(s.trim());
                    }
                }
            }
            if (srcs.isEmpty()) {
                throw NetworkException.at(Sentence.of("network.error.noSources",
                        Sentence.of("network.where.inputOfNode", SupplyNetwork.item(item), node)), it.at(l));
            }
            for (String s : srcs) {
                if (!ids.containsKey(s)) {
                    throw NetworkException.at(Sentence.of("network.error.unknownSource",
                            Sentence.of("network.where.inputOfNode", SupplyNetwork.item(item), node), s), it.at(l));
                }
            }
            List<?> key = perRow ? List.of(groups.size()) : java.util.Arrays.asList(node, item);
            Group g = groups.computeIfAbsent(key, k -> new Group(node, item, it.at(l)));
            g.sources.addAll(srcs);
        }
        List<NetworkSpec.Input> inputs = new ArrayList<>(groups.size());
        for (Group g : groups.values()) {
            inputs.add(new NetworkSpec.Input(g.node, g.item, List.copyOf(g.sources)));
            inputLines.add(g.at);
        }

        // end items
        List<NetworkSpec.EndItem> endItems = new ArrayList<>();
        if (endItemsReader != null) {
            Table et = new Table(endItemsReader, endItemsName);
            et.require("id", "node");
            Map<String, Integer> seen = new HashMap<>();
            for (Line l : et) {
                String id = et.get(l, "id");
                if (id == null) {
                    throw NetworkException.at(Sentence.of("network.error.endItemWithoutId"), et.at(l));
                }
                if (seen.putIfAbsent(id, endItems.size()) != null) {
                    throw NetworkException.at(Sentence.of("network.error.duplicateEndItem", id), et.at(l));
                }
                String node = et.get(l, "node");
                if (node == null) {
                    throw NetworkException.at(Sentence.of("network.error.endItemNoNode", id), et.at(l));
                }
                if (!ids.containsKey(node)) {
                    throw NetworkException.at(Sentence.of("network.error.endItemUnknownNode", id, node), et.at(l));
                }
                Integer inventory = whole(et, l, "inventoryDays", END_ITEM, id);
                endItems.add(new NetworkSpec.EndItem(id, node, et.get(l, "program"), inventory));
                endItemLines.add(et.at(l));
            }
        }
        Positions positions = new Positions() {
            @Override
            public Sentence node(int index) {
                return index < nodeLines.size() ? nodeLines.get(index) : null;
            }

            @Override
            public Sentence input(int index) {
                return index < inputLines.size() ? inputLines.get(index) : null;
            }

            @Override
            public Sentence endItem(int index) {
                return index < endItemLines.size() ? endItemLines.get(index) : null;
            }
        };
        return new Parsed(new NetworkSpec(nodes, inputs, endItems), positions);
    }

    private static final class Group {
        final String node;
        final String item;
        final Sentence at;
        final List<String> sources = new ArrayList<>(2);

        Group(String node, String item, Sentence at) {
            this.node = node;
            this.item = item;
            this.at = at;
        }
    }

    private static Integer whole(Table t, Line l, String column, Sentence kind, String id) {
        String v = t.get(l, column.toLowerCase(Locale.ROOT));
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw NetworkException.at(Sentence.of("network.error.notWhole", column, v, kind, id), t.at(l));
        }
    }

    private static Double number(Table t, Line l, String column, Sentence kind, String id) {
        String v = t.get(l, column.toLowerCase(Locale.ROOT));
        if (v == null) {
            return null;
        }
        try {
            return Double.valueOf(v);
        } catch (NumberFormatException e) {
            throw NetworkException.at(Sentence.of("network.error.notNumber", column, v, kind, id), t.at(l));
        }
    }
}
