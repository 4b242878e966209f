package org.dicas.supplychain.engine;

/**
 * Canonical strings straight from a parser's character buffer: a node id seen five times becomes one String, and
 * the four repeats are never allocated. Open addressing over a hash array and a string array.
 */
final class StringPool {

    private int[] hashes;
    private String[] strings;
    private int size;

    StringPool(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        hashes = new int[cap];
        strings = new String[cap];
    }

    String intern(char[] buf, int off, int len) {
        int h = 0;
        for (int i = 0; i < len; i++) {
            h = 31 * h + buf[off + i];
        }
        int mask = strings.length - 1;
        int i = mix(h) & mask;
        while (true) {
            String s = strings[i];
            if (s == null) {
                break;
            }
            if (hashes[i] == h && equal(s, buf, off, len)) {
                return s;
            }
            i = (i + 1) & mask;
        }
        String s = new String(buf, off, len);
        strings[i] = s;
        hashes[i] = h;
        if (++size * 2 > strings.length) {
            grow();
        }
        return s;
    }

    String intern(String s) {
        if (s == null) {
            return null;
        }
        char[] c = s.toCharArray();
        return intern(c, 0, c.length);
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static boolean equal(String s, char[] buf, int off, int len) {
        if (s.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) != buf[off + i]) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        int[] oh = hashes;
        String[] os = strings;
        hashes = new int[oh.length * 2];
        strings = new String[os.length * 2];
        int mask = strings.length - 1;
        for (int j = 0; j < os.length; j++) {
            if (os[j] != null) {
                int i = mix(oh[j]) & mask;
                while (strings[i] != null) {
                    i = (i + 1) & mask;
                }
                strings[i] = os[j];
                hashes[i] = oh[j];
            }
        }
    }
}
