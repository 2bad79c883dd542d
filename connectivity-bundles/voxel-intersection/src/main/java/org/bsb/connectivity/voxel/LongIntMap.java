package org.bsb.connectivity.voxel;

import java.util.Arrays;

/** An open-addressing long to int map with O(1) clearing, for voxel keys in hot loops. */
final class LongIntMap {
    private long[] keys;
    private int[] values;
    private int[] stamps;
    private int stamp = 1;
    private int size;
    private int mask;

    LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new long[cap];
        values = new int[cap];
        stamps = new int[cap];
        mask = cap - 1;
    }

    void clear() {
        size = 0;
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(stamps, 0);
            stamp = 1;
        }
    }

    int size() {
        return size;
    }

    /** The value of {@code key}, or -1. */
    int get(long key) {
        int i = hash(key) & mask;
        while (stamps[i] == stamp) {
            if (keys[i] == key) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    /** The value of {@code key}; if absent, stores {@code value} and returns -1. */
    int putIfAbsent(long key, int value) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int i = hash(key) & mask;
        while (stamps[i] == stamp) {
            if (keys[i] == key) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        stamps[i] = stamp;
        keys[i] = key;
        values[i] = value;
        size++;
        return -1;
    }

    private void grow() {
        long[] k = keys;
        int[] v = values;
        int[] s = stamps;
        int old = stamp;
        keys = new long[k.length * 2];
        values = new int[k.length * 2];
        stamps = new int[k.length * 2];
        mask = keys.length - 1;
        stamp = 1;
        size = 0;
        for (int i = 0; i < k.length; i++) {
            if (s[i] == old) {
                putIfAbsent(k[i], v[i]);
            }
        }
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
