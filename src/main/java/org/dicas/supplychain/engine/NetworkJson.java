package org.dicas.supplychain.engine;

import org.dicas.shared.Sentence;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of a network and of an analysis report, read and written by streaming (no tree in memory).
 *
 * <pre>{"nodes":[{"id":"N1","name":"…","company":"…","country":"JPN","ttrDays":180,"capacity":120}],
 *  "inputs":[{"node":"N1","item":"propellant","sources":["N5","N9"]}],
 *  "endItems":[{"id":"GPI-RM","node":"N1","program":"GPI","inventoryDays":90}]}</pre>
 *
 * Unknown properties are ignored. Errors are one-line {@link NetworkException}s with the line and column: malformed
 * JSON, a value of the wrong type, and every validation error of {@link SupplyNetwork#compile}.
 */
public final class NetworkJson {

    /** Leaves the caller's streams open; writes doubles with the fast (shortest-representation) writer. */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    private NetworkJson() {
    }

    /** Reads and validates a network (errors carry line and column). */
    public static NetworkSpec read(InputStream in) {
        Parsed p = parse(in);
        SupplyNetwork.compile(p.spec, p.positions);
        return p.spec;
    }

    /** Reads, validates and compiles a network in one go (the command line's path: one compilation only). */
    public static SupplyNetwork readNetwork(InputStream in) {
        Parsed p = parse(in);
        return SupplyNetwork.compile(p.spec, p.positions);
    }

    private record Parsed(NetworkSpec spec, Positions positions) {
    }

    /** Start line and column of every node, input and end item object, for error messages. */
    private static final class JsonPositions implements Positions {
        final CritSet.IntBuf nodes = new CritSet.IntBuf();
        final CritSet.IntBuf inputs = new CritSet.IntBuf();
        final CritSet.IntBuf endItems = new CritSet.IntBuf();

        static Sentence at(CritSet.IntBuf b, int i) {
            if (2 * i + 1 >= b.size) {
                return null;
            }
            return Sentence.of("network.at.line", b.a[2 * i], b.a[2 * i + 1]);
        }

        @Override
        public Sentence node(int index) {
            return at(nodes, index);
        }

        @Override
        public Sentence input(int index) {
            return at(inputs, index);
        }

        @Override
        public Sentence endItem(int index) {
            return at(endItems, index);
        }
    }

    private static Parsed parse(InputStream in) {
        List<NetworkSpec.Node> nodes = new ArrayList<>();
        List<NetworkSpec.Input> inputs = new ArrayList<>();
        List<NetworkSpec.EndItem> endItems = new ArrayList<>();
        JsonPositions pos = new JsonPositions();
        StringPool ids = new StringPool(1 << 16);
        StringPool words = new StringPool(1 << 10);
        java.util.Set<String> sections = new java.util.HashSet<>();
        try (JsonParser p = MAPPER.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw error(p, Sentence.of("network.error.json.notANetwork"));
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (!sections.add(name)) {
                    throw error(p, Sentence.of("network.error.json.duplicateProperty", name));
                }
                switch (name) {
                    case "nodes" -> {
                        startArray(p, v, name);
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            mark(pos.nodes, p);
                            nodes.add(readNode(p, ids, words));
                        }
                        endArray(p, NetworkCsv.NODE);
                    }
                    case "inputs" -> {
                        startArray(p, v, name);
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            mark(pos.inputs, p);
                            inputs.add(readInput(p, ids, words));
                        }
                        endArray(p, Sentence.of("network.kind.input"));
                    }
                    case "endItems" -> {
                        startArray(p, v, name);
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            mark(pos.endItems, p);
                            endItems.add(readEndItem(p, ids, words));
                        }
                        endArray(p, NetworkCsv.END_ITEM);
                    }
                    default -> p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw error(p, Sentence.of("network.error.json.propertyName"));
            }
            if (p.nextToken() != null) {
                throw error(p, Sentence.of("network.error.json.trailing"));
            }
        } catch (JacksonException e) {
            throw malformed(e);
        }
        return new Parsed(new NetworkSpec(nodes, inputs, endItems), pos);
    }

    private static void mark(CritSet.IntBuf b, JsonParser p) {
        TokenStreamLocation l = p.currentTokenLocation();
        b.add(l.getLineNr());
        b.add(l.getColumnNr());
    }

    private static void startArray(JsonParser p, JsonToken v, String name) {
        if (v != JsonToken.START_ARRAY) {
            throw error(p, Sentence.of("network.error.json.array", name));
        }
    }

    private static void endArray(JsonParser p, Sentence what) {
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw error(p, Sentence.of("network.error.json.objectEach", what));
        }
    }

    private static NetworkSpec.Node readNode(JsonParser p, StringPool ids, StringPool words) {
        String id = null;
        String name = null;
        String company = null;
        String country = null;
        Integer ttr = null;
        Double capacity = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "id" -> {
                    seen = once(p, f, seen, 1);
                    id = text(p, f, ids);
                }
                case "name" -> {
                    seen = once(p, f, seen, 2);
                    name = text(p, f, null);
                }
                case "company" -> {
                    seen = once(p, f, seen, 4);
                    company = text(p, f, words);
                }
                case "country" -> {
                    seen = once(p, f, seen, 8);
                    country = text(p, f, words);
                }
                case "ttrDays" -> {
                    seen = once(p, f, seen, 16);
                    ttr = whole(p, f);
                }
                case "capacity" -> {
                    seen = once(p, f, seen, 32);
                    capacity = number(p, f);
                }
                default -> p.skipChildren();
            }
        }
        return new NetworkSpec.Node(id, name, company, country, ttr, capacity);
    }

    private static NetworkSpec.Input readInput(JsonParser p, StringPool ids, StringPool words) {
        String node = null;
        String item = null;
        List<String> sources = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            switch (f) {
                case "node" -> {
                    seen = once(p, f, seen, 1);
                    node = text(p, f, ids);
                }
                case "item" -> {
                    seen = once(p, f, seen, 2);
                    item = text(p, f, words);
                }
                case "sources" -> {
                    seen = once(p, f, seen, 4);
                    if (v == JsonToken.VALUE_NULL) {
                        sources = null;
                    } else if (v != JsonToken.START_ARRAY) {
                        throw error(p, Sentence.of("network.error.json.sources"));
                    } else {
                        List<String> s = new ArrayList<>(4);
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            s.add(text(p, f, ids));
                        }
                        sources = s.size() <= 2 ? listOf(s) : s;
                    }
                }
                default -> p.skipChildren();
            }
        }
        return new NetworkSpec.Input(node, item, sources);
    }

    /** A compact list that tolerates nulls (a null source is reported by validation). */
    private static List<String> listOf(List<String> s) {
        if (s.contains(null)) {
            return s;
        }
        return List.copyOf(s);
    }

    private static NetworkSpec.EndItem readEndItem(JsonParser p, StringPool ids, StringPool words) {
        String id = null;
        String node = null;
        String program = null;
        Integer inventory = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "id" -> {
                    seen = once(p, f, seen, 1);
                    id = text(p, f, null);
                }
                case "node" -> {
                    seen = once(p, f, seen, 2);
                    node = text(p, f, ids);
                }
                case "program" -> {
                    seen = once(p, f, seen, 4);
                    program = text(p, f, words);
                }
                case "inventoryDays" -> {
                    seen = once(p, f, seen, 8);
                    inventory = whole(p, f);
                }
                default -> p.skipChildren();
            }
        }
        return new NetworkSpec.EndItem(id, node, program, inventory);
    }

    /** Refuses a property given twice in one object. */
    private static int once(JsonParser p, String field, int seen, int bit) {
        if ((seen & bit) != 0) {
            throw error(p, Sentence.of("network.error.json.duplicateProperty", field));
        }
        return seen | bit;
    }

    /** A string value (a whole number is taken as its text), canonical through the pool when one is given. */
    private static String text(JsonParser p, String field, StringPool pool) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            if (pool == null) {
                return p.getString();
            }
            return pool.intern(p.getStringCharacters(), p.getStringOffset(), p.getStringLength());
        }
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return pool == null ? p.getString() : pool.intern(p.getString());
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw error(p, Sentence.of("network.error.json.string", field));
    }

    private static Integer whole(JsonParser p, String field) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
            return p.getIntValue();
        }
        throw error(p, Sentence.of("network.error.json.whole", field));
    }

    private static Double number(JsonParser p, String field) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDoubleValue();
        }
        throw error(p, Sentence.of("network.error.json.number", field));
    }

    private static NetworkException error(JsonParser p, Sentence problem) {
        TokenStreamLocation l = p.currentTokenLocation();
        return NetworkException.at(problem, Sentence.of("network.at.line", l.getLineNr(), l.getColumnNr()));
    }

    private static NetworkException malformed(JacksonException e) {
        TokenStreamLocation l = e.getLocation();
        String msg = e.getOriginalMessage();
        if (msg == null) {
            msg = e.getClass().getSimpleName();
        }
        msg = msg.replaceAll("\\s+", " ").trim();
        return l == null || l == TokenStreamLocation.NA || l.getLineNr() < 0
                ? NetworkException.of("network.error.json.malformed", msg)
                : NetworkException.of("network.error.json.malformedAt", l.getLineNr(), l.getColumnNr(), msg);
    }

    // ---------------------------------------------------------------- writing

    /** Writes a network in the input format (compact, UTF-8); used by the generators and for export. */
    public static void write(NetworkSpec spec, OutputStream out) {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (JsonGenerator g = MAPPER.createGenerator(new KeepOpen(w))) {
            g.writeStartObject();
            g.writeName("nodes");
            g.writeStartArray();
            for (NetworkSpec.Node n : spec.nodes()) {
                g.writeStartObject();
                g.writeStringProperty("id", n.id());
                optional(g, "name", n.name());
                optional(g, "company", n.company());
                optional(g, "country", n.country());
                if (n.ttrDays() != null) {
                    g.writeNumberProperty("ttrDays", n.ttrDays());
                }
                if (n.capacity() != null) {
                    double c = n.capacity();
                    if (c == Math.rint(c) && Math.abs(c) < 1e15) {
                        g.writeNumberProperty("capacity", (long) c);
                    } else {
                        g.writeNumberProperty("capacity", c);
                    }
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeName("inputs");
            g.writeStartArray();
            for (NetworkSpec.Input in : spec.inputs()) {
                g.writeStartObject();
                g.writeStringProperty("node", in.node());
                optional(g, "item", in.item());
                g.writeName("sources");
                g.writeStartArray();
                for (String s : in.sources()) {
                    g.writeString(s);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeName("endItems");
            g.writeStartArray();
            for (NetworkSpec.EndItem e : spec.endItems()) {
                g.writeStartObject();
                g.writeStringProperty("id", e.id());
                g.writeStringProperty("node", e.node());
                optional(g, "program", e.program());
                if (e.inventoryDays() != null) {
                    g.writeNumberProperty("inventoryDays", e.inventoryDays());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        try {
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report of an analysis as pretty-printed JSON. */
    public static String write(Analysis analysis, Concentration concentration, List<Exposure> exposures) {
        StringWriter w = new StringWriter();
        write(null, null, null, analysis, concentration, exposures, w, true);
        return w.toString();
    }

    /**
     * Streams the report: {@code network} (counts, when a network is given), {@code disruption} and
     * {@code concerns} (when given), {@code disruptedNodes}, {@code endItems}, {@code criticalNodes},
     * {@code stoppedEndItems}, {@code inputsWithoutSource}, {@code concentration} {endItems, inputs} and
     * {@code exposures}. The writer is flushed, not closed.
     */
    public static void write(SupplyNetwork network, Disruption disruption, Set<String> concerns, Analysis analysis,
                             Concentration concentration, List<Exposure> exposures, Writer out, boolean pretty) {
        Writer target = new KeepOpen(out);
        try (JsonGenerator g = pretty ? MAPPER.writerWithDefaultPrettyPrinter().createGenerator(target)
                : MAPPER.createGenerator(target)) {
            g.writeStartObject();
            if (network != null) {
                g.writeName("network");
                g.writeStartObject();
                g.writeNumberProperty("nodes", network.nodeCount());
                g.writeNumberProperty("inputs", network.inputCount());
                g.writeNumberProperty("links", network.linkCount());
                g.writeNumberProperty("endItems", network.endItemCount());
                g.writeEndObject();
            }
            if (disruption != null) {
                g.writeName("disruption");
                g.writeStartObject();
                strings(g, "nodes", new TreeSet<>(disruption.nodes()));
                strings(g, "countries", new TreeSet<>(disruption.countries()));
                strings(g, "companies", new TreeSet<>(disruption.companies()));
                g.writeEndObject();
            }
            if (concerns != null) {
                strings(g, "concerns", new TreeSet<>(concerns));
            }
            if (analysis != null) {
                strings(g, "disruptedNodes", analysis.disruptedNodes());
                g.writeName("endItems");
                g.writeStartArray();
                for (Analysis.EndItemResult r : analysis.endItems()) {
                    g.writeStartObject();
                    g.writeStringProperty("id", r.id());
                    g.writeStringProperty("node", r.node());
                    optional(g, "program", r.program());
                    g.writeBooleanProperty("operational", r.operational());
                    strings(g, "singlePointsOfFailure", r.singlePointsOfFailure());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeName("criticalNodes");
                g.writeStartArray();
                for (Analysis.CriticalNode c : analysis.criticalNodes()) {
                    g.writeStartObject();
                    g.writeStringProperty("node", c.node());
                    strings(g, "criticalFor", c.criticalFor());
                    g.writeEndObject();
                }
                g.writeEndArray();
                strings(g, "stoppedEndItems", analysis.stoppedEndItems());
                g.writeName("inputsWithoutSource");
                g.writeStartArray();
                for (Analysis.LostInput l : analysis.inputsWithoutSource()) {
                    g.writeStartObject();
                    g.writeStringProperty("node", l.node());
                    optional(g, "item", l.item());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            if (concentration != null) {
                g.writeName("concentration");
                g.writeStartObject();
                g.writeName("endItems");
                entries(g, concentration.endItems());
                g.writeName("inputs");
                entries(g, concentration.inputs());
                g.writeEndObject();
            }
            if (exposures != null) {
                g.writeName("exposures");
                g.writeStartArray();
                for (Exposure x : exposures) {
                    g.writeStartObject();
                    g.writeStringProperty("node", x.node());
                    g.writeNumberProperty("ttrDays", x.ttrDays());
                    strings(g, "endItems", x.endItems());
                    g.writeNumberProperty("maxDaysShort", x.maxDaysShort());
                    g.writeNumberProperty("riskExposureIndex", x.riskExposureIndex());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void entries(JsonGenerator g, List<Concentration.Entry> entries) {
        g.writeStartArray();
        for (Concentration.Entry e : entries) {
            g.writeStartObject();
            optional(g, "endItem", e.endItem());
            g.writeStringProperty("node", e.node());
            optional(g, "item", e.item());
            g.writeNumberProperty("countryHhi", e.countryHhi());
            g.writeNumberProperty("companyHhi", e.companyHhi());
            g.writeNumberProperty("concernShare", e.concernShare());
            optional(g, "topCountry", e.topCountry());
            g.writeNumberProperty("topCountryShare", e.topCountryShare());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void optional(JsonGenerator g, String name, String value) {
        if (value != null) {
            g.writeStringProperty(name, value);
        }
    }

    private static void strings(JsonGenerator g, String name, java.util.Collection<String> values) {
        g.writeName(name);
        g.writeStartArray();
        for (String s : values) {
            g.writeString(s);
        }
        g.writeEndArray();
    }

    /** Lets the generator close without closing the caller's writer. */
    private static final class KeepOpen extends FilterWriter {
        KeepOpen(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
