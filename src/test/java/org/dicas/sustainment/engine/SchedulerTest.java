package org.dicas.sustainment.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dicas.sustainment.bench.InstanceGenerator;
import org.junit.jupiter.api.Test;

/** The solver's contract: example result, progress, never worse than greedy (stopping early: RepairSolversTest). */
class SchedulerTest {

    final RepairScheduler scheduler = RepairScheduler.create();

    @Test
    void theExampleStartsAfterTheClosure() {
        Schedule s = scheduler.greedy(Problems.read(Problems.EXAMPLE));
        assertThat(s.assignments()).containsExactly(new Schedule.Assignment("J1", "F1", "F1-DD1",
                LocalDate.parse("2027-05-06"), LocalDate.parse("2027-09-02"), 64));
        assertThat(s.score()).isEqualTo(new Schedule.Score(0, 192, 17));
    }

    @Test
    void progressImprovesAndTheResultIsTheLastImprovement() {
        ScheduleProblem p = InstanceGenerator.generate(7, 60, 6, 365);
        List<Schedule> seen = new ArrayList<>();
        Schedule s = scheduler.solve(p, Duration.ofMillis(1500), seen::add);
        assertThat(seen).isNotEmpty();
        assertThat(seen.get(0)).isEqualTo(scheduler.greedy(p));
        for (int i = 1; i < seen.size(); i++) {
            assertThat(TimefoldRepairScheduler.compare(seen.get(i).score(), seen.get(i - 1).score())).isNegative();
        }
        assertThat(TimefoldRepairScheduler.compare(s.score(), scheduler.greedy(p).score())).isLessThanOrEqualTo(0);
        assertThat(Schedules.plan(s)).isEqualTo(Schedules.plan(seen.get(seen.size() - 1)));
        ScheduleProperties.checkHardRules(p, s);
    }

    @Test
    void zeroTimeReturnsTheGreedySchedule() {
        ScheduleProblem p = InstanceGenerator.generate(3, 20, 3, 200);
        assertThat(scheduler.solve(p, Duration.ZERO, x -> { })).isEqualTo(scheduler.greedy(p));
    }
}
