package org.dicas.sustainment.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.dicas.sustainment.bench.InstanceGenerator;

/** Random small instances: the solver's output obeys every hard rule and is never worse than the greedy one. */
class ScheduleProperties {

    final RepairScheduler scheduler = RepairScheduler.create();

    @Property(tries = 12, seed = "20270101")
    void solverOutputIsFeasibleAndNotWorseThanGreedy(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                     @ForAll @IntRange(min = 1, max = 10) int jobs,
                                                     @ForAll @IntRange(min = 1, max = 3) int facilities,
                                                     @ForAll @IntRange(min = 30, max = 200) int horizonDays) {
        ScheduleProblem p = InstanceGenerator.generate(seed, jobs, facilities, horizonDays);
        scheduler.validate(p);
        Schedule greedy = scheduler.greedy(p);
        Schedule solved = scheduler.solve(p, Duration.ofMillis(200), s -> checkHardRules(p, s));
        checkHardRules(p, greedy);
        checkHardRules(p, solved);
        assertThat(TimefoldRepairScheduler.compare(solved.score(), greedy.score())).isLessThanOrEqualTo(0);
    }

    /** Independent of the engine's compiled model: re-checks every rule on the problem as given. */
    static void checkHardRules(ScheduleProblem p, Schedule s) {
        Map<String, ScheduleProblem.Job> jobs = new HashMap<>();
        p.jobs().forEach(j -> jobs.put(j.id(), j));
        Map<String, ScheduleProblem.Facility> facilityOf = new HashMap<>();
        Map<String, ScheduleProblem.Resource> resources = new HashMap<>();
        for (ScheduleProblem.Facility f : p.facilities()) {
            for (ScheduleProblem.Resource r : f.resources()) {
                facilityOf.put(r.id(), f);
                resources.put(r.id(), r);
            }
        }
        Set<String> seen = new HashSet<>();
        Map<String, Set<Long>> used = new HashMap<>();
        long wt = 0;
        long up = 0;
        for (Schedule.Assignment a : s.assignments()) {
            assertThat(seen.add(a.job())).as("job once: " + a.job()).isTrue();
            ScheduleProblem.Job j = jobs.get(a.job());
            ScheduleProblem.Resource r = resources.get(a.resource());
            ScheduleProblem.Facility f = facilityOf.get(a.resource());
            assertThat(f.id()).isEqualTo(a.facility());
            assertThat(j.resourceKinds()).contains(r.kind());
            if (j.lengthM() != null && r.maxLengthM() != null) {
                assertThat(j.lengthM()).isLessThanOrEqualTo(r.maxLengthM());
            }
            assertThat(f.certifications()).containsAll(j.requires());
            if (!j.foreignRepairAllowed()) {
                assertThat(f.nation()).isEqualTo(j.flagNation());
            }
            assertThat(a.finish()).isEqualTo(a.start().plusDays(j.durationDays() - 1));
            assertThat(a.start()).isAfterOrEqualTo(j.earliestStart());
            assertThat(a.start()).isAfterOrEqualTo(p.horizon().start());
            assertThat(a.finish()).isBeforeOrEqualTo(p.horizon().end());
            for (ScheduleProblem.Period c : f.closed()) {
                assertThat(a.finish().isBefore(c.start()) || a.start().isAfter(c.end()))
                        .as(a.job() + " during closure of " + f.id()).isTrue();
            }
            Set<Long> days = used.computeIfAbsent(a.resource(), k -> new HashSet<>());
            for (long d = a.start().toEpochDay(); d <= a.finish().toEpochDay(); d++) {
                assertThat(days.add(d)).as("one job per day on " + a.resource()).isTrue();
            }
            long late = Math.max(0, ChronoUnit.DAYS.between(j.dueDate(), a.finish()));
            assertThat(a.daysLate()).isEqualTo((int) late);
            wt += late * j.priority();
        }
        for (Schedule.Unassigned u : s.unassigned()) {
            assertThat(seen.add(u.job())).isTrue();
            assertThat(u.reason()).isNotBlank();
            up += jobs.get(u.job()).priority();
        }
        assertThat(seen).hasSize(p.jobs().size());
        assertThat(s.score().unassignedPriority()).isEqualTo(up);
        assertThat(s.score().weightedTardinessDays()).isEqualTo(wt);
    }

    @Property(tries = 3, seed = "42")
    void pinnedJobsStayWherePinned(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        ScheduleProblem p = InstanceGenerator.generate(seed, 8, 2, 200);
        Schedule greedy = scheduler.greedy(p);
        if (greedy.assignments().isEmpty()) {
            return;
        }
        Schedule.Assignment a = greedy.assignments().get(0);
        ScheduleProblem pinned = new ScheduleProblem(p.horizon(), p.facilities(), p.jobs(),
                List.of(new ScheduleProblem.Pin(a.job(), a.resource(), a.start())));
        Schedule solved = scheduler.solve(pinned, Duration.ofMillis(200), s -> { });
        checkHardRules(pinned, solved);
        assertThat(solved.assignments()).anySatisfy(x -> {
            assertThat(x.job()).isEqualTo(a.job());
            assertThat(x.resource()).isEqualTo(a.resource());
            assertThat(x.start()).isEqualTo(a.start());
        });
    }
}
