package org.dicas.sustainment.engine;

/**
 * A resource as the solver sees it (a problem fact): a global index, its facility and the facility's closed days as a
 * prefix sum over the horizon's day indexes.
 */
public final class Res {
    final int index;
    final String id;
    final String facility;
    final String kind;
    /** closedPrefix[d] = number of closed days in [0, d). */
    final int[] closedPrefix;

    public Res(int index, String id, String facility, String kind, int[] closedPrefix) {
        this.index = index;
        this.id = id;
        this.facility = facility;
        this.kind = kind;
        this.closedPrefix = closedPrefix;
    }

    public String getId() {
        return id;
    }

    public String getFacility() {
        return facility;
    }

    /** Closed days in [start, endExclusive), clipped to the horizon. */
    public int closedDays(int start, int endExclusive) {
        int n = closedPrefix.length - 1;
        int s = Math.max(0, Math.min(n, start));
        int e = Math.max(0, Math.min(n, endExclusive));
        return e <= s ? 0 : closedPrefix[e] - closedPrefix[s];
    }

    @Override
    public String toString() {
        return id;
    }
}
