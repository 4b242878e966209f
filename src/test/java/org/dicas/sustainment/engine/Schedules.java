package org.dicas.sustainment.engine;

/** Test helpers on schedules. */
final class Schedules {

    private Schedules() {
    }

    /** The plan itself (assignments, unassigned, score) without what is proven about it. */
    static Schedule plan(Schedule s) {
        return new Schedule(s.assignments(), s.unassigned(), s.score());
    }
}
