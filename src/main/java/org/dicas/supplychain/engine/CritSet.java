package org.dicas.supplychain.engine;

import java.util.Arrays;

/**
 * An immutable sorted set of node numbers that shares its lower part with other sets: the elements are those of
 * {@code parent} followed by {@code chunk[0 .. len-1]}, every one of which is larger than every element of the
 * parent. Several sets may hold the same {@code chunk} array with different lengths (prefixes of one another); they
 * then have the same parent, so two cursors standing on the same array at the same index see the same remainder.
 *
 * <p>This is what makes the critical sets of a supply network cheap: along a chain of single-sourced inputs each set
 * is its source's set plus one element (O(1)), and the intersection of two sets that share a lower part only walks
 * their distinct upper parts. See {@code docs/supply-chain-method.md}.
 */
final class CritSet {

    static final CritSet EMPTY = new CritSet();

    final CritSet parent;
    final int[] chunk;
    final int len;
    final int size;

    private CritSet() {
        parent = null;
        chunk = new int[0];
        len = 0;
        size = 0;
    }

    private CritSet(CritSet parent, int[] chunk, int len) {
        this.parent = parent;
        this.chunk = chunk;
        this.len = len;
        this.size = parent.size + len;
    }

    /** {@code parent ∪ chunk[0..len)}, all chunk elements above the parent's. */
    static CritSet of(CritSet parent, int[] chunk, int len) {
        return len == 0 ? parent : new CritSet(parent, chunk, len);
    }

    boolean isEmpty() {
        return size == 0;
    }

    int max() {
        return chunk[len - 1];
    }

    /** Ascending elements. */
    int[] toArray() {
        int[] out = new int[size];
        int p = size;
        for (CritSet s = this; s.size > 0; s = s.parent) {
            p -= s.len;
            System.arraycopy(s.chunk, 0, out, p, s.len);
        }
        return out;
    }

    boolean contains(int v) {
        Cursor c = new Cursor(this);
        c.seek(v);
        return !c.done() && c.value() == v;
    }

    /** A descending walk over a set, hopping whole chunks when seeking. */
    static final class Cursor {
        CritSet set;
        int idx;

        Cursor(CritSet s) {
            set = s;
            idx = s.len - 1;
        }

        boolean done() {
            return set.size == 0;
        }

        int value() {
            return set.chunk[idx];
        }

        void step() {
            if (--idx < 0) {
                set = set.parent;
                idx = set.len - 1;
            }
        }

        /** Moves down to the largest element ≤ v (or to the end). */
        void seek(int v) {
            CritSet s = set;
            if (s.chunk[0] > v) {
                do {
                    s = s.parent;
                } while (s.size > 0 && s.chunk[0] > v);
                set = s;
                if (s.size == 0) {
                    return;
                }
                idx = s.len - 1;
            }
            int[] a = s.chunk;
            int i = idx;
            if (a[i] <= v) {
                return;
            }
            // gallop down: a[0] <= v < a[i]
            int step = 1;
            int lo = i - step;
            while (lo > 0 && a[lo] > v) {
                i = lo;
                step <<= 1;
                lo = i - step;
            }
            if (lo < 0) {
                lo = 0;
            }
            // a[lo] <= v < a[i]
            int hi = i;
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (a[mid] <= v) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            idx = lo;
        }

        boolean sameSpot(Cursor o) {
            return set.chunk == o.set.chunk && idx == o.idx && set.size > 0;
        }

        /** The set of the elements from here down. */
        CritSet rest() {
            if (set.size == 0) {
                return EMPTY;
            }
            return idx == set.len - 1 ? set : new CritSet(set.parent, set.chunk, idx + 1);
        }
    }

    /** A ∩ B: walks the distinct upper parts; stops as soon as the two reach a shared lower part. */
    static CritSet intersect(CritSet a, CritSet b) {
        if (a == b) {
            return a;
        }
        if (a.size == 0 || b.size == 0) {
            return EMPTY;
        }
        Cursor ca = new Cursor(a);
        Cursor cb = new Cursor(b);
        IntBuf upper = null;
        CritSet shared = EMPTY;
        while (true) {
            if (ca.sameSpot(cb)) {
                shared = ca.idx == ca.set.len - 1 ? ca.set : cb.rest();
                break;
            }
            int va = ca.value();
            int vb = cb.value();
            if (va == vb) {
                if (upper == null) {
                    upper = new IntBuf();
                }
                upper.add(va);
                ca.step();
                cb.step();
                if (ca.done() || cb.done()) {
                    break;
                }
            } else if (va > vb) {
                ca.seek(vb);
                if (ca.done()) {
                    break;
                }
            } else {
                cb.seek(va);
                if (cb.done()) {
                    break;
                }
            }
        }
        if (upper == null) {
            return shared;
        }
        return of(shared, upper.reversed(), upper.size);
    }

    /** Adds to {@code out} (descending) the elements of {@code d} not in {@code base}. */
    static void difference(CritSet d, CritSet base, IntBuf out) {
        if (d == base || d.size == 0) {
            return;
        }
        Cursor cd = new Cursor(d);
        Cursor cb = new Cursor(base);
        while (!cd.done()) {
            if (cb.done()) {
                while (!cd.done()) {
                    out.add(cd.value());
                    cd.step();
                }
                return;
            }
            if (cd.sameSpot(cb)) {
                return;
            }
            int vd = cd.value();
            int vb = cb.value();
            if (vb > vd) {
                cb.seek(vd);
            } else if (vb == vd) {
                cd.step();
                cb.step();
            } else {
                out.add(vd);
                cd.step();
            }
        }
    }

    /**
     * {@code {u} ∪ ds[0] ∪ … ∪ ds[k-1]} where u is larger than every element of every ds[i]. The largest operand is
     * kept as the shared lower part; the others' extra elements and u form the new chunk, together with those of the
     * base's elements that lie above the smallest extra element.
     */
    static CritSet union(int u, CritSet[] ds, int k) {
        CritSet base = EMPTY;
        for (int i = 0; i < k; i++) {
            if (ds[i].size > base.size) {
                base = ds[i];
            }
        }
        if (base.size == 0) {
            return new CritSet(EMPTY, new int[] {u}, 1);
        }
        IntBuf added = null;
        for (int i = 0; i < k; i++) {
            CritSet d = ds[i];
            if (d != base && d.size > 0) {
                if (added == null) {
                    added = new IntBuf();
                }
                difference(d, base, added);
            }
        }
        if (added == null || added.size == 0) {
            return new CritSet(base, new int[] {u}, 1);
        }
        int[] extra = added.sortedUnique();
        int m = extra[0];
        if (m > base.max()) {
            int[] chunk = Arrays.copyOf(extra, extra.length + 1);
            chunk[extra.length] = u;
            return new CritSet(base, chunk, chunk.length);
        }
        // base elements above m must move into the new chunk
        IntBuf above = new IntBuf();
        Cursor cb = new Cursor(base);
        while (!cb.done() && cb.value() > m) {
            above.add(cb.value());
            cb.step();
        }
        CritSet lower = cb.rest();
        int[] hi = above.reversed();
        int[] chunk = new int[hi.length + extra.length + 1];
        int i = 0;
        int j = 0;
        int p = 0;
        while (i < hi.length && j < extra.length) {
            chunk[p++] = hi[i] < extra[j] ? hi[i++] : extra[j++];
        }
        while (i < hi.length) {
            chunk[p++] = hi[i++];
        }
        while (j < extra.length) {
            chunk[p++] = extra[j++];
        }
        chunk[p++] = u;
        return new CritSet(lower, chunk, p);
    }

    /** A growable int list. */
    static final class IntBuf {
        int[] a = new int[8];
        int size;

        void add(int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        /** The elements in reverse order of addition (ascending when they were added descending). */
        int[] reversed() {
            int[] r = new int[size];
            for (int i = 0; i < size; i++) {
                r[i] = a[size - 1 - i];
            }
            return r;
        }

        int[] sortedUnique() {
            int[] r = Arrays.copyOf(a, size);
            Arrays.sort(r);
            int w = 0;
            for (int i = 0; i < r.length; i++) {
                if (w == 0 || r[i] != r[w - 1]) {
                    r[w++] = r[i];
                }
            }
            return w == r.length ? r : Arrays.copyOf(r, w);
        }
    }
}
