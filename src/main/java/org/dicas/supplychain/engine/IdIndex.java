package org.dicas.supplychain.engine;

import java.util.Arrays;

/**
 * String id to int, open addressing over two flat arrays: about 8 bytes a slot instead of the ~50 bytes an entry of
 * a {@code HashMap<String, Integer>} costs, which matters at a million ids.
 */
final class IdIndex {

    private final String[] keys;
    private final int[] values;
    private final int mask;
    private int size;

    IdIndex(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new String[cap];
        values = new int[cap];
        mask = cap - 1;
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** Stores {@code key -> value} unless the key is present; returns the existing value, or -1 when added. */
    int putIfAbsent(String key, int value) {
        if (size * 2 >= keys.length) {
            throw new IllegalStateException("IdIndex is full");
        }
        int i = mix(key.hashCode()) & mask;
        while (true) {
            String k = keys[i];
            if (k == null) {
                keys[i] = key;
                values[i] = value;
                size++;
                return -1;
            }
            if (k.equals(key)) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
    }

    /** The value of {@code key}, or -1. */
    int get(String key) {
        if (key == null) {
            return -1;
        }
        int i = mix(key.hashCode()) & mask;
        while (true) {
            String k = keys[i];
            if (k == null) {
                return -1;
            }
            if (k.equals(key)) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
    }

    /** Rewrites every value through {@code map} (used when nodes are renumbered). */
    void remap(int[] map) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                values[i] = map[values[i]];
            }
        }
    }

    int size() {
        return size;
    }

    @Override
    public String toString() {
        return "IdIndex" + Arrays.toString(new int[] {size, keys.length});
    }
}
