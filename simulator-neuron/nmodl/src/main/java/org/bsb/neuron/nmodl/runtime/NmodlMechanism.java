package org.bsb.neuron.nmodl.runtime;

import java.util.IdentityHashMap;
import java.util.Map;
import org.bsb.neuron.spi.EventSink;
import org.bsb.neuron.spi.IonArrays;
import org.bsb.neuron.spi.MechContext;
import org.bsb.neuron.spi.Mechanism;

/**
 * Base class of every mechanism generated from an NMODL file: the SPI's structure of arrays plus what the
 * generated code needs from the engine (node arrays, ion arrays, time, events) cached per callback.
 */
public abstract class NmodlMechanism extends Mechanism {
    /** Number of instances. */
    protected final int n;

    protected final MechanismInfo info;
    /** Node-indexed arrays of the current callback's context. */
    protected double[] nodeV, area, diam;
    /** Per ion (in {@link MechanismInfo#ions()} order), node-indexed: e, ci, co, cur, dcur/dv. */
    protected final double[][] ionE, ionCi, ionCo, ionCur, ionDcur;

    protected double t, dt, celsius;
    /**
     * Deepest nesting of the file's recursive FUNCTION and PROCEDURE calls (NEURON has no limit and crashes with
     * the C stack; real recursions, if any, stay far below this).
     */
    public static final int MAX_RECURSION = 1000;
    /** Calls of recursive FUNCTIONs and PROCEDUREs in progress (generated code counts them). */
    protected int recursion;

    private EventSink events;
    /** Weight vectors of pending self-events, so that net_send carries the sender's NET_RECEIVE arguments. */
    private final java.util.ArrayDeque<Object[]> pending = new java.util.ArrayDeque<>();
    /** Connections whose NET_RECEIVE INITIAL block has run since the last {@link #init}. */
    private Map<double[], boolean[]> initialised = new IdentityHashMap<>();

    protected NmodlMechanism(NmodlMechanismType type, int count) {
        super(type, count);
        this.n = count;
        this.info = type.info();
        int ni = info.ions().size();
        ionE = new double[ni][];
        ionCi = new double[ni][];
        ionCo = new double[ni][];
        ionCur = new double[ni][];
        ionDcur = new double[ni][];
    }

    /** The storage row of variable k (generated constructors alias them into named fields). */
    protected final double[] row(int k) {
        return vars[k];
    }

    @Override
    public void bind(MechContext ctx) {
        for (int k = 0; k < info.ions().size(); k++) {
            IonArrays a = ctx.ion(info.ions().get(k).name());
            ionE[k] = a.e;
            ionCi[k] = a.ci;
            ionCo[k] = a.co;
            ionCur[k] = a.cur;
            ionDcur[k] = a.dcurdv;
        }
        enter(ctx);
    }

    /** Caches the context's arrays and clocks for the generated loops. */
    protected final void enter(MechContext ctx) {
        nodeV = ctx.v;
        area = ctx.area;
        diam = ctx.diam;
        t = ctx.t;
        dt = ctx.dt;
        celsius = ctx.celsius;
        events = ctx.events;
        uniforms();
    }

    /** Recomputes the generated values that depend only on {@code celsius}, {@code dt} and constants. */
    protected void uniforms() {}

    /** Called by generated {@code init}: forgets connection state so NET_RECEIVE INITIAL runs again. */
    protected final void resetConnections() {
        initialised = new IdentityHashMap<>();
        pending.clear();
    }

    /**
     * Runs the NET_RECEIVE INITIAL block for a connection's argument vector the first time it is seen after
     * initialisation (as NEURON does for every NetCon at finitialize, with t = 0).
     */
    protected final void connectionInit(int instance, double[] args, int off) {
        boolean[] done = initialised.computeIfAbsent(args, k -> new boolean[Math.max(1, k.length)]);
        if (off < done.length && !done[off]) {
            done[off] = true;
            double saved = t;
            t = 0.0;
            netInit(instance, args, off);
            t = saved;
        }
    }

    /** The NET_RECEIVE INITIAL block (generated when the file has one). */
    protected void netInit(int instance, double[] args, int off) {}

    protected final void netSend(int i, double delay, double flag, double[] args, int off) {
        if (events == null) throw new IllegalStateException(info.name() + ": net_send without an event queue");
        pending.add(new Object[] {i, t + delay, flag, args, off});
        events.netSend(this, i, t + delay, flag);
    }

    /** The argument vector that a self-event to {@code i} with {@code flag} at time {@code time} carries. */
    protected final Object[] takePending(int i, double time, double flag) {
        for (java.util.Iterator<Object[]> it = pending.iterator(); it.hasNext(); ) {
            Object[] p = it.next();
            if ((Integer) p[0] == i && (Double) p[2] == flag && Math.abs((Double) p[1] - time) <= 1e-9) {
                it.remove();
                return p;
            }
        }
        return null;
    }

    protected final void netEvent(int i, double time) {
        if (events != null) events.netEvent(this, i, time);
    }

    @Override
    public void setGlobal(String name, double value) {
        int k = type().variableIndex(name);
        if (k < 0) super.setGlobal(name, value);
        java.util.Arrays.fill(vars[k], value);
    }

    /** The error of a runaway recursion of {@link MechanismInfo#recursive()}{@code .get(k)}. */
    protected final RuntimeException recursedTooDeep(int k) {
        recursion = 0;
        return new IllegalStateException("mechanism " + info.name() + " (" + info.file() + "): "
                + info.recursive().get(k)
                + " recursed deeper than " + MAX_RECURSION + " calls at t = "
                + new java.math.BigDecimal(t)
                        .round(new java.math.MathContext(10))
                        .stripTrailingZeros()
                        .toPlainString()
                + " ms (NEURON would crash)");
    }

    /**
     * Picks a phase's form call by call while the JIT warms up. The scalar and vector forms give the same bits, so
     * the choice changes the speed only: the vector form's methods run in the interpreter, very slowly, until C2
     * has compiled them (C1 is kept off them), while the scalar form is compiled early. The vector form is tried
     * now and then (which also counts towards its compilation), the more rarely the slower its last try was
     * against the fastest scalar call, so trying costs about one scalar call's time per try; once a vector call is
     * no slower than the fastest scalar call, the vector form is used from then on. A generated class keeps one per
     * phase for all its instances (groups, threads, runs): unsynchronised, as a lost update only delays the switch.
     * (Giving the vector form up after a few tries slower than the scalar one, as for a mechanism of a few instances,
     * was measured worse: a try can run a vector form that C2 has compiled only in part.)
     */
    protected static final class FormChoice {
        private long untilTry = 8;
        private long scalarNanos = Long.MAX_VALUE;
        private volatile boolean settled;

        public FormChoice() {}

        /** Whether the vector form is used from now on. */
        public boolean settled() {
            return settled;
        }

        /** Whether this call (before {@link #settled()}) tries the vector form. */
        public boolean tryVector() {
            return --untilTry <= 0;
        }

        /** Records how long a call took in the form it ran. */
        public void ran(boolean vector, long nanos) {
            if (!vector) {
                scalarNanos = Math.min(scalarNanos, nanos);
            } else if (nanos <= scalarNanos) {
                settled = true;
            } else {
                untilTry = Math.max(8, Math.min(1024, nanos / Math.max(1, scalarNanos)));
            }
        }
    }

    protected static double bool(boolean b) {
        return b ? 1.0 : 0.0;
    }

    /** The Taylor coefficients of exp the vector forms and {@link #hexp} share: 1/13!, 1/12!, ..., 1/1!, 1/0!. */
    public static final double[] EXP_TAYLOR = expTaylor();

    private static double[] expTaylor() {
        double[] c = new double[14];
        for (int k = 13; k >= 0; k--) {
            double f = 1.0;
            for (int j = 2; j <= k; j++) f *= j; // exact: 13! < 2^53
            c[13 - k] = 1.0 / f;
        }
        return c;
    }

    /**
     * NEURON's exp for mod files (hoc_Exp: 0 below -700, exp(700) above 700), computed exactly as the vector
     * forms compute it in each lane (the generator's VectorMath.exp), so that a mechanism's scalar and vector
     * forms give the same bits: x = k ln 2 + r with Cody and Waite's two-part ln 2 (k rounded by adding
     * 1.5 * 2^52, whose low bits then hold k), exp(r) by its Taylor series to degree 13 on |r| <= ln 2 / 2, times
     * 2^k made in the exponent bits. IEEE operations only (Java never fuses them): within 1 ulp of Math.exp.
     */
    protected static double hexp(double x) {
        final double c = Math.max(Math.min(x, 700.0), -700.0);
        final double t = c * 1.4426950408889634 + 0x1.8p52;
        final double k = t - 0x1.8p52;
        final double r = c - k * 0.6931471803691238 - k * 1.9082149292705877E-10;
        double p = EXP_TAYLOR[0];
        for (int j = 1; j < EXP_TAYLOR.length; j++) p = p * r + EXP_TAYLOR[j];
        final double scale = Double.longBitsToDouble((Double.doubleToRawLongBits(t) + 1023L) << 52);
        return x < -700.0 ? 0.0 : p * scale;
    }

    /** x^n for a whole n of 1 to 8 as repeated products ((x x) x) ..., as the vector forms compute it. */
    protected static double pown(double x, int n) {
        double y = x;
        for (int k = 1; k < n; k++) y = y * x;
        return y;
    }

    protected static double exprelr(double x) {
        return Math.abs(x) < 1e-5 ? 1.0 - x / 2 : x / Math.expm1(x);
    }
}
