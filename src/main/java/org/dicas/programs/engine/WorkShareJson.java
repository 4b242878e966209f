package org.dicas.programs.engine;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dicas.shared.Sentence;
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

    private static final Sentence PROBLEM = Sentence.of("engineInput.problem");

    private WorkShareJson() {
    }

    /** Reads a problem (not yet validated: see {@link WorkShareBalancer#validate}). */
    public static WorkShareProblem read(InputStream in) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JacksonException e) {
            var loc = e.getLocation();
            throw new WorkShareException(loc == null
                    ? Sentence.of("engineInput.malformed", oneLine(e.getOriginalMessage()))
                    : Sentence.of("engineInput.malformedAt", oneLine(e.getOriginalMessage()), loc.getLineNr(),
                    loc.getColumnNr()));
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new WorkShareException(Sentence.of("workShare.input.notProblem"));
        }
        fields(root, PROBLEM, Set.of("nations", "tolerance", "packages", "releases", "capacities"));
        List<WorkShareProblem.Nation> nations = new ArrayList<>();
        JsonNode ns = array(root, "nations", PROBLEM, true);
        for (int i = 0; i < ns.size(); i++) {
            JsonNode n = ns.get(i);
            Object w = "nations[" + i + "]";
            object(n, w);
            w = name("workShare.input.nation", n, "code", w);
            fields(n, w, Set.of("code", "share"));
            nations.add(new WorkShareProblem.Nation(text(n, "code", w, true), number(n, "share", w, true)));
        }
        BigDecimal tolerance = number(root, "tolerance", PROBLEM, true);
        List<WorkShareProblem.WorkPackage> packages = new ArrayList<>();
        JsonNode ps = array(root, "packages", PROBLEM, true);
        for (int i = 0; i < ps.size(); i++) {
            packages.add(workPackage(ps.get(i), i));
        }
        List<WorkShareProblem.Release> releases = new ArrayList<>();
        JsonNode rs = array(root, "releases", PROBLEM, false);
        for (int i = 0; rs != null && i < rs.size(); i++) {
            JsonNode r = rs.get(i);
            Object w = "releases[" + i + "]";
            object(r, w);
            w = name("workShare.input.release", r, "control", w);
            fields(r, w, Set.of("control", "nations"));
            List<String> to = strings(r, "nations", w);
            releases.add(new WorkShareProblem.Release(text(r, "control", w, true), to == null ? List.of() : to));
        }
        List<WorkShareProblem.Capacity> capacities = new ArrayList<>();
        JsonNode cs = array(root, "capacities", PROBLEM, false);
        for (int i = 0; cs != null && i < cs.size(); i++) {
            JsonNode c = cs.get(i);
            Object w = "capacities[" + i + "]";
            object(c, w);
            w = name("workShare.input.capacity", c, "performer", w);
            fields(c, w, Set.of("performer", "maxCost"));
            capacities.add(new WorkShareProblem.Capacity(text(c, "performer", w, true), number(c, "maxCost", w, true)));
        }
        return new WorkShareProblem(nations, tolerance, packages, releases, capacities);
    }

    private static WorkShareProblem.WorkPackage workPackage(JsonNode p, int i) {
        Object w = "packages[" + i + "]";
        object(p, w);
        w = name("workShare.input.package", p, "id", w);
        fields(p, w, Set.of("id", "title", "controls", "options"));
        List<WorkShareProblem.Option> options = new ArrayList<>();
        JsonNode os = array(p, "options", w, false);
        for (int k = 0; os != null && k < os.size(); k++) {
            JsonNode o = os.get(k);
            Object ow = Sentence.of("workShare.input.option", w, k + 1);
            object(o, ow);
            JsonNode perf = o.get("performer");
            ow = perf != null && perf.isString()
                    ? Sentence.of("workShare.input.optionOf", w, k + 1, perf.stringValue()) : ow;
            fields(o, ow, Set.of("performer", "nation", "cost"));
            options.add(new WorkShareProblem.Option(text(o, "performer", ow, true), text(o, "nation", ow, true),
                    number(o, "cost", ow, true)));
        }
        List<String> controls = strings(p, "controls", w);
        return new WorkShareProblem.WorkPackage(text(p, "id", w, true), text(p, "title", w, false),
                controls == null ? List.of() : controls, options);
    }

    /** The record as errors name it: its kind and id ({@code key}'s argument), else its place in the input. */
    private static Object name(String key, JsonNode n, String field, Object fallback) {
        JsonNode id = n.get(field);
        return id != null && id.isString() ? Sentence.of(key, id.stringValue()) : fallback;
    }

    private static void object(JsonNode n, Object w) {
        if (n == null || !n.isObject()) {
            throw new WorkShareException(Sentence.of("engineInput.expectedObject", w));
        }
    }

    private static void fields(JsonNode n, Object w, Set<String> allowed) {
        for (String f : n.propertyNames()) {
            if (!allowed.contains(f)) {
                throw new WorkShareException(Sentence.of("engineInput.unknownField", w, f));
            }
        }
    }

    private static JsonNode array(JsonNode n, String field, Object w, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new WorkShareException(Sentence.of("engineInput.required", w, field));
            }
            return null;
        }
        if (!v.isArray()) {
            throw new WorkShareException(Sentence.of("engineInput.notArray", w, field));
        }
        return v;
    }

    private static String text(JsonNode n, String field, Object w, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new WorkShareException(Sentence.of("engineInput.required", w, field));
            }
            return null;
        }
        if (!v.isString()) {
            throw new WorkShareException(Sentence.of("engineInput.notString", w, field));
        }
        return v.stringValue();
    }

    private static List<String> strings(JsonNode n, String field, Object w) {
        JsonNode v = array(n, field, w, false);
        if (v == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isString()) {
                throw new WorkShareException(Sentence.of("engineInput.notStrings", w, field));
            }
            out.add(e.stringValue());
        }
        return out;
    }

    private static BigDecimal number(JsonNode n, String field, Object w, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new WorkShareException(Sentence.of("engineInput.required", w, field));
            }
            return null;
        }
        if (!v.isNumber()) {
            throw new WorkShareException(Sentence.of("engineInput.notNumber", w, field, oneLine(v.toString())));
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
        root.put("infeasibility", split.infeasibility().map(i -> i.sentence().english()).orElse(null));
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
