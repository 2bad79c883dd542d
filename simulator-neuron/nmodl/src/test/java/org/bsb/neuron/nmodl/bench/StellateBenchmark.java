package org.bsb.neuron.nmodl.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bsb.neuron.cable.CableCell;
import org.bsb.neuron.nmodl.catalogue.NmodlCatalogue;
import org.bsb.neuron.nmodl.stellate.StellateComparison;

/**
 * Benchmark (not a test): the Stellate cell with the dbbs catalogue compiled by this compiler, IClamp
 * 0.3 nA, 100 ms at dt 0.025, 1 cell and 30 unconnected copies, single-threaded, against NEURON timed in
 * the same run by the shared reference script ({@code build_reference.py --timing}, which runs the same
 * model with the catalogue compiled by nrnivmodl). Times are initialisation plus run, best of 3 after a
 * warm-up. Usage: see simulator-neuron/nmodl/benchmark.sh.
 */
public final class StellateBenchmark {
  private StellateBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path data = StellateComparison.dataDir();
    String path = System.getenv("BSB_MECHANISM_PATH");
    String mechLib = System.getenv("NRNREF_MECH_LIB");
    if (data == null || path == null) {
      System.err.println("set BSB_MECHANISM_PATH and BSB_NEURON_DATA (and NRNREF_MECH_LIB for NEURON's timing)");
      System.exit(2);
    }
    List<Path> dirs = new ArrayList<>();
    for (String d : path.split(":")) dirs.add(Path.of(d));
    NmodlCatalogue cat = NmodlCatalogue.fromDirectories("BSB_MECHANISM_PATH", dirs);
    CableCell cell = StellateComparison.buildCell(data);
    double neuron1 = Double.NaN;
    double neuron30 = Double.NaN;
    if (mechLib != null) {
      Path out = Files.createTempDirectory("nrnref");
      Process p = new ProcessBuilder("/usr/bin/python3", data.resolve("neuron-reference/build_reference.py").toString(),
          "--mech-lib", mechLib, "--out", out.toString(), "--timing").redirectErrorStream(true).start();
      String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) throw new IllegalStateException("NEURON timing failed:\n" + log);
      String summary = Files.readString(out.resolve("summary.json"));
      neuron1 = min(summary, "timing_single_cell_0.3nA_s");
      neuron30 = min(summary, "timing_30_cells_0.3nA_s");
    }
    double ours1 = best(cell, cat, 1);
    double ours30 = best(cell, cat, 30);
    System.out.printf("Stellate + dbbs catalogue, 0.3 nA, 100 ms, 1 thread%n");
    System.out.printf("  1 cell:    NEURON %.3f s, ours %.3f s, ours/NEURON %.3f%n", neuron1, ours1, ours1 / neuron1);
    System.out.printf("  30 cells:  NEURON %.3f s, ours %.3f s, ours/NEURON %.3f%n", neuron30, ours30, ours30 / neuron30);
  }

  private static double min(String json, String key) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\":\\s*\\{[^}]*?\"min\":\\s*([0-9.eE+-]+)").matcher(json);
    if (!m.find()) throw new IllegalStateException("no " + key + " in NEURON's summary");
    return Double.parseDouble(m.group(1));
  }

  private static double best(CableCell cell, NmodlCatalogue cat, int copies) {
    double best = Double.POSITIVE_INFINITY;
    for (int rep = 0; rep < 4; rep++) {
      long t0 = System.nanoTime();
      StellateComparison.simulate(cell, cat, 0.3, copies);
      double s = (System.nanoTime() - t0) / 1e9;
      if (rep > 0) best = Math.min(best, s);
    }
    return best;
  }
}
