package org.dicas.requirements.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.dicas.cli.RequirementsJson;
import org.dicas.requirements.bench.Bm25Baseline;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A labelled set of requirements (CLI input format) and its true cooperative pairs (pairs, and every pair inside
 * each group), with the evaluation the quality test and the docs report: precision/recall/F1 of the opportunity
 * flag over all cross-nation pairs as the command line reports them (a pair counts as flagged when either side lists
 * the other among its top 5 with the flag), and recall@3 (share of (requirement, true partner) links where the
 * partner is among the requirement's 3 best candidates).
 */
record LabelledSet(String name, List<RequirementProfile> requirements, Set<Set<String>> truePairs) {

    static LabelledSet load(String name, String requirementsResource, String labelsResource) {
        List<RequirementProfile> reqs = RequirementsJson.read(resource(requirementsResource));
        JsonNode labels = JsonMapper.shared().readTree(resource(labelsResource));
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
        return new LabelledSet(name, reqs, pairs);
    }

    /** A classpath resource, or a file when the path names one (sealed sets kept outside the repository). */
    private static String resource(String path) {
        java.nio.file.Path file = java.nio.file.Path.of(path);
        if (java.nio.file.Files.isRegularFile(file)) {
            try {
                return java.nio.file.Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (InputStream in = LabelledSet.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, String> nations() {
        Map<String, String> m = new HashMap<>();
        requirements.forEach(r -> m.put(r.id(), r.nation().toUpperCase(Locale.ROOT)));
        return m;
    }

    /** Cross-language share of the true pairs (one side Japanese, the other English). */
    long crossLingualPairs() {
        Map<String, Boolean> ja = new HashMap<>();
        requirements.forEach(r -> ja.put(r.id(), org.dicas.search.text.Language.detect(r.text())
                == org.dicas.search.text.Language.JA));
        return truePairs.stream().filter(p -> {
            List<String> l = new ArrayList<>(p);
            return !ja.get(l.get(0)).equals(ja.get(l.get(1)));
        }).count();
    }

    /** Quality figures of one method. */
    record Quality(String method, int truePairs, int flagged, int correct, double precision, double recall, double f1,
                   double recallAt3, double threshold) {
        String row() {
            return String.format(Locale.ROOT, "%-28s P %.3f  R %.3f  F1 %.3f  recall@3 %.3f  (flagged %d, correct %d of %d)%s",
                    method, precision, recall, f1, recallAt3, flagged, correct, truePairs,
                    Double.isNaN(threshold) ? "" : String.format(Locale.ROOT, "  threshold %.2f", threshold));
        }
    }

    /** Ranked ids and flags per requirement, as a method produced them. */
    interface Ranking {
        List<String> ranked(String id);

        boolean flagged(String id, String other);
    }

    Quality evaluate(String method, Ranking ranking, double threshold) {
        Map<String, String> nation = nations();
        Set<Set<String>> flagged = new HashSet<>();
        int links = 0;
        int linksAt3 = 0;
        for (RequirementProfile r : requirements) {
            List<String> ranked = ranking.ranked(r.id());
            for (int k = 0; k < Math.min(5, ranked.size()); k++) {
                if (ranking.flagged(r.id(), ranked.get(k))) {
                    flagged.add(Set.of(r.id(), ranked.get(k)));
                }
            }
            for (Set<String> p : truePairs) {
                if (p.contains(r.id())) {
                    String other = p.stream().filter(x -> !x.equals(r.id())).findFirst().orElseThrow();
                    links++;
                    if (ranked.subList(0, Math.min(3, ranked.size())).contains(other)) {
                        linksAt3++;
                    }
                }
            }
        }
        flagged.removeIf(p -> p.stream().map(nation::get).distinct().count() < 2);
        int correct = (int) flagged.stream().filter(truePairs::contains).count();
        double precision = flagged.isEmpty() ? 0 : correct / (double) flagged.size();
        double recall = truePairs.isEmpty() ? 0 : correct / (double) truePairs.size();
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Quality(method, truePairs.size(), flagged.size(), correct, precision, recall, f1,
                links == 0 ? 0 : linksAt3 / (double) links, threshold);
    }

    Quality engine() {
        return ENGINE.computeIfAbsent(this, s -> s.finder("engine (glossary + features)",
                OpportunityFinder.over(s.requirements())));
    }

    /**
     * The rule engine's and BM25's figures of each set, computed once per run (the model's tests and the
     * leave-one-set-out evaluation print them beside every fold; both are deterministic in the set).
     */
    private static final Map<LabelledSet, Quality> ENGINE = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<LabelledSet, Quality> BM25 = new java.util.concurrent.ConcurrentHashMap<>();

    /** The finder scored by a trained model (train it without this set for an honest figure). */
    Quality model(FinderModel model) {
        return finder("model " + model.version(), OpportunityFinder.over(requirements, model));
    }

    /** This set as the model's training data. */
    TrainingSet training() {
        return new TrainingSet(name, requirements, truePairs, Map.of());
    }

    private Quality finder(String method, OpportunityFinder f) {
        Map<String, List<Candidate>> all = f.matchAll(5);
        return evaluate(method, new Ranking() {
            public List<String> ranked(String id) {
                return all.get(id).stream().map(Candidate::id).toList();
            }

            public boolean flagged(String id, String other) {
                return all.get(id).stream().anyMatch(c -> c.id().equals(other) && c.opportunity());
            }
        }, Double.NaN);
    }

    /** The BM25 baseline with its flag threshold chosen for the best F1 on this very set (fair to the baseline). */
    Quality bm25() {
        return BM25.computeIfAbsent(this, LabelledSet::bm25Once);
    }

    private Quality bm25Once() {
        try (Bm25Baseline b = new Bm25Baseline(requirements)) {
            Map<String, List<Bm25Baseline.Hit>> all = b.matchAll(5);
            Quality best = null;
            for (int t = 1; t <= 99; t++) {
                double threshold = t / 100.0;
                BiPredicate<String, String> flag = (id, other) -> all.get(id).stream()
                        .anyMatch(h -> h.id().equals(other) && h.score() >= threshold);
                Quality q = evaluate("BM25 baseline (best F1)", new Ranking() {
                    public List<String> ranked(String id) {
                        return all.get(id).stream().map(Bm25Baseline.Hit::id).toList();
                    }

                    public boolean flagged(String id, String other) {
                        return flag.test(id, other);
                    }
                }, threshold);
                if (best == null || q.f1() > best.f1()) {
                    best = q;
                }
            }
            return best;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        if (args.length == 2) {
            LabelledSet s = load(args[0], args[0], args[1]);
            System.out.println(s.name() + ": " + s.requirements().size() + " requirements, " + s.truePairs().size()
                    + " true pairs (" + s.crossLingualPairs() + " Japanese-English)");
            System.out.println("  " + s.engine().row());
            System.out.println("  " + s.bm25().row());
            return;
        }
        for (LabelledSet s : List.of(
                load("dev set", "devset/requirements-devset.json", "devset/requirements-devset-labels.json"))) {
            System.out.println(s.name() + ": " + s.requirements().size() + " requirements, " + s.truePairs().size()
                    + " true pairs (" + s.crossLingualPairs() + " Japanese-English)");
            System.out.println("  " + s.engine().row());
            System.out.println("  " + s.bm25().row());
        }
    }
}
