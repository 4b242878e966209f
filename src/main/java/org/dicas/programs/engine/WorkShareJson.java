package org.dicas.programs.engine;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Strict JSON for the work-share problem of issue 13 (unknown fields, wrong types and malformed JSON are one-line
 * {@link WorkShareException}s naming the record; numbers are read as exact decimals) and the command line's output.
 */
public final class WorkShareJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private WorkShareJson() {
    }

    /** Reads a problem (not yet validated: see {@link WorkShareBalancer#validate}). */
    public static WorkShareProblem read(InputStream in) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JacksonException e) {
            var loc = e.getLocation();
            throw new WorkShareException("malformed JSON: " + oneLine(e.getOriginalMessage())
                    + (loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")"));
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new WorkShareException("problem: expected a JSON object with nations, tolerance and packages");
        }
        fields(root, "problem", Set.of("nations", "tolerance", "packages", "releases", "capacities"));
        List<WorkShareProblem.Nation> nations = new ArrayList<>();
        JsonNode ns = array(root, "nations", "problem", true);
        for (int i = 0; i < ns.size(); i++) {
            JsonNode n = ns.get(i);
            String w = "nations[" + i + "]";
            object(n, w);
            w = name("nation", n, "code", w);
            fields(n, w, Set.of("code", "share"));
            nations.add(new WorkShareProblem.Nation(text(n, "code", w, true), number(n, "share", w, true)));
        }
        BigDecimal tolerance = number(root, "tolerance", "problem", true);
        List<WorkShareProblem.WorkPackage> packages = new ArrayList<>();
        JsonNode ps = array(root, "packages", "problem", true);
        for (int i = 0; i < ps.size(); i++) {
            packages.add(workPackage(ps.get(i), i));
        }
        List<WorkShareProblem.Release> releases = new ArrayList<>();
        JsonNode rs = array(root, "releases", "problem", false);
        for (int i = 0; rs != null && i < rs.size(); i++) {
            JsonNode r = rs.get(i);
            String w = "releases[" + i + "]";
            object(r, w);
            w = name("release", r, "control", w);
            fields(r, w, Set.of("control", "nations"));
            List<String> to = strings(r, "nations", w);
            releases.add(new WorkShareProblem.Release(text(r, "control", w, true), to == null ? List.of() : to));
        }
        List<WorkShareProblem.Capacity> capacities = new ArrayList<>();
        JsonNode cs = array(root, "capacities", "problem", false);
        for (int i = 0; cs != null && i < cs.size(); i++) {
            JsonNode c = cs.get(i);
            String w = "capacities[" + i + "]";
            object(c, w);
            JsonNode perf = c.get("performer");
            w = perf != null && perf.isString() ? "capacity of " + perf.stringValue() : w;
            fields(c, w, Set.of("performer", "maxCost"));
            capacities.add(new WorkShareProblem.Capacity(text(c, "performer", w, true), number(c, "maxCost", w, true)));
        }
        return new WorkShareProblem(nations, tolerance, packages, releases, capacities);
    }

    private static WorkShareProblem.WorkPackage workPackage(JsonNode p, int i) {
        String w = "packages[" + i + "]";
        object(p, w);
        w = name("package", p, "id", w);
        fields(p, w, Set.of("id", "title", "controls", "options"));
        List<WorkShareProblem.Option> options = new ArrayList<>();
        JsonNode os = array(p, "options", w, false);
        for (int k = 0; os != null && k < os.size(); k++) {
            JsonNode o = os.get(k);
            String ow = w + ", option " + (k + 1);
            object(o, ow);
            JsonNode perf = o.get("performer");
            ow = perf != null && perf.isString() ? ow + " (" + perf.stringValue() + ")" : ow;
            fields(o, ow, Set.of("performer", "nation", "cost"));
            options.add(new WorkShareProblem.Option(text(o, "performer", ow, true), text(o, "nation", ow, true),
                    number(o, "cost", ow, true)));
        }
        List<String> controls = strings(p, "controls", w);
        return new WorkShareProblem.WorkPackage(text(p, "id", w, true), text(p, "title", w, false),
                controls == null ? List.of() : controls, options);
    }

    private static String name(String kind, JsonNode n, String field, String fallback) {
        JsonNode id = n.get(field);
        return id != null && id.isString() ? kind + " " + id.stringValue() : fallback;
    }

    private static void object(JsonNode n, String w) {
        if (n == null || !n.isObject()) {
            throw new WorkShareException(w + ": expected an object");
        }
    }

    private static void fields(JsonNode n, String w, Set<String> allowed) {
        for (String f : n.propertyNames()) {
            if (!allowed.contains(f)) {
                throw new WorkShareException(w + ": unknown field '" + f + "'");
            }
        }
    }

    private static JsonNode array(JsonNode n, String field, String w, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new WorkShareException(w + ": " + field + " is required");
            }
            return null;
        }
        if (!v.isArray()) {
            throw new WorkShareException(w + ": " + field + " must be an array");
        }
        return v;
    }

    private static String text(JsonNode n, String field, String w, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new WorkShareException(w + ": " + field + " is required");
            }
            return null;
        }
        if (!v.isString()) {
            throw new WorkShareException(w + ": " + field + " must be a string");
        }
        return v.stringValue();
    }

    private static List<String> strings(JsonNode n, String field, String w) {
        JsonNode v = array(n, field, w, false);
        if (v == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isString()) {
                throw new WorkShareException(w + ": " + field + " must be an array of strings");
            }
            out.add(e.stringValue());
        }
        return out;
    }

    private static BigDecimal number(JsonNode n, String field, String w, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new WorkShareException(w + ": " + field + " is required");
            }
            return null;
        }
        if (!v.isNumber()) {
            throw new WorkShareException(w + ": " + field + " must be a number (got " + oneLine(v.toString()) + ")");
        }
        return v.decimalValue();
    }

    /** The command line's output: status, costs, assignments sorted by package, shares, infeasibility. */
    public static String write(WorkShareSplit split, boolean indent) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("status", split.status().name());
        root.put("totalCost", plain(split.totalCost().orElse(null)));
        root.put("lowerBound", plain(split.lowerBound().orElse(null)));
        root.put("unconstrainedCost", plain(split.unconstrainedCost().orElse(null)));
        root.put("priceOfBalance", plain(split.priceOfBalance().orElse(null)));
        List<Map<String, Object>> as = new ArrayList<>();
        for (WorkShareSplit.Assignment a : split.assignments()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("package", a.workPackage());
            m.put("performer", a.performer());
            m.put("nation", a.nation());
            m.put("cost", plain(a.cost()));
            as.add(m);
        }
        root.put("assignments", as);
        List<Map<String, Object>> ss = new ArrayList<>();
        for (WorkShareSplit.Share s : split.shares()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("nation", s.nation());
            m.put("target", plain(s.target()));
            m.put("cost", plain(s.cost()));
            m.put("percent", plain(s.percent()));
            ss.add(m);
        }
        root.put("shares", ss);
        root.put("infeasibility", split.infeasibility().map(WorkShareSplit.Infeasibility::sentence).orElse(null));
        return indent ? MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root)
                : MAPPER.writeValueAsString(root);
    }

    private static BigDecimal plain(BigDecimal v) {
        return v == null ? null : v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
