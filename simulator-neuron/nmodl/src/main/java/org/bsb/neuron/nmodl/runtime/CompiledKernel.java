package org.bsb.neuron.nmodl.runtime;

/**
 * Base class of every generated mechanism: the instances of one mechanism type in one group of cells,
 * stored as structure of arrays. The engine fills the public arrays (node index, node voltage, area,
 * diameter, ion arrays indexed by node) and calls the phases in NEURON's fixed-step order:
 * {@link #init()} at finitialize, {@link #current} while assembling the matrix (at t + dt/2),
 * {@link #state()} after the voltage update (at t + dt).
 */
public abstract class CompiledKernel {
  /** Number of instances. */
  public int n;
  /** Node (compartment) index of each instance. */
  public int[] node;
  /** Voltage per node (mV), shared with the engine. */
  public double[] nodeV;
  /** Area of each instance's node (um2); point processes scale their nA currents by 100/area. */
  public double[] area;
  /** Diameter of each instance's segment (um). */
  public double[] diam;
  /** Per ion (in {@link MechanismInfo#ions()} order): reversal potential, inside and outside concentration,
   * current and its derivative by v, each indexed by node. */
  public double[][] ionE, ionCi, ionCo, ionCur, ionDcur;
  /** Simulation time (ms), step (ms) and temperature (degC). */
  public double t, dt = 0.025, celsius = 6.3;
  public NetEvents events = NetEvents.NONE;
  /** The per-instance fields, in {@link MechanismInfo#fields()} order (array fields have n*size entries). */
  protected double[][] fields;

  public abstract MechanismInfo info();

  /** Allocates storage for {@code count} instances, each field at its default. */
  public void allocate(int count) {
    MechanismInfo inf = info();
    n = count;
    fields = new double[inf.fields().size()][];
    for (int k = 0; k < fields.length; k++) {
      MechanismInfo.Field f = inf.fields().get(k);
      fields[k] = new double[count * Math.max(1, f.size())];
      java.util.Arrays.fill(fields[k], f.defaultValue());
    }
    node = new int[count];
    area = new double[count];
    diam = new double[count];
    java.util.Arrays.fill(area, 100.0);
    java.util.Arrays.fill(diam, 1.0);
    bind();
  }

  /** Copies field array references into the generated class's own fields. */
  protected abstract void bind();

  /** The storage of one field (length n for scalars). */
  public double[] field(String name) {
    int k = info().fieldIndex(name);
    if (k < 0) throw new IllegalArgumentException(info().name() + " has no variable '" + name + "'");
    return fields[k];
  }

  public abstract void init();

  /** Adds the membrane current to {@code rhs} (as -i) and its conductance to {@code d}, per node, in mA/cm2. */
  public abstract void current(double[] rhs, double[] d);

  public abstract void state();

  /** NET_RECEIVE for one instance; {@code args} is the connection's argument vector (weight first). */
  public void netReceive(int instance, double[] args, double flag) {
    throw new UnsupportedOperationException(info().name() + " has no NET_RECEIVE block");
  }

  /** The INITIAL block inside NET_RECEIVE, run per connection at finitialize. */
  public void netInit(int instance, double[] args) {}

  // ------------------------------------------------------------------ helpers for generated code
  protected static double bool(boolean b) {
    return b ? 1.0 : 0.0;
  }

  protected static double exprelr(double x) {
    return Math.abs(x) < 1e-5 ? 1.0 - x / 2 : x / Math.expm1(x);
  }

  protected final void netSend(int i, double delay, double flag, double[] args) {
    events.netSend(this, i, t + delay, flag, args);
  }

  protected final void netEvent(int i, double time) {
    events.netEvent(this, i, time);
  }
}
