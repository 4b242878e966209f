package org.dicas.requirements.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The issue-16 evaluation report (docs/opportunity-method.md §11): leave-one-set-out cross-validation over every
 * development set — the model trained on the other development sets, the rule engine and the BM25 baseline side by
 * side, per set and pooled (pairs flagged, correct and true summed over the sets; recall@3 over all links).
 * {@code main} with the argument {@code sealed} (and set names, by default blind-f and blind-g) runs, once, sealed sets
 * with the model trained on all development sets and never on them.
 */
final class FinderModelEvaluation {

    record Row(String set, LabelledSet.Quality model, LabelledSet.Quality rules, LabelledSet.Quality bm25) {
    }

    static List<LabelledSet> development() {
        List<LabelledSet> out = new ArrayList<>();
        for (String n : TrainingSet.DEVELOPMENT_SETS) {
            out.add(LabelledSet.load(n, "devset/requirements-" + n + ".json", "devset/requirements-" + n + "-labels.json"));
        }
        return out;
    }

    /** Leave-one-set-out over the development sets. */
    static List<Row> leaveOneSetOut(List<LabelledSet> sets) {
        List<Row> rows = new ArrayList<>();
        for (LabelledSet held : sets) {
            List<TrainingSet> training = sets.stream().filter(s -> s != held).map(LabelledSet::training).toList();
            FinderModel m = FinderModel.train(training, FinderModel.Hyper.DEFAULT);
            rows.add(new Row(held.name(), held.model(m), held.engine(), held.bm25()));
        }
        return rows;
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

    public static void main(String[] args) {
        if (args.length >= 1 && args[0].equals("sealed")) {
            FinderModel m = FinderModel.train(TrainingSet.development(), FinderModel.Hyper.DEFAULT);
            List<Row> rows = new ArrayList<>();
            List<String> sealed = List.of(args).subList(1, args.length);
            for (String n : sealed.isEmpty() ? List.of("blind-f", "blind-g") : sealed) {
                LabelledSet s = LabelledSet.load(n, "devset/requirements-" + n + ".json",
                        "devset/requirements-" + n + "-labels.json");
                rows.add(new Row(n, s.model(m), s.engine(), s.bm25()));
            }
            System.out.println("model " + m.version() + " trained on " + m.sets() + ", threshold " + m.threshold());
            System.out.print(table(rows));
            return;
        }
        List<Row> rows = leaveOneSetOut(development());
        System.out.print(table(rows));
    }
}
