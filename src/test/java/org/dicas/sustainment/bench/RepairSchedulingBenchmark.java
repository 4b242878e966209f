package org.dicas.sustainment.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dicas.sustainment.engine.RepairScheduler;
import org.dicas.sustainment.engine.Schedule;
import org.dicas.sustainment.engine.ScheduleProblem;
import org.dicas.sustainment.engine.SolverStats;

/**
 * Objective of 10 s and 60 s runs against the greedy baseline and the best of a long run, with the score-calculation
 * speed. Arguments: {@code jobs:facilities,...  seconds,...  longSeconds} (defaults 100:10,300:20 10,60 120); a long
 * run of 0 uses the best of the shorter runs.
 */
public final class RepairSchedulingBenchmark {

    private RepairSchedulingBenchmark() {
    }

    public static void main(String[] args) {
        String sizes = args.length > 0 ? args[0] : "100:10,300:20";
        String times = args.length > 1 ? args[1] : "10,60";
        int longSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 120;
        RepairScheduler scheduler = RepairScheduler.create();
        System.out.println("| jobs | facilities | resources | run | unassigned priority | weighted tardiness (days) "
                + "| transit km | score calcs/s |");
        System.out.println("|---:|---:|---:|---|---:|---:|---:|---:|");
        for (String size : sizes.split(",")) {
            int jobs = Integer.parseInt(size.split(":")[0]);
            int facilities = Integer.parseInt(size.split(":")[1]);
            ScheduleProblem p = InstanceGenerator.generate(1000L + jobs, jobs, facilities, 365);
            int resources = p.facilities().stream().mapToInt(f -> f.resources().size()).sum();
            scheduler.validate(p);
            long t0 = System.nanoTime();
            Schedule greedy = scheduler.greedy(p);
            row(jobs, facilities, resources, String.format(Locale.ROOT, "greedy (%.0f ms)",
                    (System.nanoTime() - t0) / 1e6), greedy, null);
            long excluded = 0;
            for (Schedule.Unassigned u : greedy.unassigned()) {
                if (!u.reasonKey().equals("plan.reason.capacity") && !u.reasonKey().equals("plan.reason.notPlaced")) {
                    excluded += p.jobs().stream().filter(j -> j.id().equals(u.job())).findFirst().orElseThrow()
                            .priority();
                }
            }
            System.out.printf(Locale.ROOT, "| %d | %d | %d | (no eligible resource: priority %d, lower bound) | "
                    + "%d | | | |%n", jobs, facilities, resources, excluded, excluded);
            List<Schedule> runs = new ArrayList<>();
            for (String t : times.split(",")) {
                int s = Integer.parseInt(t);
                Schedule r = scheduler.solve(p, Duration.ofSeconds(s), x -> { });
                runs.add(r);
                row(jobs, facilities, resources, s + " s", r, SolverStats.last());
            }
            if (longSeconds > 0) {
                Schedule r = scheduler.solve(p, Duration.ofSeconds(longSeconds), x -> { });
                runs.add(r);
                row(jobs, facilities, resources, longSeconds + " s (long run)", r, SolverStats.last());
            }
            System.out.flush();
        }
    }

    static void row(int jobs, int facilities, int resources, String run, Schedule s, long[] stats) {
        System.out.printf(Locale.ROOT, "| %d | %d | %d | %s | %d | %d | %d | %s |%n", jobs, facilities, resources, run,
                s.score().unassignedPriority(), s.score().weightedTardinessDays(), s.score().transitKm(),
                stats == null ? "–" : String.format(Locale.ROOT, "%,d", stats[3]));
    }
}
