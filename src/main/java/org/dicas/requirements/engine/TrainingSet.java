package org.dicas.requirements.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Labelled requirements the finder's model learns from. A <em>labelled set</em> ({@code judged} empty) labels every
 * cross-nation pair: the listed pairs and every pair inside a listed group share a need, every other cross-nation pair
 * does not. A set of <em>judgments</em> labels only the pairs officials judged ({@code judged}: pair → same need).
 *
 * <p>The development sets the shipped model is trained on live in {@code src/main/resources/devset/} (classpath
 * {@code devset/requirements-NAME.json} and {@code -labels.json}, the command line's input format): they ship with
 * the application so that the model can be trained — deterministically — wherever the finder runs. Sets kept sealed
 * for evaluation stay in the test resources and are never trained on.
 */
public record TrainingSet(String name, List<RequirementProfile> requirements, Set<Set<String>> truePairs,
                          Map<Set<String>, Boolean> judged) {

    /** The development sets, in training order (never the sealed evaluation sets). */
    public static final List<String> DEVELOPMENT_SETS = List.of("devset", "holdout", "blind-a", "blind-b", "blind-c",
            "blind-d", "blind-e", "blind-f", "blind-g", "blind-h", "blind-i", "blind-j", "blind-k", "blind-l", "blind-m",
            "blind-n", "blind-o", "blind-p", "blind-q", "blind-r", "blind-s", "blind-t", "blind-u", "blind-x", "blind-y",
            "blind-z", "blind-aa", "blind-ab", "blind-ac", "blind-ad", "blind-ae", "blind-af", "blind-ag", "blind-ah",
            "blind-ai");

    /** The seven sets of issue 15, the first of the development sets (weighed more, ADR 0051). */
    public static final List<String> EARLIER_SETS = List.of("devset", "holdout", "blind-a", "blind-b", "blind-c",
            "blind-d", "blind-e");

    public TrainingSet {
        requirements = List.copyOf(requirements);
        truePairs = Set.copyOf(truePairs);
        judged = judged == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(judged));
    }

    /** True when only judged pairs are labelled. */
    public boolean judgments() {
        return !judged.isEmpty();
    }

    /** Officials' judgments over the requirements they name (pair of ids → same need). */
    public static TrainingSet ofJudgments(String name, List<RequirementProfile> requirements,
                                          Map<Set<String>, Boolean> judged) {
        Set<Set<String>> same = new HashSet<>();
        judged.forEach((p, s) -> {
            if (s) {
                same.add(p);
            }
        });
        return new TrainingSet(name, requirements, same, judged);
    }

    /** The development sets from the classpath. */
    public static List<TrainingSet> development() {
        return DEVELOPMENT_SETS.stream().map(n -> load(n, "devset/requirements-" + n + ".json",
                "devset/requirements-" + n + "-labels.json")).toList();
    }

    /** A labelled set from two classpath resources (requirements in the command line's input format, labels). */
    public static TrainingSet load(String name, String requirementsResource, String labelsResource) {
        return parse(name, resource(requirementsResource), resource(labelsResource));
    }

    /** A labelled set from its two JSON documents. */
    public static TrainingSet parse(String name, String requirementsJson, String labelsJson) {
        JsonMapper mapper = JsonMapper.shared();
        List<RequirementProfile> reqs = new ArrayList<>();
        for (JsonNode r : mapper.readTree(requirementsJson).get("requirements")) {
            JsonNode q = r.get("quantity");
            JsonNode need = r.get("needBy");
            reqs.add(new RequirementProfile(text(r, "id"), text(r, "nation").toUpperCase(java.util.Locale.ROOT),
                    text(r, "service"), "", text(r, "title"), text(r, "description"),
                    q == null || q.isNull() ? OptionalInt.empty() : OptionalInt.of(q.asInt()),
                    need == null || need.isNull() ? Optional.empty() : Optional.of(YearMonth.parse(need.asString()))));
        }
        JsonNode labels = mapper.readTree(labelsJson);
        Set<Set<String>> pairs = new HashSet<>();
        for (JsonNode p : labels.get("pairs")) {
            pairs.add(Set.of(p.get(0).asString(), p.get(1).asString()));
        }
        // a label file may list pairs only (the blind sets' authors write no "groups")
        for (JsonNode g : labels.has("groups") ? labels.get("groups") : JsonMapper.shared().createArrayNode()) {
            for (int i = 0; i < g.size(); i++) {
                for (int j = i + 1; j < g.size(); j++) {
                    pairs.add(Set.of(g.get(i).asString(), g.get(j).asString()));
                }
            }
        }
        Set<String> ids = new HashSet<>();
        reqs.forEach(r -> ids.add(r.id()));
        for (Set<String> p : pairs) {
            if (!ids.containsAll(p)) {
                throw new IllegalStateException(name + ": label names an unknown requirement " + p);
            }
        }
        return new TrainingSet(name, reqs, pairs, Map.of());
    }

    private static String text(JsonNode r, String field) {
        JsonNode v = r.get(field);
        return v == null || v.isNull() ? "" : v.asString();
    }

    private static String resource(String path) {
        try (InputStream in = TrainingSet.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
