package org.bsb.neuron.cable;

import java.util.Arrays;

/**
 * A growable list of spikes: the source, the time its connections' delays count from (NEURON's send time) and
 * the time recorded for it. A cell group collects its outgoing spikes here during an interval; the
 * {@link SpikeExchange} passes them between the parts of a run (as plain arrays: {@link #of}, {@link #sources},
 * {@link #deliverTimes}, {@link #recordTimes}).
 */
public final class Spikes {
    private int count;
    private int[] source = new int[16];
    private double[] deliverTime = new double[16];
    private double[] recordTime = new double[16];

    public int count() {
        return count;
    }

    public int source(int i) {
        return source[i];
    }

    public double deliverTime(int i) {
        return deliverTime[i];
    }

    public double recordTime(int i) {
        return recordTime[i];
    }

    public void add(int src, double deliver, double record) {
        if (count == source.length) {
            source = Arrays.copyOf(source, 2 * count);
            deliverTime = Arrays.copyOf(deliverTime, 2 * count);
            recordTime = Arrays.copyOf(recordTime, 2 * count);
        }
        source[count] = src;
        deliverTime[count] = deliver;
        recordTime[count] = record;
        count++;
    }

    /** Appends {@code other}'s spikes in their order. */
    public void addAll(Spikes other) {
        for (int i = 0; i < other.count; i++) {
            add(other.source[i], other.deliverTime[i], other.recordTime[i]);
        }
    }

    public void clear() {
        count = 0;
    }

    /** Spikes from parallel arrays (as {@link #sources}, {@link #deliverTimes}, {@link #recordTimes} give them). */
    public static Spikes of(int[] sources, double[] deliverTimes, double[] recordTimes) {
        if (sources.length != deliverTimes.length || sources.length != recordTimes.length) {
            throw new IllegalArgumentException("spike arrays of different lengths: " + sources.length + ", "
                    + deliverTimes.length + ", " + recordTimes.length);
        }
        Spikes s = new Spikes();
        for (int i = 0; i < sources.length; i++) {
            s.add(sources[i], deliverTimes[i], recordTimes[i]);
        }
        return s;
    }

    public int[] sources() {
        return Arrays.copyOf(source, count);
    }

    public double[] deliverTimes() {
        return Arrays.copyOf(deliverTime, count);
    }

    public double[] recordTimes() {
        return Arrays.copyOf(recordTime, count);
    }

    /**
     * The indices of the spikes in delivery order: by send time, then source id (a total order, whichever
     * group or thread produced them; equal pairs, one source's equal times, keep their order).
     */
    int[] deliveryOrder() {
        Integer[] idx = new Integer[count];
        for (int i = 0; i < count; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (x, y) -> {
            int c = Double.compare(deliverTime[x], deliverTime[y]);
            return c != 0 ? c : Integer.compare(source[x], source[y]);
        });
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = idx[i];
        }
        return out;
    }
}
