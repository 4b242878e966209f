package org.dicas.sustainment.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dicas.sustainment.engine.RepairScheduler;
import org.dicas.sustainment.engine.Schedule;
import org.dicas.sustainment.engine.ScheduleProblem;

/**
 * Issue 17, side by side in one run: greedy, Timefold alone, CP-SAT alone and the combined scheduler (both side by
 * side, the platform's) on seeded small instances (10–16 jobs, 3–5 facilities, a 90-day horizon) and larger ones,
 * each engine's score at each time limit with its status, the best proven bound of the instance and the gap (weighted
 * days late above the bound, when the first level is proven). Arguments: {@code smallCount smallSeconds
 * largeSizes largeSeconds} (defaults {@code 32 1,10 60:4,100:5,300:20 1,10,60}).
 */
public final class ExactRepairBenchmark {

    private ExactRepairBenchmark() {
    }

    record Engine(String name, RepairScheduler scheduler) {
    }

    public static void main(String[] args) {
        int smallCount = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int[] smallSeconds = ints(args.length > 1 ? args[1] : "1,10");
        String largeSizes = args.length > 2 ? args[2] : "60:4,100:5,300:20";
        int[] largeSeconds = ints(args.length > 3 ? args[3] : "1,10,60");
        List<Engine> engines = List.of(new Engine("Timefold", RepairScheduler.timefold()),
                new Engine("CP-SAT", RepairScheduler.cpSat(4)), new Engine("combined", RepairScheduler.create()));
        System.out.println("| instance | jobs | fac. | engine | s | score (unassigned / weighted late / km) | status "
                + "| gap to best bound (weighted days late) |");
        System.out.println("|---|---:|---:|---|---:|---|---|---:|");
        int[][] provenTwoLevels = new int[engines.size()][smallSeconds.length];
        int[][] sameAsOptimum = new int[engines.size()][smallSeconds.length];
        int[] greedyAtOptimum = new int[1];
        int smallProven = 0;
        for (int i = 0; i < smallCount; i++) {
            long seed = 17_000L + i;
            java.util.Random r = new java.util.Random(seed);
            int jobs = 10 + r.nextInt(7);
            int facilities = 3 + r.nextInt(3);
            ScheduleProblem p = InstanceGenerator.generate(seed, jobs, facilities, 90);
            Result res = instance("S" + (i + 1), p, jobs, facilities, engines, smallSeconds);
            if (res.optimum != null) {
                smallProven++;
                if (twoLevels(res.greedy, res.optimum)) {
                    greedyAtOptimum[0]++;
                }
            }
            for (int e = 0; e < engines.size(); e++) {
                for (int t = 0; t < smallSeconds.length; t++) {
                    Schedule s = res.runs[e][t];
                    if (s.status() == Schedule.Status.OPTIMAL || res.optimum != null && twoLevels(s, res.optimum)
                            && s.bound() != null && s.bound().unassignedPriority() == s.score().unassignedPriority()
                            && s.bound().weightedTardinessDays() == s.score().weightedTardinessDays()) {
                        provenTwoLevels[e][t]++;
                    }
                    if (res.optimum != null && twoLevels(s, res.optimum)) {
                        sameAsOptimum[e][t]++;
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nSmall instances: %d, lexicographic optimum proven (by any run) on %d; "
                + "greedy at the optimum of the first two levels on %d%n", smallCount, smallProven, greedyAtOptimum[0]);
        System.out.println("| engine | s | at the optimum of the first two levels | and proven so by its own bound |");
        System.out.println("|---|---:|---:|---:|");
        for (int e = 0; e < engines.size(); e++) {
            for (int t = 0; t < smallSeconds.length; t++) {
                System.out.printf(Locale.ROOT, "| %s | %d | %d / %d | %d / %d |%n", engines.get(e).name(),
                        smallSeconds[t], sameAsOptimum[e][t], smallProven, provenTwoLevels[e][t], smallCount);
            }
        }
        System.out.println();
        int n = 0;
        for (String size : largeSizes.split(",")) {
            int jobs = Integer.parseInt(size.split(":")[0]);
            int facilities = Integer.parseInt(size.split(":")[1]);
            ScheduleProblem p = InstanceGenerator.generate(1000L + jobs, jobs, facilities, 365);
            instance("L" + (++n), p, jobs, facilities, engines, largeSeconds);
        }
    }

    record Result(Schedule greedy, Schedule[][] runs, Schedule.Score optimum) {
    }

    static Result instance(String name, ScheduleProblem p, int jobs, int facilities, List<Engine> engines,
                           int[] seconds) {
        Schedule greedy = engines.get(0).scheduler().greedy(p);
        Schedule[][] runs = new Schedule[engines.size()][seconds.length];
        List<String> rows = new ArrayList<>();
        Schedule.Score best = null;
        Schedule.Score optimum = null;
        for (int e = 0; e < engines.size(); e++) {
            for (int t = 0; t < seconds.length; t++) {
                long t0 = System.nanoTime();
                Schedule s = engines.get(e).scheduler().solve(p, Duration.ofSeconds(seconds[t]), x -> { });
                double spent = (System.nanoTime() - t0) / 1e9;
                runs[e][t] = s;
                best = better(best, s.bound());
                if (s.status() == Schedule.Status.OPTIMAL) {
                    optimum = s.score();
                }
                rows.add(String.format(Locale.ROOT, "| %s | %d | %d | %s | %d (%.1f) | %s | %s |", name, jobs,
                        facilities, engines.get(e).name(), seconds[t], spent, score(s.score()), s.status()));
            }
        }
        System.out.printf(Locale.ROOT, "| %s | %d | %d | greedy | 0 | %s | | %s |%n", name, jobs, facilities,
                score(greedy.score()), gap(greedy.score(), best));
        int k = 0;
        for (int e = 0; e < engines.size(); e++) {
            for (int t = 0; t < seconds.length; t++) {
                System.out.println(rows.get(k++) + " " + gap(runs[e][t].score(), best) + " |");
            }
        }
        System.out.printf(Locale.ROOT, "| %s | %d | %d | **best bound** | | %s | %s | |%n", name, jobs, facilities,
                best == null ? "–" : score(best), optimum != null ? "optimum" : "bound");
        System.out.flush();
        return new Result(greedy, runs, optimum);
    }

    /** The componentwise strongest bound (each level's proven lower bound is valid on its own). */
    static Schedule.Score better(Schedule.Score a, Schedule.Score b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return new Schedule.Score(Math.max(a.unassignedPriority(), b.unassignedPriority()),
                Math.max(a.weightedTardinessDays(), b.weightedTardinessDays()), Math.max(a.transitKm(), b.transitKm()));
    }

    static boolean twoLevels(Schedule s, Schedule.Score optimum) {
        return s.score().unassignedPriority() == optimum.unassignedPriority()
                && s.score().weightedTardinessDays() == optimum.weightedTardinessDays();
    }

    static String gap(Schedule.Score s, Schedule.Score bound) {
        long g = s.daysLateAbove(bound);
        return g < 0 ? "unassigned +" + (bound == null ? "?" : s.unassignedPriority() - bound.unassignedPriority())
                : Long.toString(g);
    }

    static String score(Schedule.Score s) {
        return s.unassignedPriority() + " / " + s.weightedTardinessDays() + " / " + s.transitKm();
    }

    static int[] ints(String csv) {
        String[] parts = csv.split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Integer.parseInt(parts[i]);
        }
        return out;
    }
}
