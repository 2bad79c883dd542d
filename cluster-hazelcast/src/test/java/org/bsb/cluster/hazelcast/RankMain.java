package org.bsb.cluster.hazelcast;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bsb.neuron.cable.SimResult;

/**
 * One rank of a distributed run in a JVM of its own, as the tests start it: arguments {@code key=value}, the
 * cluster options of {@link ClusterSettings#from} plus {@code cells}, {@code tstop}, {@code threads} and
 * {@code out} (where rank 0 writes the merged result). Prints {@code progress T} after each interval and
 * {@code median-round-us X} at the end; on failure prints {@code FAILED: message} to stderr and exits with 3.
 */
public final class RankMain {
    private RankMain() {}

    public static void main(String[] args) {
        Logger.getLogger("com.hazelcast").setLevel(Level.WARNING);
        int status = 0;
        try {
            Map<String, String> options = new HashMap<>();
            Map<String, String> own = new HashMap<>(Map.of("cells", "6", "tstop", "100", "threads", "1"));
            for (String a : args) {
                int eq = a.indexOf('=');
                String key = a.substring(0, eq);
                (own.containsKey(key) || key.equals("out") ? own : options).put(key, a.substring(eq + 1));
            }
            ClusterSettings cluster = ClusterSettings.from(options, System.getenv());
            try (ClusterMember member = ClusterMember.start(cluster)) {
                System.out.println("joined rank " + member.rank());
                DistributedSimulation.Outcome outcome = DistributedSimulation.run(
                        member,
                        TestNetworks.ring(Integer.parseInt(own.get("cells"))),
                        TestNetworks.settings(Double.parseDouble(own.get("tstop"))),
                        Integer.parseInt(own.get("threads")),
                        t -> System.out.println("progress " + t));
                System.out.println("median-round-us " + outcome.exchange().medianRoundMicros());
                System.out.println("rounds " + outcome.exchange().rounds());
                if (outcome.result() != null) {
                    write(outcome.result(), Path.of(own.get("out")));
                }
            }
        } catch (Throwable e) {
            System.err.println("FAILED: " + e.getMessage());
            e.printStackTrace();
            status = 3;
        }
        System.out.println("exit " + status);
        System.exit(status);
    }

    /** Probes (a trace or -1 for none), then sources with their spike times, as raw doubles. */
    static void write(SimResult r, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out =
                new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(tmp)))) {
            out.writeDouble(r.dt());
            out.writeInt(r.traces().length);
            for (double[] t : r.traces()) {
                writeArray(out, t);
            }
            out.writeInt(r.spikes().size());
            for (double[] s : r.spikes()) {
                writeArray(out, s);
            }
        }
        Files.move(tmp, file);
    }

    static SimResult read(Path file) throws IOException {
        try (java.io.DataInputStream in =
                new java.io.DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            double dt = in.readDouble();
            double[][] traces = new double[in.readInt()][];
            for (int p = 0; p < traces.length; p++) {
                traces[p] = readArray(in);
            }
            int sources = in.readInt();
            java.util.List<double[]> spikes = new java.util.ArrayList<>();
            for (int s = 0; s < sources; s++) {
                spikes.add(readArray(in));
            }
            return new SimResult(dt, traces, spikes);
        }
    }

    private static void writeArray(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a == null ? -1 : a.length);
        if (a != null) {
            for (double v : a) {
                out.writeLong(Double.doubleToRawLongBits(v));
            }
        }
    }

    private static double[] readArray(java.io.DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = Double.longBitsToDouble(in.readLong());
        }
        return a;
    }
}
