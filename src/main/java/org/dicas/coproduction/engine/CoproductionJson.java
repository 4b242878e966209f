package org.dicas.coproduction.engine;

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
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Strict JSON for the co-production contract: the problem in (unknown fields, wrong types and malformed JSON are
 * one-line {@link CoproductionException}s naming the record; decimals are read exactly) and the plan out. The rules
 * between records (list lengths, due periods, known products and nations, unique ids, signs) are
 * {@link CoproductionRules}'.
 */
public final class CoproductionJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private CoproductionJson() {
    }

    /** Reads a problem and checks it against {@link CoproductionRules}. */
    public static CoproductionProblem read(InputStream in) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JacksonException e) {
            var loc = e.getLocation();
            throw new CoproductionException(loc == null
                    ? Sentence.of("engineInput.malformed", oneLine(e.getOriginalMessage()))
                    : Sentence.of("engineInput.malformedAt", oneLine(e.getOriginalMessage()), loc.getLineNr(),
                    loc.getColumnNr()));
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new CoproductionException(Sentence.of("coproduction.input.notProblem"));
        }
        Rec problem = new Rec(root, Sentence.of("engineInput.problem"),
                Set.of("periods", "lines", "components", "demands", "transfers"));
        Integer periods = problem.whole("periods");
        if (periods == null) {
            throw new CoproductionException(Sentence.of("engineInput.required", problem.name(), "periods"));
        }
        List<CoproductionProblem.Line> lines = new ArrayList<>();
        for (Rec r : problem.records("lines", "coproduction.rule.line",
                Set.of("id", "nation", "product", "capacity", "unitCost"))) {
            BigDecimal cost = r.decimal("unitCost");
            lines.add(new CoproductionProblem.Line(r.text("id"), r.text("nation"), r.text("product"),
                    r.wholes("capacity"), cost == null ? BigDecimal.ZERO : cost));
        }
        List<CoproductionProblem.Component> components = new ArrayList<>();
        for (Rec r : problem.records("components", "coproduction.rule.component",
                Set.of("id", "capacity", "usage"))) {
            components.add(new CoproductionProblem.Component(r.text("id"), r.wholes("capacity"), r.usage("usage")));
        }
        List<CoproductionProblem.Demand> demands = new ArrayList<>();
        for (Rec r : problem.records("demands", "coproduction.rule.demand",
                Set.of("id", "nation", "product", "quantity", "due", "priority"))) {
            Integer priority = r.optionalWhole("priority");
            demands.add(new CoproductionProblem.Demand(r.text("id"), r.text("nation"), r.text("product"),
                    r.whole("quantity"), r.whole("due"), priority == null ? 1 : priority));
        }
        List<CoproductionProblem.Transfer> transfers = new ArrayList<>();
        for (Rec r : problem.records("transfers", "coproduction.rule.transfer",
                Set.of("from", "to", "products"))) {
            transfers.add(new CoproductionProblem.Transfer(r.text("from"), r.text("to"), r.texts("products")));
        }
        CoproductionProblem p = new CoproductionProblem(periods, lines, components, demands, transfers);
        CoproductionRules.check(p);
        return p;
    }

    /** One JSON object of the input, with the name errors use ("line L-JP-1", "demands[3]"). */
    private record Rec(JsonNode node, Object name) {

        Rec(JsonNode node, Object name, Set<String> allowed) {
            this(node, name);
            if (!node.isObject()) {
                throw new CoproductionException(Sentence.of("engineInput.expectedObject", name));
            }
            for (String f : node.propertyNames()) {
                if (!allowed.contains(f)) {
                    throw new CoproductionException(Sentence.of("engineInput.unknownField", name, f));
                }
            }
        }

        /** The records of an array field, each named by {@code kindKey} and its id, else by its place in the array. */
        List<Rec> records(String field, String kindKey, Set<String> allowed) {
            JsonNode a = node.get(field);
            if (a == null || a.isNull()) {
                return List.of();
            }
            if (!a.isArray()) {
                throw new CoproductionException(Sentence.of("engineInput.notArray", name, field));
            }
            List<Rec> out = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                JsonNode n = a.get(i);
                JsonNode id = n.isObject() ? n.get("id") : null;
                Object label = id != null && id.isString() ? Sentence.of(kindKey, id.stringValue())
                        : field + "[" + i + "]";
                out.add(new Rec(n, label, allowed));
            }
            return out;
        }

        JsonNode required(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                throw new CoproductionException(Sentence.of("engineInput.required", name, field));
            }
            return v;
        }

        String text(String field) {
            JsonNode v = required(field);
            if (!v.isString() || v.stringValue().isBlank()) {
                throw new CoproductionException(Sentence.of("engineInput.notNonEmptyString", name, field));
            }
            return v.stringValue().strip();
        }

        List<String> texts(String field) {
            JsonNode v = required(field);
            if (!v.isArray()) {
                throw new CoproductionException(Sentence.of("engineInput.notStrings", name, field));
            }
            List<String> out = new ArrayList<>();
            for (JsonNode e : v) {
                if (!e.isString() || e.stringValue().isBlank()) {
                    throw new CoproductionException(Sentence.of("engineInput.notNonEmptyStrings", name, field));
                }
                out.add(e.stringValue().strip());
            }
            return out;
        }

        Integer whole(String field) {
            return wholeValue(required(field), field);
        }

        Integer optionalWhole(String field) {
            JsonNode v = node.get(field);
            return v == null || v.isNull() ? null : wholeValue(v, field);
        }

        private Integer wholeValue(JsonNode v, String what) {
            if (v.isIntegralNumber() && v.canConvertToInt()) {
                return v.intValue();
            }
            if (v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0
                    && v.decimalValue().abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
                return v.decimalValue().intValueExact();
            }
            throw new CoproductionException(Sentence.of("engineInput.notWhole", name, what, shown(v)));
        }

        List<Integer> wholes(String field) {
            JsonNode v = required(field);
            if (!v.isArray()) {
                throw new CoproductionException(Sentence.of("engineInput.notWholes", name, field));
            }
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                out.add(wholeValue(v.get(i), field + "[" + i + "]"));
            }
            return out;
        }

        BigDecimal decimal(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isNumber()) {
                throw new CoproductionException(Sentence.of("engineInput.notNumber", name, field, shown(v)));
            }
            return v.decimalValue();
        }

        Map<String, Integer> usage(String field) {
            JsonNode v = required(field);
            if (!v.isObject()) {
                throw new CoproductionException(Sentence.of("coproduction.input.notUsage", name, field));
            }
            Map<String, Integer> out = new LinkedHashMap<>();
            for (String product : v.propertyNames()) {
                out.put(product.strip(), wholeValue(v.get(product), field + "[" + product + "]"));
            }
            return out;
        }

        private static String shown(JsonNode v) {
            String s = v.toString();
            return s.length() > 40 ? s.substring(0, 40) + "…" : s;
        }
    }

    /** Reads back a plan written by {@link #write} (the platform stores runs' results so). */
    public static ProductionPlan readPlan(String text) {
        JsonNode root = MAPPER.readTree(text);
        List<ProductionPlan.Delivery> deliveries = new ArrayList<>();
        for (JsonNode d : root.get("deliveries")) {
            deliveries.add(new ProductionPlan.Delivery(d.get("demand").stringValue(), d.get("line").stringValue(),
                    d.get("period").intValue(), d.get("quantity").intValue()));
        }
        List<ProductionPlan.Unmet> unmet = new ArrayList<>();
        for (JsonNode u : root.get("unmet")) {
            unmet.add(new ProductionPlan.Unmet(u.get("demand").stringValue(), u.get("quantity").intValue()));
        }
        JsonNode s = root.get("score");
        List<ProductionPlan.Bottleneck> bottlenecks = new ArrayList<>();
        for (JsonNode b : root.get("bottlenecks")) {
            List<Integer> periods = new ArrayList<>();
            b.get("periods").forEach(x -> periods.add(x.intValue()));
            String objective = b.get("objective").stringValue();
            bottlenecks.add(new ProductionPlan.Bottleneck(
                    ProductionPlan.Kind.valueOf(b.get("kind").stringValue().toUpperCase(java.util.Locale.ROOT)),
                    b.get("id").stringValue(), periods, switch (objective) {
                        case "unmetPriority" -> ProductionPlan.Objective.UNMET_PRIORITY;
                        case "latePriorityPeriods" -> ProductionPlan.Objective.LATE_PRIORITY_PERIODS;
                        default -> ProductionPlan.Objective.COST;
                    }, b.get("value").decimalValue()));
        }
        return new ProductionPlan(ProductionPlan.Status.valueOf(root.get("status").stringValue()), deliveries, unmet,
                new ProductionPlan.Score(s.get("unmetPriority").longValue(), s.get("latePriorityPeriods").longValue(),
                        s.get("cost").decimalValue()), bottlenecks,
                new ProductionPlan.Statistics("stored", 0, List.of(), 0, 0));
    }

    /** The command line's output: status, deliveries, unmet, score, bottlenecks. */
    public static String write(ProductionPlan plan, boolean indent) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("status", plan.status().name());
        List<Map<String, Object>> ds = new ArrayList<>();
        for (ProductionPlan.Delivery d : plan.deliveries()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("demand", d.demand());
            m.put("line", d.line());
            m.put("period", d.period());
            m.put("quantity", d.quantity());
            ds.add(m);
        }
        root.put("deliveries", ds);
        List<Map<String, Object>> us = new ArrayList<>();
        for (ProductionPlan.Unmet u : plan.unmet()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("demand", u.demand());
            m.put("quantity", u.quantity());
            us.add(m);
        }
        root.put("unmet", us);
        Map<String, Object> score = new LinkedHashMap<>();
        score.put("unmetPriority", plan.score().unmetPriority());
        score.put("latePriorityPeriods", plan.score().latePriorityPeriods());
        score.put("cost", plain(plan.score().cost()));
        root.put("score", score);
        List<Map<String, Object>> bs = new ArrayList<>();
        for (ProductionPlan.Bottleneck b : plan.bottlenecks()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", b.kind().name().toLowerCase(java.util.Locale.ROOT));
            m.put("id", b.id());
            m.put("periods", b.periods());
            m.put("objective", switch (b.objective()) {
                case UNMET_PRIORITY -> "unmetPriority";
                case LATE_PRIORITY_PERIODS -> "latePriorityPeriods";
                case COST -> "cost";
            });
            m.put("value", plain(b.value()));
            bs.add(m);
        }
        root.put("bottlenecks", bs);
        return indent ? MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root)
                : MAPPER.writeValueAsString(root);
    }

    /** 812.40 is written 812.4, 800.00 as 800 (never 8E+2). */
    private static BigDecimal plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
