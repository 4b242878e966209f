package org.dicas.sustainment.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.dicas.sustainment.bench.InstanceGenerator;

/**
 * Tiny random instances solved by exhaustive search, straight from the problem as given (not the engine's compiled
 * model): CP-SAT and the combined scheduler reach its lexicographic optimum and say OPTIMAL; every engine's bound is a
 * lower bound of the optimum and of its own score, level by level; OPTIMAL is never said of a worse schedule.
 */
class ExactSolvingProperties {

    static final Duration EXACT_LIMIT = Duration.ofSeconds(10);

    @Property(tries = 25, seed = "1717")
    void cpSatReachesTheBruteForceOptimumAndSaysSo(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                   @ForAll @IntRange(min = 1, max = 4) int jobs,
                                                   @ForAll @IntRange(min = 1, max = 2) int facilities,
                                                   @ForAll @IntRange(min = 8, max = 20) int horizonDays) {
        ScheduleProblem p = InstanceGenerator.generate(seed, jobs, facilities, horizonDays);
        Schedule.Score optimum = BruteForce.optimum(p);
        Schedule s = RepairScheduler.cpSat(2).solve(p, EXACT_LIMIT, x -> ScheduleProperties.checkHardRules(p, x));
        ScheduleProperties.checkHardRules(p, s);
        assertThat(s.score()).isEqualTo(optimum);
        assertThat(s.status()).isEqualTo(Schedule.Status.OPTIMAL);
        assertThat(s.bound()).isEqualTo(optimum);
    }

    @Property(tries = 12, seed = "1718")
    void theCombinedSchedulerReachesTheOptimumAndSaysSo(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                        @ForAll @IntRange(min = 1, max = 4) int jobs,
                                                        @ForAll @IntRange(min = 1, max = 2) int facilities,
                                                        @ForAll @IntRange(min = 8, max = 20) int horizonDays) {
        ScheduleProblem p = InstanceGenerator.generate(seed, jobs, facilities, horizonDays);
        Schedule.Score optimum = BruteForce.optimum(p);
        Schedule s = RepairScheduler.create().solve(p, EXACT_LIMIT, x -> ScheduleProperties.checkHardRules(p, x));
        ScheduleProperties.checkHardRules(p, s);
        assertThat(s.score()).isEqualTo(optimum);
        assertThat(s.status()).isEqualTo(Schedule.Status.OPTIMAL);
        assertThat(s.bound()).isEqualTo(optimum);
    }

    @Property(tries = 10, seed = "1719")
    void timefoldsBoundIsALowerBoundAndItNeverClaimsAnOptimumItDidNotReach(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed, @ForAll @IntRange(min = 1, max = 4) int jobs,
            @ForAll @IntRange(min = 1, max = 2) int facilities, @ForAll @IntRange(min = 8, max = 20) int horizonDays) {
        ScheduleProblem p = InstanceGenerator.generate(seed, jobs, facilities, horizonDays);
        Schedule.Score optimum = BruteForce.optimum(p);
        Schedule s = RepairScheduler.timefold().solve(p, Duration.ofMillis(150), x -> { });
        ScheduleProperties.checkHardRules(p, s);
        assertThat(TimefoldRepairScheduler.compare(s.score(), optimum)).isGreaterThanOrEqualTo(0);
        assertLowerBound(s.bound(), optimum);
        assertLowerBound(s.bound(), s.score());
        if (s.status() == Schedule.Status.OPTIMAL) {
            assertThat(s.score()).isEqualTo(optimum);
        }
    }

    /** Short limits on larger instances: nothing is proven that is not so, and the bound stays below the score. */
    @Property(tries = 6, seed = "1720")
    void underATightLimitTheBoundStaysBelowTheScore(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        ScheduleProblem p = InstanceGenerator.generate(seed, 40, 3, 120);
        for (RepairScheduler engine : List.of(RepairScheduler.cpSat(2), RepairScheduler.create())) {
            Schedule s = engine.solve(p, Duration.ofMillis(300), x -> { });
            ScheduleProperties.checkHardRules(p, s);
            assertLowerBound(s.bound(), s.score());
            assertThat(TimefoldRepairScheduler.compare(s.score(), engine.greedy(p).score())).isLessThanOrEqualTo(0);
        }
    }

    static void assertLowerBound(Schedule.Score bound, Schedule.Score of) {
        assertThat(bound).isNotNull();
        assertThat(bound.unassignedPriority()).isLessThanOrEqualTo(of.unassignedPriority());
        assertThat(bound.weightedTardinessDays()).isLessThanOrEqualTo(of.weightedTardinessDays());
        assertThat(bound.transitKm()).isLessThanOrEqualTo(of.transitKm());
    }

    /**
     * Exhaustive search: every job unassigned or on every resource its rules allow, at every start; partial
     * scores only grow, so a branch no better than the best found is cut. Rules read from the problem as given.
     */
    static final class BruteForce {

        record Option(String resource, long startDay, long km) {
        }

        private final ScheduleProblem p;
        private final List<List<Option>> options = new ArrayList<>();
        private Schedule.Score best;

        private BruteForce(ScheduleProblem p) {
            this.p = p;
            long h0 = p.horizon().start().toEpochDay();
            long h1 = p.horizon().end().toEpochDay();
            for (ScheduleProblem.Job j : p.jobs()) {
                List<Option> os = new ArrayList<>();
                for (ScheduleProblem.Facility f : p.facilities()) {
                    boolean rules = (j.requires() == null || f.certifications().containsAll(j.requires()))
                            && (j.foreignRepairAllowed() || j.flagNation().equals(f.nation()));
                    for (ScheduleProblem.Resource r : f.resources()) {
                        if (!rules || !j.resourceKinds().contains(r.kind())
                                || j.lengthM() != null && r.maxLengthM() != null && j.lengthM() > r.maxLengthM()) {
                            continue;
                        }
                        long km = Math.round(Compiled.km(j.homePort(), f.location()));
                        for (long s = Math.max(h0, j.earliestStart().toEpochDay()); s + j.durationDays() - 1 <= h1; s++) {
                            long first = s;
                            long last = s + j.durationDays() - 1;
                            boolean open = f.closed().stream()
                                    .allMatch(c -> last < c.start().toEpochDay() || first > c.end().toEpochDay());
                            if (open) {
                                os.add(new Option(r.id(), s, km));
                            }
                        }
                    }
                }
                options.add(os);
            }
        }

        static Schedule.Score optimum(ScheduleProblem p) {
            BruteForce b = new BruteForce(p);
            b.search(0, 0, 0, 0, new ArrayList<>());
            return b.best;
        }

        private void search(int i, long up, long wt, long km, List<Object[]> placed) {
            Schedule.Score partial = new Schedule.Score(up, wt, km);
            if (best != null && TimefoldRepairScheduler.compare(partial, best) >= 0 && i < p.jobs().size()) {
                return;
            }
            if (i == p.jobs().size()) {
                if (best == null || TimefoldRepairScheduler.compare(partial, best) < 0) {
                    best = partial;
                }
                return;
            }
            ScheduleProblem.Job j = p.jobs().get(i);
            for (Option o : options.get(i)) {
                long end = o.startDay() + j.durationDays() - 1;
                boolean free = placed.stream().noneMatch(x -> x[0].equals(o.resource())
                        && (long) x[1] <= end && (long) x[2] >= o.startDay());
                if (!free) {
                    continue;
                }
                long late = Math.max(0, end - j.dueDate().toEpochDay());
                placed.add(new Object[] {o.resource(), o.startDay(), end});
                search(i + 1, up, wt + late * j.priority(), km + o.km(), placed);
                placed.remove(placed.size() - 1);
            }
            search(i + 1, up + j.priority(), wt, km, placed);
        }
    }
}
