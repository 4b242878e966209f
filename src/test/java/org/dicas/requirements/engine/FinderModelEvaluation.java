package org.dicas.requirements.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The issue-16 evaluation report (docs/opportunity-method.md §11): leave-one-set-out cross-validation over every
 * development set — the model trained on the other development sets, the rule engine and the BM25 baseline side by
 * side, per set and pooled (pairs flagged, correct and true summed over the sets; recall@3 over all links).
 * {@code errors [set …]} lists each held-out set's false positives and negatives (§11a). {@code main} with the
 * argument {@code sealed} and set names on the classpath or requirements files (e.g. {@code sealed
 * /sealed/requirements-blind-l.json}, labels read from {@code requirements-blind-l-labels.json} beside it) runs, once,
 * sealed sets with the model trained on all development sets and never on them.
 */
final class FinderModelEvaluation {

    record Row(String set, LabelledSet.Quality model, LabelledSet.Quality rules, LabelledSet.Quality bm25) {
    }

    /** The spent blind sets F–U (§9f–§11m), development sets after the seven of issue 15. */
    static final List<String> F_TO_U = List.of("blind-f", "blind-g", "blind-h", "blind-i", "blind-j", "blind-k",
            "blind-l", "blind-m", "blind-n", "blind-o", "blind-p", "blind-q", "blind-r", "blind-s", "blind-t", "blind-u");
    /** The spent sets written to one commission (X–AI, §11p–§11y), the last development sets (ADR 0051). */
    static final List<String> COMMISSIONED = List.of("blind-x", "blind-y", "blind-z", "blind-aa", "blind-ab",
            "blind-ac", "blind-ad", "blind-ae", "blind-af", "blind-ag", "blind-ah", "blind-ai");

    static List<LabelledSet> development() {
        List<LabelledSet> out = new ArrayList<>();
        List<String> names = new ArrayList<>(TrainingSet.DEVELOPMENT_SETS);
        names.addAll(extraSets());
        for (String n : names) {
            out.add(LabelledSet.load(n, "devset/requirements-" + n + ".json", "devset/requirements-" + n + "-labels.json"));
        }
        return out;
    }

    /**
     * The spent sets named by {@code -Dfinder.extra} (comma-separated), measured and trained on as if they were
     * development sets: an experiment (§11y); none when it is not set.
     */
    static List<String> extraSets() {
        String extra = System.getProperty("finder.extra");
        List<String> names = extra == null || extra.isBlank() ? List.of()
                : java.util.Arrays.stream(extra.split(",")).map(String::trim).toList();
        for (String n : names) {
            // a development set named again would be trained on twice, and stay in training when held out
            if (TrainingSet.DEVELOPMENT_SETS.contains(n)) {
                throw new IllegalArgumentException("-Dfinder.extra names " + n + ", already a development set");
            }
        }
        return names;
    }

    /**
     * Leave-one-set-out over the development sets, the folds trained side by side ({@link #eachHeldOut}); the rows in
     * set order.
     */
    static List<Row> leaveOneSetOut(List<LabelledSet> sets) {
        return eachHeldOut(sets, (held, m) -> new Row(held.name(), held.model(m), held.engine(), held.bm25()));
    }

    /**
     * For each set, a model trained on the others (with {@link #hyper()}) and what {@code of} makes of the set and that
     * model, answered in set order. The folds are independent and each training is deterministic (its optimum does
     * not depend on the order of the examples, and the examples of a set are the same whichever fold reads them), so
     * they are trained in parallel on every available processor with the same results as one after another. Each
     * set's examples are read once, before the folds, into {@link FinderModel#cache} (a concurrent map).
     */
    static <T> List<T> eachHeldOut(List<LabelledSet> sets, java.util.function.BiFunction<LabelledSet, FinderModel, T> of) {
        java.util.Map<TrainingSet, List<FinderModel.Example>> before = FinderModel.cache;
        FinderModel.cache = new java.util.concurrent.ConcurrentHashMap<>();
        int threads = Math.min(sets.size(), Runtime.getRuntime().availableProcessors());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<TrainingSet> training = sets.stream().map(LabelledSet::training).toList();
            all(pool, training.stream().<java.util.concurrent.Callable<Object>>map(t -> () -> FinderModel.examples(List.of(t)))
                    .toList());
            List<java.util.concurrent.Callable<T>> folds = new ArrayList<>();
            for (int i = 0; i < sets.size(); i++) {
                int held = i;
                folds.add(() -> {
                    List<TrainingSet> rest = new ArrayList<>(training);
                    rest.remove(held);
                    return of.apply(sets.get(held), FinderModel.train(rest, hyper()));
                });
            }
            return all(pool, folds);
        } finally {
            pool.shutdownNow();
            FinderModel.cache = before;
        }
    }

    /** Runs the tasks on the pool and answers their results in the tasks' order (a failure is rethrown). */
    private static <T> List<T> all(java.util.concurrent.ExecutorService pool,
                                   List<java.util.concurrent.Callable<T>> tasks) {
        List<T> out = new ArrayList<>();
        try {
            for (java.util.concurrent.Future<T> f : pool.invokeAll(tasks)) {
                out.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return out;
    }

    /**
     * The hyper-parameters evaluated: the default, or {@code -Dfinder.l2=…} when comparing penalties and
     * {@code -Dfinder.trees=… -Dfinder.depth=…} when comparing boosted trees (§11k).
     */
    static FinderModel.Hyper hyper() {
        FinderModel.Hyper d = FinderModel.Hyper.DEFAULT;
        return new FinderModel.Hyper(Double.parseDouble(System.getProperty("finder.l2", String.valueOf(d.l2()))),
                d.iterations(), d.threshold(), Integer.getInteger("finder.trees", d.trees()),
                Integer.getInteger("finder.depth", d.depth()));
    }

    static LabelledSet.Quality pooled(String method, List<LabelledSet.Quality> qs) {
        int truePairs = qs.stream().mapToInt(LabelledSet.Quality::truePairs).sum();
        int flagged = qs.stream().mapToInt(LabelledSet.Quality::flagged).sum();
        int correct = qs.stream().mapToInt(LabelledSet.Quality::correct).sum();
        // recall@3 pooled over links: weight each set's recall@3 by its links (2 per true pair)
        double r3 = qs.stream().mapToDouble(q -> q.recallAt3() * q.truePairs()).sum() / truePairs;
        double p = flagged == 0 ? 0 : correct / (double) flagged;
        double r = truePairs == 0 ? 0 : correct / (double) truePairs;
        double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new LabelledSet.Quality(method, truePairs, flagged, correct, p, r, f1, r3, Double.NaN);
    }

    static String table(List<Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append("| set | method | precision | recall | F1 | recall@3 |\n|---|---|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            b.append(line(r.set(), "model (trained without it)", r.model()));
            b.append(line(r.set(), "rule engine", r.rules()));
            b.append(line(r.set(), String.format(Locale.ROOT, "BM25 (best threshold %.2f)", r.bm25().threshold()),
                    r.bm25()));
        }
        b.append(line("pooled", "model (trained without it)", pooled("model", rows.stream().map(Row::model).toList())));
        b.append(line("pooled", "rule engine", pooled("rules", rows.stream().map(Row::rules).toList())));
        b.append(line("pooled", "BM25 (best threshold per set)", pooled("bm25", rows.stream().map(Row::bm25).toList())));
        return b.toString();
    }

    static String line(String set, String method, LabelledSet.Quality q) {
        return String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.3f | %.3f |%n", set, method, q.precision(),
                q.recall(), q.f1(), q.recallAt3());
    }

    /**
     * The errors of one held-out set under a model trained on the other sets (for the error analysis of §11a): false
     * positives and false negatives as the command line reports pairs, each with the likelihood, the ranks of each
     * side in the other's candidates, both titles and the features that moved the likelihood most.
     */
    static String errors(LabelledSet held, FinderModel m) {
        OpportunityFinder f = OpportunityFinder.over(held.requirements(), m);
        java.util.Map<String, List<Candidate>> all = f.matchAll(5);
        java.util.Map<String, String> nation = held.nations();
        java.util.Set<java.util.Set<String>> flagged = new java.util.HashSet<>();
        all.forEach((id, cs) -> cs.stream().filter(Candidate::opportunity).forEach(c -> flagged.add(java.util.Set.of(id, c.id()))));
        flagged.removeIf(p -> p.stream().map(nation::get).distinct().count() < 2);
        StringBuilder b = new StringBuilder();
        java.util.Comparator<java.util.Set<String>> byIds = java.util.Comparator.comparing(p -> p.stream().sorted().toList().toString());
        for (java.util.Set<String> p : flagged.stream().sorted(byIds).toList()) {
            if (!held.truePairs().contains(p)) {
                b.append(pairLine("FP", p, f, all));
            }
        }
        for (java.util.Set<String> p : held.truePairs().stream().sorted(byIds).toList()) {
            if (!flagged.contains(p)) {
                b.append(pairLine("FN", p, f, all));
            }
        }
        return b.toString();
    }

    private static String pairLine(String kind, java.util.Set<String> pair, OpportunityFinder f,
                                   java.util.Map<String, List<Candidate>> all) {
        List<String> p = pair.stream().sorted().toList();
        String a = p.get(0);
        String c = p.get(1);
        Assessment s = f.assess(a, c);
        int ra = rankOf(all.get(a), c);
        int rc = rankOf(all.get(c), a);
        return String.format(Locale.ROOT, "%s %s ~ %s  p=%.2f rule=%.2f ranks %d/%d%n    %s%n    %s%n    %s%n", kind,
                a, c, s.score(), s.explanation().ruleScore(), ra, rc, title(f, a), title(f, c),
                s.explanation().topFeatures());
    }

    private static int rankOf(List<Candidate> cs, String id) {
        for (int k = 0; k < cs.size(); k++) {
            if (cs.get(k).id().equals(id)) {
                return k + 1;
            }
        }
        return 0;
    }

    private static String title(OpportunityFinder f, String id) {
        RequirementProfile r = f.requirement(id).orElseThrow();
        return r.nation() + " " + r.title();
    }

    public static void main(String[] args) {
        String without = System.getProperty("finder.without");
        if (without != null && !without.isBlank()) {
            FinderModel.without = java.util.Set.of(without.split(","));
        }
        // -Dfinder.weights=blind-x:0.5,devset:2 multiplies the weights of the named sets' examples (an experiment): on
        // top of FinderModel.EARLIER_SET_WEIGHT, so devset:0.5 makes a pair of the dev set weigh one
        String weights = System.getProperty("finder.weights");
        if (weights != null && !weights.isBlank()) {
            java.util.Map<String, Double> w = new java.util.HashMap<>();
            for (String kv : weights.split(",")) {
                String[] p = kv.trim().split(":");
                if (p.length != 2 || !TrainingSet.DEVELOPMENT_SETS.contains(p[0]) && !extraSets().contains(p[0])) {
                    throw new IllegalArgumentException("-Dfinder.weights: '" + kv + "' is not SET:FACTOR of a set trained on");
                }
                w.put(p[0], Double.parseDouble(p[1]));
            }
            FinderModel.evaluationSetWeights = java.util.Map.copyOf(w);
        }
        if (args.length >= 1 && args[0].equals("errors")) {
            List<LabelledSet> sets = development();
            for (LabelledSet held : sets) {
                if (args.length > 1 && !List.of(args).subList(1, args.length).contains(held.name())) {
                    continue;
                }
                List<TrainingSet> training = sets.stream().filter(s -> s != held).map(LabelledSet::training).toList();
                System.out.println("## " + held.name());
                System.out.print(errors(held, FinderModel.train(training, FinderModel.Hyper.DEFAULT)));
            }
            // a spent set not (yet) among the development sets: its errors under the model trained on all of them,
            // i.e. the model of its first run (§11g)
            for (String n : List.of(args).subList(1, args.length)) {
                if (!TrainingSet.DEVELOPMENT_SETS.contains(n)) {
                    LabelledSet s = LabelledSet.load(n, "devset/requirements-" + n + ".json",
                            "devset/requirements-" + n + "-labels.json");
                    System.out.println("## " + n + " (model trained on every development set)");
                    System.out.print(errors(s, FinderModel.train(TrainingSet.development(), FinderModel.Hyper.DEFAULT)));
                }
            }
            return;
        }
        if (args.length >= 1 && args[0].equals("sealed")) {
            List<TrainingSet> trainOn = new ArrayList<>(TrainingSet.development());
            for (String n : extraSets()) {
                trainOn.add(TrainingSet.load(n, "devset/requirements-" + n + ".json",
                        "devset/requirements-" + n + "-labels.json"));
            }
            FinderModel.Hyper d = FinderModel.Hyper.DEFAULT;
            FinderModel m = FinderModel.train(trainOn, new FinderModel.Hyper(d.l2(), d.iterations(),
                    Double.parseDouble(System.getProperty("finder.threshold", String.valueOf(d.threshold()))),
                    d.trees(), d.depth()));
            List<Row> rows = new ArrayList<>();
            List<String> sealed = List.of(args).subList(1, args.length);
            if (sealed.isEmpty()) {
                throw new IllegalArgumentException("name the sealed sets, e.g. sealed /sealed/requirements-blind-l.json");
            }
            for (String n : sealed) {
                // a set name on the classpath (blind-j), or a requirements file whose labels lie beside it
                // (/sealed/requirements-blind-l.json with /sealed/requirements-blind-l-labels.json)
                boolean file = n.endsWith(".json");
                String name = file ? java.nio.file.Path.of(n).getFileName().toString()
                        .replaceFirst("^requirements-", "").replaceFirst("\\.json$", "") : n;
                LabelledSet s = file ? LabelledSet.load(name, n, n.replaceFirst("\\.json$", "-labels.json"))
                        : LabelledSet.load(n, "devset/requirements-" + n + ".json",
                                "devset/requirements-" + n + "-labels.json");
                rows.add(new Row(name, s.model(m), s.engine(), s.bm25()));
            }
            System.out.println("model " + m.version() + " trained on " + m.sets() + ", threshold " + m.threshold());
            System.out.print(table(rows));
            return;
        }
        if (args.length >= 1 && args[0].equals("sweep")) {
            System.out.print(sweep(development()));
            return;
        }
        List<Row> rows = leaveOneSetOut(development());
        System.out.print(table(rows));
    }

    /**
     * The decision threshold chosen by leave-one-set-out alone (§11e): each set scored by a model trained on the
     * others, the flag at each likelihood threshold from 0.05 to 0.95 counted as the evaluation counts it (a pair
     * flagged when either side lists the other among its top 5 at or above the threshold), and the F1 pooled over
     * the sets (pairs flagged, correct and true summed) and averaged over the sets, per threshold.
     */
    static String sweep(List<LabelledSet> sets) {
        record Scored(LabelledSet held, java.util.Map<String, List<Candidate>> all, Row row) {
        }
        List<Scored> folds = eachHeldOut(sets, (h, m) -> {
            java.util.Map<String, List<Candidate>> all = OpportunityFinder.over(h.requirements(), m).matchAll(5);
            return new Scored(h, all, new Row(h.name(), h.evaluate("model", new LabelledSet.Ranking() {
                public List<String> ranked(String id) {
                    return all.get(id).stream().map(Candidate::id).toList();
                }

                public boolean flagged(String id, String other) {
                    return all.get(id).stream().anyMatch(c -> c.id().equals(other) && c.opportunity());
                }
            }, m.threshold()), h.engine(), h.bm25()));
        });
        List<LabelledSet> held = folds.stream().map(Scored::held).toList();
        List<java.util.Map<String, List<Candidate>>> scored = folds.stream().map(Scored::all).toList();
        List<Row> rows = folds.stream().map(Scored::row).toList();
        StringBuilder b = new StringBuilder(table(rows));
        b.append("| threshold | pooled P | pooled R | pooled F1 | mean F1 over sets |\n"
                + "|---:|---:|---:|---:|---:|\n");
        double bestPooled = -1;
        double bestAt = 0;
        StringBuilder groups = new StringBuilder("| threshold | seven earlier: pooled F1 (lowest set F1) | F–U pooled F1 |"
                + " X–AI and other sets pooled F1 |\n|---:|---:|---:|---:|\n");
        List<String> earlier = TrainingSet.EARLIER_SETS;
        for (int t = 5; t <= 95; t++) {
            double threshold = t / 100.0;
            List<LabelledSet.Quality> qs = new ArrayList<>();
            for (int i = 0; i < held.size(); i++) {
                java.util.Map<String, List<Candidate>> all = scored.get(i);
                qs.add(held.get(i).evaluate("model", new LabelledSet.Ranking() {
                    public List<String> ranked(String id) {
                        return all.get(id).stream().map(Candidate::id).toList();
                    }

                    public boolean flagged(String id, String other) {
                        return all.get(id).stream().anyMatch(c -> c.id().equals(other) && c.score() >= threshold);
                    }
                }, threshold));
            }
            LabelledSet.Quality p = pooled("model", qs);
            double mean = qs.stream().mapToDouble(LabelledSet.Quality::f1).average().orElse(0);
            List<LabelledSet.Quality> seven = new ArrayList<>();
            List<LabelledSet.Quality> fToU = new ArrayList<>();
            List<LabelledSet.Quality> others = new ArrayList<>();
            for (int i = 0; i < held.size(); i++) {
                String name = held.get(i).name();
                (earlier.contains(name) ? seven : F_TO_U.contains(name) ? fToU : others)
                        .add(qs.get(i));
            }
            groups.append(String.format(Locale.ROOT, "| %.2f | %.3f (%.3f) | %.3f | %.3f |%n", threshold,
                    seven.isEmpty() ? 0 : pooled("model", seven).f1(),
                    seven.stream().mapToDouble(LabelledSet.Quality::f1).min().orElse(0),
                    fToU.isEmpty() ? 0 : pooled("model", fToU).f1(), others.isEmpty() ? 0 : pooled("model", others).f1()));
            b.append(String.format(Locale.ROOT, "| %.2f | %.3f | %.3f | %.3f | %.4f |%n", threshold, p.precision(),
                    p.recall(), p.f1(), mean));
            if (p.f1() > bestPooled + 1e-12) {
                bestPooled = p.f1();
                bestAt = threshold;
            }
        }
        b.append(String.format(Locale.ROOT, "best pooled F1 %.3f at threshold %.2f%n", bestPooled, bestAt));
        b.append(groups);
        return b.toString();
    }
}
