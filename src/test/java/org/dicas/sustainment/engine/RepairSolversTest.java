package org.dicas.sustainment.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dicas.sustainment.bench.InstanceGenerator;
import org.junit.jupiter.api.Test;

/** Background solving on Timefold's SolverManager: queued runs, ending a run early, dropping one. */
class RepairSolversTest {

    /**
     * 300 jobs: no engine proves this optimum within seconds (docs/benchmarks.md), so a run is still going when a test
     * ends or stops it; 60 jobs were proven optimal (and the run ended by itself) within a second on a quiet machine.
     */
    final ScheduleProblem problem = InstanceGenerator.generate(7, 300, 6, 365);
    final Schedule greedy = RepairScheduler.create().greedy(problem);

    /** Records what a run reports. */
    static final class Recorder implements RepairSolvers.Listener {
        final AtomicBoolean started = new AtomicBoolean();
        final List<Schedule> improved = new CopyOnWriteArrayList<>();
        final CompletableFuture<Schedule> result = new CompletableFuture<>();
        volatile boolean terminatedEarly;

        @Override
        public void started() {
            started.set(true);
        }

        @Override
        public void improved(Schedule best) {
            improved.add(best);
        }

        @Override
        public void finished(Schedule best, boolean early) {
            terminatedEarly = early;
            result.complete(best);
        }

        @Override
        public void failed(Throwable error) {
            result.completeExceptionally(error);
        }

        Schedule await() throws Exception {
            return result.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void terminatingARunEarlyEndsItSoonKeepingItsBestSchedule() throws Exception {
        try (RepairSolvers solvers = new RepairSolvers(1)) {
            Recorder run = new Recorder();
            long t0 = System.nanoTime();
            solvers.submit(1, problem, Duration.ofSeconds(60), run);
            Thread.sleep(1500);
            assertThat(solvers.active()).containsExactly(1L);
            assertThat(solvers.terminateEarly(1)).isTrue();
            Schedule s = run.await();
            assertThat((System.nanoTime() - t0) / 1e9).as("seconds, of a 60 s limit").isLessThan(8);
            assertThat(run.terminatedEarly).isTrue();
            assertThat(run.started).isTrue();
            assertThat(run.improved.get(0)).isEqualTo(greedy);
            for (int i = 1; i < run.improved.size(); i++) {
                assertThat(TimefoldRepairScheduler.compare(run.improved.get(i).score(),
                        run.improved.get(i - 1).score())).isNegative();
            }
            // the result is the last improvement, with what the exact engine proved about it
            assertThat(Schedules.plan(s)).isEqualTo(Schedules.plan(run.improved.get(run.improved.size() - 1)));
            assertThat(s.bound()).isNotNull();
            ScheduleProperties.checkHardRules(problem, s);
            assertThat(solvers.active()).isEmpty();
            assertThat(solvers.terminateEarly(1)).as("an ended run is no longer here").isFalse();
        }
    }

    @Test
    void aQueuedRunWaitsForTheSolverThreadAndEndedEarlyReportsItsBaseline() throws Exception {
        try (RepairSolvers solvers = new RepairSolvers(1)) {
            Recorder first = new Recorder();
            Recorder second = new Recorder();
            solvers.submit(1, problem, Duration.ofSeconds(60), first);
            solvers.submit(2, problem, Duration.ofSeconds(60), second);
            Thread.sleep(500);
            assertThat(solvers.active()).containsExactlyInAnyOrder(1L, 2L);
            assertThat(second.started).as("one solver thread: the second run waits").isFalse();
            solvers.terminateEarly(2);
            assertThat(second.await()).isEqualTo(greedy);
            assertThat(second.terminatedEarly).isTrue();
            assertThat(second.started).isFalse();
            assertThat(first.result).isNotDone();
            solvers.terminateEarly(1);
            assertThat(first.await()).isNotNull();
            assertThat(second.started).as("a run ended in the queue never starts").isFalse();
        }
    }

    @Test
    void anAbandonedRunReportsNothingMore() throws Exception {
        try (RepairSolvers solvers = new RepairSolvers(1)) {
            Recorder run = new Recorder();
            solvers.submit(1, problem, Duration.ofSeconds(60), run);
            Thread.sleep(500);
            assertThat(solvers.abandon(1)).isTrue();
            int before = run.improved.size();
            assertThat(solvers.active()).isEmpty();
            Thread.sleep(300);
            assertThat(run.result).isNotDone();
            assertThat(run.improved).hasSize(before);
        }
    }

    @Test
    void aRunIdIsUsedOnceWhileTheRunIsHereAndBadProblemsAreRefusedAtOnce() throws Exception {
        try (RepairSolvers solvers = new RepairSolvers(1)) {
            Recorder run = new Recorder();
            solvers.submit(1, problem, Duration.ofSeconds(60), run);
            assertThatThrownBy(() -> solvers.submit(1, problem, Duration.ofSeconds(1), new Recorder()))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> solvers.submit(2, null, Duration.ofSeconds(1), new Recorder()))
                    .isInstanceOf(ScheduleException.class);
            solvers.terminateEarly(1);
            run.await();
        }
    }

    @Test
    void nothingToSearchEndsWithTheBaselineBeforeSubmitReturns() throws Exception {
        try (RepairSolvers solvers = new RepairSolvers(1)) {
            Recorder run = new Recorder();
            solvers.submit(1, problem, Duration.ZERO, run);
            assertThat(run.result).isCompletedWithValue(greedy);
            assertThat(run.improved).containsExactly(greedy);
            assertThat(run.terminatedEarly).isFalse();
            assertThat(solvers.active()).isEmpty();
        }
    }
}
