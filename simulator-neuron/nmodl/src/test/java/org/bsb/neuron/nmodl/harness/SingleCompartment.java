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
import org.bsb.neuron.nmodl.units.UnitConstants;
import org.bsb.neuron.spi.EventSink;
import org.bsb.neuron.spi.IonArrays;
import org.bsb.neuron.spi.IonUse;
import org.bsb.neuron.spi.MechContext;
import org.bsb.neuron.spi.Mechanism;

/**
 * A one-compartment driver of SPI mechanisms in NEURON's fixed-step order (secondorder = 0), for
 * mechanism-level checks of compiled mod files against NEURON: events due by t + dt/2 are delivered
 * (simultaneous ones last-scheduled first, as NEURON does), currents are evaluated at t + dt/2, the voltage
 * takes a backward-Euler step, then states advance at t + dt.
 */
public final class SingleCompartment implements EventSink {
    /** An ion of the compartment: valence, reversal potential at rest (NaN: Nernst), concentrations. */
    public record Ion(String name, int valence, double e0, double ci0, double co0) {}

    /** NEURON's defaults for na, k and ca. */
    public static final List<Ion> DEFAULT_IONS = List.of(
            new Ion("na", 1, 50, 10, 140), new Ion("k", 1, -77, 54.4, 2.5), new Ion("ca", 2, Double.NaN, 5e-5, 2));

    private final String[] ionNames;
    private final int[] valences;
    private final double[] rest;
    private final double[] inside;
    private final double[] outside;

    public final double area;
    public double cm = 1;
    public double dt = 0.025;
    public double celsius = 6.3;
    public double t;
    public final double[] v = new double[1];
    private final double[] rhs = new double[1];
    private final double[] d = new double[1];
    private final Map<String, IonArrays> ions = new LinkedHashMap<>();
    private final MechContext ctx;
    private final boolean[] concWritten;
    private final List<Mechanism> mechs = new ArrayList<>();
    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private final List<Event> initialEvents = new ArrayList<>();
    private long seq;

    private record Event(double time, long seq, Mechanism mech, int instance, double flag, double[] args)
            implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            int c = Double.compare(time, o.time);
            return c != 0 ? c : Long.compare(o.seq, seq);
        }
    }

    /** A cylinder of length = diameter = {@code size} um, as NEURON's L = diam = size section with nseg = 1. */
    public SingleCompartment(double size) {
        this(size, List.of());
    }

    /** As {@link #SingleCompartment(double)}, with ions beyond na, k and ca (catalogues name their own). */
    public SingleCompartment(double size, List<Ion> extraIons) {
        List<Ion> all = new ArrayList<>(DEFAULT_IONS);
        all.addAll(extraIons);
        ionNames = all.stream().map(Ion::name).toArray(String[]::new);
        valences = all.stream().mapToInt(Ion::valence).toArray();
        rest = all.stream().mapToDouble(Ion::e0).toArray();
        inside = all.stream().mapToDouble(Ion::ci0).toArray();
        outside = all.stream().mapToDouble(Ion::co0).toArray();
        concWritten = new boolean[ionNames.length];
        this.area = Math.PI * size * size;
        for (int g = 0; g < ionNames.length; g++) ions.put(ionNames[g], new IonArrays(ionNames[g], valences[g], 1));
        ctx = new MechContext(v, rhs, d, new double[] {area}, new double[] {size}, ions);
        ctx.events = this;
    }

    public static String resource(String path) {
        try (InputStream in = SingleCompartment.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalArgumentException("missing test resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Inserts one instance of a mechanism compiled from the mod text. */
    public Mechanism insert(String file, String modText) {
        Mechanism m = NmodlCompiler.compile(file, modText).create(1);
        m.nodes()[0] = 0;
        for (IonUse u : m.type().ions()) {
            if (!ions.containsKey(u.ion())) throw new IllegalArgumentException("harness has no ion " + u.ion());
            if (u.writesConcentration())
                concWritten[java.util.Arrays.asList(ionNames).indexOf(u.ion())] = true;
        }
        mechs.add(m);
        return m;
    }

    /** A connection to instance 0 of {@code m} with the given weight; returns its weight vector. */
    public double[] connect(Mechanism m, double weight) {
        double[] args = new double[Math.max(1, m.type().weightCount())];
        args[0] = weight;
        return args;
    }

    /** Schedules an external event (like NetCon.event) at {@code time} through a connection's vector. */
    public void event(double[] args, Mechanism m, double time) {
        initialEvents.add(new Event(time, seq++, m, 0, 0, args));
    }

    private double nernst(int g) {
        double ktf = 1000 * UnitConstants.GAS_CONSTANT * (celsius + 273.15) / UnitConstants.FARADAY;
        IonArrays a = ions.get(ionNames[g]);
        return ktf / valences[g] * Math.log(a.co[0] / a.ci[0]);
    }

    private void ionCurrentsReset() {
        for (int g = 0; g < ionNames.length; g++) {
            IonArrays a = ions.get(ionNames[g]);
            if (concWritten[g]) a.e[0] = nernst(g);
            a.cur[0] = 0;
            a.dcurdv[0] = 0;
        }
    }

    public void initialize(double vInit) {
        t = 0;
        v[0] = vInit;
        for (int g = 0; g < ionNames.length; g++) {
            IonArrays a = ions.get(ionNames[g]);
            a.ci[0] = inside[g];
            a.co[0] = outside[g];
            a.e[0] = Double.isNaN(rest[g]) ? nernst(g) : rest[g];
        }
        ctx.t = 0;
        ctx.dt = dt;
        ctx.celsius = celsius;
        queue.clear();
        for (Mechanism m : mechs) m.bind(ctx);
        for (Mechanism m : mechs) m.init(ctx);
        queue.addAll(initialEvents);
        // finitialize ends by evaluating the currents once (ion and assigned currents are set at t = 0)
        ionCurrentsReset();
        rhs[0] = 0;
        d[0] = 0;
        for (Mechanism m : mechs) m.current(ctx);
    }

    private void deliver(double until) {
        while (!queue.isEmpty() && queue.peek().time() <= until) {
            Event e = queue.poll();
            ctx.t = e.time();
            e.mech().netReceive(ctx, e.instance(), e.args(), 0, e.flag());
        }
    }

    public void step() {
        deliver(t + dt / 2);
        t += dt / 2; // NEURON advances t in two halves around the matrix solve
        ctx.t = t;
        ionCurrentsReset();
        rhs[0] = 0;
        d[0] = 0;
        for (Mechanism m : mechs) m.current(ctx);
        // cm dV/dt (uF/cm2 * mV/ms = 1e-3 mA/cm2) = rhs - d dV
        v[0] += rhs[0] / (1e-3 * cm / dt + d[0]);
        t += dt / 2;
        ctx.t = t;
        for (Mechanism m : mechs) m.state(ctx);
    }

    @Override
    public void netSend(Mechanism mechanism, int instance, double time, double flag) {
        queue.add(new Event(time, seq++, mechanism, instance, flag, null));
    }

    @Override
    public void netEvent(Mechanism mechanism, int instance, double time) {}

    /** Ion quantity: part e, i, o or cur. */
    public double ion(String part, String ion) {
        IonArrays a = ions.get(ion);
        return switch (part) {
            case "e" -> a.e[0];
            case "i" -> a.ci[0];
            case "o" -> a.co[0];
            default -> a.cur[0];
        };
    }
}
