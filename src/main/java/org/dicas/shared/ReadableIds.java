package org.dicas.shared;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;

/**
 * The ids of the records one reader may read, as computed by the releasability policy. Immutable; a bit set over
 * record ids (ids are dense, starting at 1), or a sorted array for ids beyond the int range.
 */
public final class ReadableIds {

    private final BitSet bits;
    private final long[] sorted;
    private final int size;

    private ReadableIds(BitSet bits, long[] sorted, int size) {
        this.bits = bits;
        this.sorted = sorted;
        this.size = size;
    }

    public static ReadableIds of(long... ids) {
        long[] copy = ids.clone();
        Arrays.sort(copy);
        boolean small = copy.length == 0 || (copy[0] >= 0 && copy[copy.length - 1] <= Integer.MAX_VALUE - 1);
        if (small) {
            BitSet b = new BitSet(copy.length == 0 ? 0 : (int) copy[copy.length - 1] + 1);
            for (long id : copy) {
                b.set((int) id);
            }
            return new ReadableIds(b, null, b.cardinality());
        }
        long[] distinct = Arrays.stream(copy).distinct().toArray();
        return new ReadableIds(null, distinct, distinct.length);
    }

    public static ReadableIds of(Collection<Long> ids) {
        return of(ids.stream().mapToLong(Long::longValue).toArray());
    }

    public boolean contains(long id) {
        if (bits != null) {
            return id >= 0 && id < Integer.MAX_VALUE && bits.get((int) id);
        }
        return Arrays.binarySearch(sorted, id) >= 0;
    }

    public int size() {
        return size;
    }
}
