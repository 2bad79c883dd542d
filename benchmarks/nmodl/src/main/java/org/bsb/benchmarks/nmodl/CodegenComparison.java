package org.bsb.benchmarks.nmodl;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tool for code-generation experiments (not a test): times the Stellate benchmark (one cell, 0.3 nA,
 * 100 ms, single thread) with two or more builds of this module's classes in one JVM, each build in its
 * own class loader, alternating one run of each per round. On a VM whose speed drifts by tens of percent
 * over minutes, separate processes cannot resolve a 5 % change; interleaved runs in one process can, from
 * the per-round ratio to the first build (its median is what to read).
 * Usage: see simulator-neuron/nmodl/compare-codegen.sh. The shared classpath must hold the nmodl module's
 * test classes (StellateComparison, loaded in each build's class loader) and their dependencies.
 */
public final class CodegenComparison {
    private CodegenComparison() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println(
                    "usage: CodegenComparison <shared classpath> <rounds> <classes dir A> <classes dir B> [...]");
            System.exit(2);
        }
        String shared = args[0];
        int rounds = Integer.parseInt(args[1]);
        String[] builds = Arrays.copyOfRange(args, 2, args.length);
        String path = System.getenv("BSB_MECHANISM_PATH");
        String data = System.getenv("BSB_NEURON_DATA");
        if (path == null || data == null) {
            System.err.println("set BSB_MECHANISM_PATH (the catalogue) and BSB_NEURON_DATA (<shared>/data)");
            System.exit(2);
        }
        Build[] b = new Build[builds.length];
        for (int k = 0; k < b.length; k++) b[k] = new Build(builds[k], shared, path, Path.of(data));
        for (Build x : b) x.warmUp();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[][] cpu = new double[b.length][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < b.length; k++) {
                long c0 = mx.getCurrentThreadCpuTime();
                b[k].run();
                cpu[k][r] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            }
        }
        for (int k = 0; k < b.length; k++) {
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) ratio[r] = cpu[k][r] / cpu[0][r];
            System.out.printf(
                    "%s: cpu min %.3f s, median %.3f s; per-round ratio to %s: median %.3f%n",
                    builds[k], min(cpu[k]), median(cpu[k]), builds[0], median(ratio));
        }
    }

    private static double min(double[] x) {
        return Arrays.stream(x).min().orElse(Double.NaN);
    }

    /** The upper median (the middle value for an odd count). */
    static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** One build: its own copy of the module's (and the test sources') classes, the rest shared on disk. */
    private static final class Build {
        private final Method simulate;
        private final Object cell;
        private final Object catalogue;

        Build(String classes, String shared, String mechanismPath, Path data) throws Exception {
            List<URL> urls = new ArrayList<>();
            urls.add(Path.of(classes).toUri().toURL());
            for (String p : shared.split(java.io.File.pathSeparator))
                urls.add(Path.of(p).toUri().toURL());
            ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            Class<?> comparison = loader.loadClass("org.bsb.neuron.nmodl.stellate.StellateComparison");
            Class<?> catalogueType = loader.loadClass("org.bsb.neuron.nmodl.catalogue.NmodlCatalogue");
            List<Path> dirs = new ArrayList<>();
            for (String d : mechanismPath.split(":")) dirs.add(Path.of(d));
            catalogue = catalogueType
                    .getMethod("fromDirectories", String.class, List.class)
                    .invoke(null, "BSB_MECHANISM_PATH", dirs);
            cell = comparison.getMethod("buildCell", Path.class).invoke(null, data);
            Method found = null;
            for (Method m : comparison.getMethods()) if (m.getName().equals("simulate")) found = m;
            simulate = found;
        }

        void warmUp() throws Exception {
            // compilation, then C2 settling on the large solve methods (as StellateBenchmark)
            for (int k = 0; k < 6; k++) run();
        }

        void run() throws Exception {
            simulate.invoke(null, cell, catalogue, 0.3, 1);
        }
    }
}
