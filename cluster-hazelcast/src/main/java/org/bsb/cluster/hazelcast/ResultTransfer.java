package org.bsb.cluster.hazelcast;

import com.hazelcast.map.IMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bsb.cluster.hazelcast.Wire.Message;
import org.bsb.neuron.cable.SimResult;

/**
 * A rank's part of the results on its way to rank 0: its traces and its copy of the spikes, as chunks of plain
 * arrays in the run's results map, then a DONE message whose payload says what it put there (the manifest:
 * {@code probes, then (probe, length) per trace it holds, then sources, spike count}). Rank 0 takes the chunks out
 * (so the map holds each chunk only until rank 0 has it) and rebuilds the part as a {@link SimResult}.
 */
final class ResultTransfer {
    /** Doubles per chunk: 512 KiB per map entry. */
    static final int CHUNK = 1 << 16;

    private ResultTransfer() {}

    /** Rank k's side: its traces and spikes into the map, then DONE. */
    static void send(RunChannel ch, SimResult part) {
        IMap<String, Object> map = ch.results();
        int k = ch.rank();
        double[][] traces = part.traces();
        List<Integer> manifest = new ArrayList<>(List.of(traces.length));
        for (int p = 0; p < traces.length; p++) {
            if (traces[p] != null) {
                putChunks(map, k + "/trace/" + p, traces[p]);
                manifest.add(p);
                manifest.add(traces[p].length);
            }
        }
        List<double[]> spikes = part.spikes();
        int[] counts = new int[spikes.size()];
        int total = 0;
        for (int s = 0; s < counts.length; s++) {
            counts[s] = spikes.get(s).length;
            total += counts[s];
        }
        double[] times = new double[total];
        int at = 0;
        for (double[] t : spikes) {
            System.arraycopy(t, 0, times, at, t.length);
            at += t.length;
        }
        map.set(k + "/spike-counts", counts);
        putChunks(map, k + "/spike-times", times);
        manifest.add(counts.length);
        manifest.add(total);
        ch.check("sending the results to rank 0");
        ch.publish(Wire.ints(
                Wire.DONE, k, 0, manifest.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** Rank 0's side: waits for rank {@code k}'s DONE and rebuilds its part. */
    static SimResult receive(RunChannel ch, int k, double dt) {
        Message done = ch.await(k, Wire.DONE, 0, true, "the results");
        IMap<String, Object> map = ch.results();
        int[] m = done.ints();
        double[][] traces = new double[m[0]][];
        int i = 1;
        for (; i < m.length - 2; i += 2) {
            traces[m[i]] = takeChunks(ch, map, k + "/trace/" + m[i], m[i + 1]);
        }
        int sources = m[i];
        int total = m[i + 1];
        int[] counts = take(ch, map, k + "/spike-counts", int[].class);
        double[] times = takeChunks(ch, map, k + "/spike-times", total);
        if (counts.length != sources) {
            throw new ClusterException("rank 0: the results of " + ch.member().describe(k) + " hold " + counts.length
                    + " spike sources, its manifest says " + sources);
        }
        List<double[]> spikes = new ArrayList<>(sources);
        int at = 0;
        for (int c : counts) {
            spikes.add(Arrays.copyOfRange(times, at, at + c));
            at += c;
        }
        return new SimResult(dt, traces, spikes);
    }

    private static void putChunks(IMap<String, Object> map, String key, double[] values) {
        for (int c = 0; c * CHUNK < values.length; c++) {
            map.set(key + "/" + c, Arrays.copyOfRange(values, c * CHUNK, Math.min(values.length, (c + 1) * CHUNK)));
        }
    }

    private static double[] takeChunks(RunChannel ch, IMap<String, Object> map, String key, int length) {
        double[] out = new double[length];
        for (int c = 0; c * CHUNK < length; c++) {
            double[] chunk = take(ch, map, key + "/" + c, double[].class);
            int expected = Math.min(length, (c + 1) * CHUNK) - c * CHUNK;
            if (chunk.length != expected) {
                throw new ClusterException(
                        "rank 0: chunk " + key + "/" + c + " has " + chunk.length + " values, expected " + expected);
            }
            System.arraycopy(chunk, 0, out, c * CHUNK, expected);
        }
        return out;
    }

    private static <T> T take(RunChannel ch, IMap<String, Object> map, String key, Class<T> type) {
        ch.check("collecting the results");
        Object v = map.remove(key);
        if (!type.isInstance(v)) {
            throw new ClusterException("rank 0: result chunk " + key + " is "
                    + (v == null ? "missing" : "a " + v.getClass().getSimpleName())
                    + " (a member holding it was lost?); the run stops");
        }
        return type.cast(v);
    }
}
