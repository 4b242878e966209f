package org.dicas.coproduction.engine;

import com.google.ortools.linearsolver.MPSolver;
import java.util.function.Consumer;

/**
 * The caller's hold on a running plan: progress after each level of the lexicographic objective, and {@link #stop()},
 * which interrupts the solver at once (the plan then keeps the best solution found so far, reported FEASIBLE).
 */
public final class PlanControl {

    /** Progress: {@code level} of 3 levels done, whether every level so far is proven, elapsed seconds. */
    public record Progress(int level, int levels, boolean proven, double seconds) {
    }

    private final Consumer<Progress> listener;
    private boolean stopped;
    private MPSolver running;

    public PlanControl(Consumer<Progress> listener) {
        this.listener = listener;
    }

    /** No progress listener, not stoppable from outside. */
    public static PlanControl none() {
        return new PlanControl(p -> { });
    }

    /** Asks the running plan to stop; safe from any thread. */
    public synchronized void stop() {
        stopped = true;
        if (running != null) {
            running.interruptSolve();
        }
    }

    public synchronized boolean stopped() {
        return stopped;
    }

    synchronized boolean attach(MPSolver solver) {
        running = solver;
        return !stopped;
    }

    synchronized void detach() {
        running = null;
    }

    void report(Progress progress) {
        listener.accept(progress);
    }
}
