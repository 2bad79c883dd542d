package org.bsb.neuron.nmodl.harness;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.bsb.neuron.nmodl.NmodlCompiler;
import org.bsb.neuron.nmodl.runtime.CompiledKernel;
import org.bsb.neuron.nmodl.runtime.MechanismInfo;
import org.bsb.neuron.nmodl.runtime.NetEvents;
import org.bsb.neuron.nmodl.units.UnitConstants;

/**
 * A one-compartment simulator in NEURON's fixed-step order (secondorder = 0), for mechanism-level checks of
 * compiled mod files against NEURON: events due by t + dt/2 are delivered, currents are evaluated at
 * t + dt/2, the voltage takes a backward-Euler step, then states advance at t + dt.
 */
public final class SingleCompartment implements NetEvents {
  public static final String[] IONS = {"na", "k", "ca"};
  private static final double[] E0 = {50, -77, Double.NaN};
  private static final double[] CI0 = {10, 54.4, 5e-5};
  private static final double[] CO0 = {140, 2.5, 2};
  private static final double[] VALENCE = {1, 1, 2};

  public final double area;
  public final double diam;
  public double cm = 1;
  public double dt = 0.025;
  public double celsius = 6.3;
  public double t;
  public final double[] v = new double[1];
  public final double[][] ionE = new double[3][1], ionCi = new double[3][1], ionCo = new double[3][1],
      ionCur = new double[3][1], ionDcur = new double[3][1];
  private final boolean[] concWritten = new boolean[3];
  private final List<CompiledKernel> kernels = new ArrayList<>();
  private final Map<String, CompiledKernel> byName = new LinkedHashMap<>();
  private final List<int[]> ionMaps = new ArrayList<>();
  private final PriorityQueue<Event> queue = new PriorityQueue<>();
  private final List<Event> initialEvents = new ArrayList<>();
  private final List<double[]> connections = new ArrayList<>();
  private long seq;

  private record Event(double time, long seq, CompiledKernel kernel, int instance, double flag, double[] args)
      implements Comparable<Event> {
    @Override public int compareTo(Event o) {
      int c = Double.compare(time, o.time);
      return c != 0 ? c : Long.compare(o.seq, seq); // NEURON delivers simultaneous events last-scheduled first
    }
  }

  /** A cylinder of length = diameter = {@code size} um, as NEURON's L = diam = size section with nseg = 1. */
  public SingleCompartment(double size) {
    this.diam = size;
    this.area = Math.PI * size * size;
  }

  public static String resource(String path) {
    try (InputStream in = SingleCompartment.class.getResourceAsStream(path)) {
      if (in == null) throw new IllegalArgumentException("missing test resource " + path);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Inserts a mechanism compiled from the mod text; returns its kernel with one instance. */
  public CompiledKernel insert(String label, String file, String modText) {
    CompiledKernel k = NmodlCompiler.compile(file, modText).newKernel();
    k.allocate(1);
    k.node[0] = 0;
    k.nodeV = v;
    k.area[0] = area;
    k.diam[0] = diam;
    MechanismInfo info = k.info();
    int ni = info.ions().size();
    k.ionE = new double[ni][];
    k.ionCi = new double[ni][];
    k.ionCo = new double[ni][];
    k.ionCur = new double[ni][];
    k.ionDcur = new double[ni][];
    int[] map = new int[ni];
    for (int j = 0; j < ni; j++) {
      MechanismInfo.Ion ion = info.ions().get(j);
      int g = java.util.Arrays.asList(IONS).indexOf(ion.name());
      if (g < 0) throw new IllegalArgumentException("harness has no ion " + ion.name());
      map[j] = g;
      k.ionE[j] = ionE[g];
      k.ionCi[j] = ionCi[g];
      k.ionCo[j] = ionCo[g];
      k.ionCur[j] = ionCur[g];
      k.ionDcur[j] = ionDcur[g];
      if (ion.writesConcentration()) concWritten[g] = true;
    }
    k.events = this;
    kernels.add(k);
    ionMaps.add(map);
    byName.put(label, k);
    return k;
  }

  public CompiledKernel kernel(String label) {
    return byName.get(label);
  }

  /** A connection to instance 0 of {@code k} with the given weight; returns its argument vector. */
  public double[] connect(CompiledKernel k, double weight) {
    double[] args = new double[Math.max(1, k.info().netReceiveArgs())];
    args[0] = weight;
    connections.add(args);
    connOwner.add(k);
    return args;
  }

  private final List<CompiledKernel> connOwner = new ArrayList<>();

  /** Schedules an external event (like NetCon.event) at time {@code time} on a connection. */
  public void event(double[] args, CompiledKernel k, double time) {
    initialEvents.add(new Event(time, seq++, k, 0, 0, args));
  }

  private double nernst(int g) {
    double ktf = 1000 * UnitConstants.GAS_CONSTANT * (celsius + 273.15) / UnitConstants.FARADAY;
    return ktf / VALENCE[g] * Math.log(ionCo[g][0] / ionCi[g][0]);
  }

  public void initialize(double vInit) {
    t = 0;
    v[0] = vInit;
    for (int g = 0; g < 3; g++) {
      ionCi[g][0] = CI0[g];
      ionCo[g][0] = CO0[g];
      ionE[g][0] = Double.isNaN(E0[g]) ? nernst(g) : E0[g];
    }
    for (CompiledKernel k : kernels) {
      k.t = 0;
      k.dt = dt;
      k.celsius = celsius;
    }
    queue.clear();
    for (CompiledKernel k : kernels) k.init();
    for (int c = 0; c < connections.size(); c++) connOwner.get(c).netInit(0, connections.get(c));
    queue.addAll(initialEvents);
    // finitialize ends by evaluating the currents once (so ion currents and assigned currents are set at t = 0)
    for (int g = 0; g < 3; g++) {
      if (concWritten[g]) ionE[g][0] = nernst(g);
      ionCur[g][0] = 0;
      ionDcur[g][0] = 0;
    }
    double[] rhs = {0};
    double[] d = {0};
    for (CompiledKernel k : kernels) k.current(rhs, d);
  }

  private void deliver(double until) {
    while (!queue.isEmpty() && queue.peek().time() <= until + 1e-12) {
      Event e = queue.poll();
      e.kernel().t = e.time();
      e.kernel().netReceive(e.instance(), e.args(), e.flag());
    }
  }

  public void step() {
    deliver(t + dt / 2);
    t += dt / 2; // NEURON advances t in two halves around the matrix solve
    double tm = t;
    for (int g = 0; g < 3; g++) {
      if (concWritten[g]) ionE[g][0] = nernst(g);
      ionCur[g][0] = 0;
      ionDcur[g][0] = 0;
    }
    double[] rhs = {0};
    double[] d = {0};
    for (CompiledKernel k : kernels) {
      k.t = tm;
      k.current(rhs, d);
    }
    // cm dV/dt (uF/cm2 * mV/ms = 1e-3 mA/cm2) = rhs - d dV
    double dv = rhs[0] / (1e-3 * cm / dt + d[0]);
    v[0] += dv;
    t += dt / 2;
    for (CompiledKernel k : kernels) {
      k.t = t;
      k.state();
    }
  }

  @Override public void netSend(CompiledKernel kernel, int instance, double time, double flag, double[] args) {
    queue.add(new Event(time, seq++, kernel, instance, flag, args));
  }

  @Override public void netEvent(CompiledKernel kernel, int instance, double time) {}

  public double ion(String part, String ion) {
    int g = java.util.Arrays.asList(IONS).indexOf(ion);
    return switch (part) {
      case "e" -> ionE[g][0];
      case "i" -> ionCi[g][0];
      case "o" -> ionCo[g][0];
      default -> ionCur[g][0];
    };
  }
}
