package org.bsb.neuron.cable;

import java.util.Arrays;

/**
 * A binary min-heap of pending events ordered by (time, key) with a total, insertion-order
 * independent order, so that delivery does not depend on how cells are grouped into threads.
 * Array based: no allocation per event once grown.
 */
final class EventQueue {
    private double[] time = new double[64];
    private long[] key = new long[64];
    /** Payload: for connection events the NetCon id; for self-events the mechanism slot. */
    private int[] a = new int[64];

    private int[] b = new int[64];
    private double[] flag = new double[64];
    private int size;

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    void add(double t, long k, int pa, int pb, double f) {
        if (size == time.length) {
            int n = size * 2;
            time = Arrays.copyOf(time, n);
            key = Arrays.copyOf(key, n);
            a = Arrays.copyOf(a, n);
            b = Arrays.copyOf(b, n);
            flag = Arrays.copyOf(flag, n);
        }
        int i = size++;
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (!less(t, k, time[p], key[p])) {
                break;
            }
            move(p, i);
            i = p;
        }
        time[i] = t;
        key[i] = k;
        a[i] = pa;
        b[i] = pb;
        flag[i] = f;
    }

    private static boolean less(double t1, long k1, double t2, long k2) {
        return t1 < t2 || (t1 == t2 && k1 < k2);
    }

    private void move(int from, int to) {
        time[to] = time[from];
        key[to] = key[from];
        a[to] = a[from];
        b[to] = b[from];
        flag[to] = flag[from];
    }

    double peekTime() {
        return size == 0 ? Double.POSITIVE_INFINITY : time[0];
    }

    double topTime() {
        return time[0];
    }

    long topKey() {
        return key[0];
    }

    int topA() {
        return a[0];
    }

    int topB() {
        return b[0];
    }

    double topFlag() {
        return flag[0];
    }

    void pop() {
        int last = --size;
        if (last == 0) {
            return;
        }
        double t = time[last];
        long k = key[last];
        int pa = a[last];
        int pb = b[last];
        double f = flag[last];
        int i = 0;
        while (true) {
            int c = 2 * i + 1;
            if (c >= last) {
                break;
            }
            if (c + 1 < last && less(time[c + 1], key[c + 1], time[c], key[c])) {
                c++;
            }
            if (!less(time[c], key[c], t, k)) {
                break;
            }
            move(c, i);
            i = c;
        }
        time[i] = t;
        key[i] = k;
        a[i] = pa;
        b[i] = pb;
        flag[i] = f;
    }
}
