package org.bsb.benchmarks.nmodl;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bsb.neuron.cable.CableCell;
import org.bsb.neuron.nmodl.catalogue.NmodlCatalogue;
import org.bsb.neuron.nmodl.stellate.StellateComparison;
import org.bsb.testsupport.ProjectPaths;

/**
 * Benchmark (not a test): the Stellate cell with the dbbs catalogue compiled by this compiler, IClamp
 * 0.3 nA, 100 ms at dt 0.025, single-threaded, for the given numbers of unconnected copies (default 1 and
 * 30), against NEURON timed in the same run by {@code neuron_timing.py} (the same cell from the shared
 * reference's sections.json, the catalogue compiled by nrnivmodl). Both sides report CPU and wall time of
 * initialisation plus run, alternating one run each per round; the ratio is reported per round.
 * Usage: see simulator-neuron/nmodl/benchmark.sh (its classes are in benchmarks/nmodl).
 */
public final class StellateBenchmark {
    private StellateBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path data = ProjectPaths.neuronData().orElse(null);
        String path = System.getenv("BSB_MECHANISM_PATH");
        String mechLib = System.getenv("NRNREF_MECH_LIB");
        int[] copies = args.length == 0
                ? new int[] {1, 30}
                : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        if (data == null || path == null) {
            System.err.println("set BSB_MECHANISM_PATH and BSB_NEURON_DATA (and NRNREF_MECH_LIB for NEURON's timing)");
            System.exit(2);
        }
        List<Path> dirs = new ArrayList<>();
        for (String d : path.split(":")) dirs.add(Path.of(d));
        NmodlCatalogue cat = NmodlCatalogue.fromDirectories("BSB_MECHANISM_PATH", dirs);
        CableCell cell = StellateComparison.buildCell(data);
        // warm-up: compilation, and C2 recompiling the big solve methods after deoptimisations; the vector forms
        // take over from the scalar ones once C2 has compiled them (FormChoice), which for one cell's few calls
        // takes about 10 runs (the tutorial network's many calls per step: its first simulated milliseconds)
        for (int k = 0; k < 12; k++) StellateComparison.simulate(cell, cat, 0.3, 1);
        System.out.println("Stellate + dbbs catalogue, IClamp 0.3 nA, 100 ms at dt 0.025, 1 thread");
        for (int n : copies) {
            // this shared VM's speed drifts by ~30 % over minutes: NEURON and ours alternate, one run each per
            // round, and the ratio is taken per round (median reported), besides the best time of each
            int rounds = n == 1 ? 15 : 3;
            double[] ratios = new double[rounds];
            double[] bestOurs = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
            double[] bestNrn = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
            for (int r = 0; r < rounds; r++) {
                double[] nrn = mechLib == null ? new double[] {Double.NaN, Double.NaN} : neuron(mechLib, data, n, 1);
                double[] ours = best(cell, cat, n, 1);
                ratios[r] = ours[0] / nrn[0];
                for (int k = 0; k < 2; k++) {
                    bestOurs[k] = Math.min(bestOurs[k], ours[k]);
                    bestNrn[k] = Math.min(bestNrn[k], nrn[k]);
                }
            }
            System.out.printf(
                    "  %2d cell(s): NEURON cpu %.3f s (wall %.3f s), ours cpu %.3f s (wall %.3f s) (best of %d);"
                            + " ours/NEURON cpu per round %s, median %.3f%n",
                    n,
                    bestNrn[0],
                    bestNrn[1],
                    bestOurs[0],
                    bestOurs[1],
                    rounds,
                    java.util.Arrays.toString(java.util.Arrays.stream(ratios)
                            .map(x -> Math.round(x * 1000) / 1000.0)
                            .toArray()),
                    CodegenComparison.median(ratios));
        }
    }

    private static double[] neuron(String lib, Path data, int copies, int repeats) throws Exception {
        Process p = new ProcessBuilder(
                        "/usr/bin/python3",
                        "simulator-neuron/nmodl/neuron_timing.py",
                        lib,
                        data.resolve("neuron-reference/sections.json").toString(),
                        String.valueOf(repeats),
                        String.valueOf(copies))
                .redirectErrorStream(false)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.getErrorStream().readAllBytes();
        if (p.waitFor() != 0) throw new IllegalStateException("NEURON timing failed: " + out);
        Matcher cpu = Pattern.compile("\"cpu_s\": ([0-9.eE+-]+)").matcher(out);
        Matcher wall = Pattern.compile("\"wall_s\": ([0-9.eE+-]+)").matcher(out);
        if (!cpu.find() || !wall.find()) throw new IllegalStateException("no timing in NEURON's output: " + out);
        return new double[] {Double.parseDouble(cpu.group(1)), Double.parseDouble(wall.group(1))};
    }

    private static double[] best(CableCell cell, NmodlCatalogue cat, int copies, int reps) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double cpu = Double.POSITIVE_INFINITY;
        double wall = Double.POSITIVE_INFINITY;
        for (int rep = 0; rep < reps; rep++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            StellateComparison.simulate(cell, cat, 0.3, copies);
            wall = Math.min(wall, (System.nanoTime() - t0) / 1e9);
            cpu = Math.min(cpu, (mx.getCurrentThreadCpuTime() - c0) / 1e9);
        }
        return new double[] {cpu, wall};
    }
}
