package org.bsb.neuron.cable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bsb.neuron.spi.EventSink;
import org.bsb.neuron.spi.IonArrays;
import org.bsb.neuron.spi.MechContext;
import org.bsb.neuron.spi.Mechanism;

/**
 * The executor of one {@link GroupLayout}: the cells a worker steps together, their nodes in one set of arrays,
 * one SoA {@link Mechanism} per type, their ion pools, its own event queue. It initialises, steps, delivers
 * events and records; what it holds and where comes from the layout. Every per-instance and per-cell
 * computation is independent of which other cells share the group, so results are identical at any thread
 * count.
 */
final class CellGroup implements EventSink {
    private static final long SELF_KEY_BASE = 1L << 40;

    final GroupLayout layout;
    final int nodeCount;
    final double[] v;
    final double[] rhs;
    final double[] d;
    final double[] a;
    final double[] b;
    final double[] cm;
    final int[] parent;
    final Mechanism[] mechs;
    final MechContext ctx;
    private final IonArrays[] ions;
    /** Per ion, nodes whose reversal potential follows the concentrations (Nernst). */
    private final int[][] nernstNodes;

    private final double celsius;
    final EventQueue queue = new EventQueue();
    private long selfSeq;

    // point instances: global point id -> (slot, instance) here, or -1
    private final int[] pointSlot;
    private final int[] pointInstance;

    // threshold sources of this group
    private final int[] thrSource;
    private final int[] thrNode;
    private final double[] thrValue;
    private final boolean[] thrAbove;
    /** artificial-cell outputs: slot -> instance -> source id (or -1). */
    private final int[][] artSource;

    /** Spikes sent since the last exchange (taken and cleared by the time loop between intervals). */
    final Spikes outgoing = new Spikes();

    // connections (shared, read-only except target weights)
    private final int[] ncTarget;
    private final double[][] ncWeights;

    // probes
    private final double[][] probeArray;
    private final int[] probeIndex;
    private final double[][] probeOut;
    private final int[] probeId;

    double t;
    final double dt;

    // for messages about non-finite values: where the group's nodes come from
    private final Network net;
    private final SimSettings.NonFinite nonFinite;
    /** Set once a non-finite value has been reported in warn mode: the rest of the run is not checked again. */
    private boolean nonFiniteReported;

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(CellGroup.class.getName());

    /**
     * @param ncTarget per connection, its target point (shared by all groups)
     * @param weights per connection, its weights (shared by all groups; a NET_RECEIVE block may change them)
     * @param steps the run's steps: the recordings have {@code steps + 1} rows
     */
    CellGroup(Network net, GroupLayout layout, SimSettings settings, int[] ncTarget, double[][] weights, int steps) {
        this.layout = layout;
        this.dt = settings.dt();
        this.celsius = settings.celsius();
        this.net = net;
        this.nonFinite = settings.nonFinite();
        GroupLayout.Nodes nodes = layout.nodes();
        int n = nodes.count();
        nodeCount = n;
        v = new double[n];
        rhs = new double[n];
        d = new double[n];
        a = nodes.a();
        b = nodes.b();
        cm = nodes.cm();
        parent = nodes.parent();
        pointSlot = layout.pointSlot();
        pointInstance = layout.pointInstance();
        mechs = createMechanisms(layout.mechanisms());

        Map<String, IonArrays> ionMap = new LinkedHashMap<>();
        ions = new IonArrays[layout.ions().size()];
        nernstNodes = new int[ions.length][];
        for (int i = 0; i < ions.length; i++) {
            GroupLayout.IonPool pool = layout.ions().get(i);
            IonArrays arr = new IonArrays(pool.name(), pool.valence(), n);
            System.arraycopy(pool.e(), 0, arr.e, 0, n);
            System.arraycopy(pool.ci(), 0, arr.ci, 0, n);
            System.arraycopy(pool.co(), 0, arr.co, 0, n);
            ions[i] = arr;
            nernstNodes[i] = pool.nernstNodes();
            ionMap.put(pool.name(), arr);
        }
        ctx = new MechContext(v, rhs, d, nodes.area(), nodes.diam(), ionMap);
        ctx.dt = dt;
        ctx.celsius = celsius;
        ctx.events = this;

        GroupLayout.Thresholds thr = layout.thresholds();
        thrSource = thr.source();
        thrNode = thr.node();
        thrValue = thr.value();
        thrAbove = new boolean[thr.count()];
        artSource = layout.artificialSource();

        this.ncTarget = ncTarget;
        ncWeights = weights;

        List<GroupLayout.ProbeSite> sites = layout.probes();
        probeId = new int[sites.size()];
        probeArray = new double[sites.size()][];
        probeIndex = new int[sites.size()];
        for (int k = 0; k < sites.size(); k++) {
            GroupLayout.ProbeSite site = sites.get(k);
            probeId[k] = site.probe();
            if (site instanceof GroupLayout.VoltageProbe vp) {
                probeArray[k] = v;
                probeIndex[k] = vp.node();
            } else if (site instanceof GroupLayout.IonProbe ip) {
                IonArrays ion = ions[ip.ion()];
                probeArray[k] = switch (ip.quantity()) {
                    case "e" -> ion.e;
                    case "ci" -> ion.ci;
                    case "co" -> ion.co;
                    default -> ion.cur;
                };
                probeIndex[k] = ip.node();
            } else if (site instanceof GroupLayout.MechanismProbe mp) {
                probeArray[k] = mechs[mp.slot()].variable(mp.variable());
                probeIndex[k] = mp.instance();
            }
        }
        probeOut = new double[probeId.length][steps + 1];
    }

    /** One {@link Mechanism} per slot: created for its instance count, nodes, parameters and vectors set. */
    private static Mechanism[] createMechanisms(List<GroupLayout.MechanismInstances> instances) {
        Mechanism[] out = new Mechanism[instances.size()];
        for (int slot = 0; slot < out.length; slot++) {
            GroupLayout.MechanismInstances mi = instances.get(slot);
            Mechanism m = mi.type().create(mi.count());
            for (int i = 0; i < mi.count(); i++) {
                m.nodes()[i] = mi.node()[i];
                for (Map.Entry<String, Double> e : mi.params().get(i).entrySet()) {
                    m.variable(e.getKey())[i] = e.getValue();
                }
                for (Map.Entry<String, double[]> e : mi.vectors().get(i).entrySet()) {
                    m.setVector(i, e.getKey(), e.getValue());
                }
            }
            out[slot] = m;
        }
        return out;
    }

    int[] probeIds() {
        return probeId;
    }

    double[][] probeOutputs() {
        return probeOut;
    }

    /**
     * NEURON's finitialize(vInit): v, ions, INITIAL blocks, then the currents once at t = 0 (NEURON's
     * setup_tree_matrix, so that recorded ion and mechanism currents start from their initial values);
     * records row 0. Every threshold detector starts "below" (NEURON's init_events sets each PreSyn's
     * flag_ to false) and is checked at t = 0, as NEURON's first step checks it before advancing: a
     * detector whose v starts above its threshold fires at t = 1e-10 ms.
     */
    void initialize(double vInit) {
        t = 0.0;
        ctx.t = 0.0;
        queue.clear();
        outgoing.clear();
        Arrays.fill(v, vInit);
        resetCurrents();
        for (Mechanism m : mechs) {
            m.bind(ctx);
        }
        for (Mechanism m : mechs) {
            m.init(ctx);
        }
        resetCurrents();
        for (Mechanism m : mechs) {
            m.current(ctx);
        }
        Arrays.fill(thrAbove, false);
        if (record(0)) {
            nonFiniteRecording(0);
        }
        detectThresholds();
    }

    /**
     * NEURON's {@code NetCvode::check_thresh} and {@code ConditionEvent::check} for the fixed step (done
     * there at the start of the next step, on the same v): a detector fires when v exceeds its threshold
     * after not exceeding it, and sends (and records) its spike at {@code t + 1e-10} ms ({@code teps}),
     * the step's end time, not an interpolated crossing; its NetCons deliver at that time plus their delay.
     */
    private void detectThresholds() {
        for (int i = 0; i < thrSource.length; i++) {
            if (v[thrNode[i]] > thrValue[i]) {
                if (!thrAbove[i]) {
                    thrAbove[i] = true;
                    outgoing.add(thrSource[i], t + THRESHOLD_TEPS, t + THRESHOLD_TEPS);
                }
            } else {
                thrAbove[i] = false;
            }
        }
    }

    /** NEURON's {@code teps} of fixed-step threshold detection ({@code ps->check(nt, nt->_t, 1e-10)}). */
    static final double THRESHOLD_TEPS = 1e-10;

    /**
     * Before the mechanisms' currents: zero the matrix and the ion current sums, and reversal potentials
     * from the concentrations where the ion follows Nernst (NEURON's ion mechanisms run first in nrn_rhs).
     */
    private void resetCurrents() {
        Arrays.fill(rhs, 0.0);
        Arrays.fill(d, 0.0);
        for (int i = 0; i < ions.length; i++) {
            IonArrays ion = ions[i];
            Arrays.fill(ion.cur, 0.0);
            Arrays.fill(ion.dcurdv, 0.0);
            for (int node : nernstNodes[i]) {
                ion.e[node] = Ions.nernst(ion.ci[node], ion.co[node], ion.valence, celsius);
            }
        }
    }

    /** Delivers every queued event due by {@code tm}, each at its own time. */
    void deliverEvents(double tm) {
        double tsave = ctx.t;
        while (queue.size() > 0 && queue.topTime() <= tm) {
            double te = queue.topTime();
            long key = queue.topKey();
            int pa = queue.topA();
            int pb = queue.topB();
            double flag = queue.topFlag();
            queue.pop();
            ctx.t = te;
            if (key < SELF_KEY_BASE) {
                int target = ncTarget[pa];
                mechs[pointSlot[target]].netReceive(ctx, pointInstance[target], ncWeights[pa], 0, 0.0);
            } else {
                mechs[pa].netReceive(ctx, pb, null, 0, flag);
            }
        }
        ctx.t = tsave;
    }

    /** Queues a connection event (called between intervals by the exchange, single-threaded). */
    void enqueueConnection(int netcon, double time) {
        queue.add(time, netcon, netcon, -1, 0.0);
    }

    @Override
    public void netSend(Mechanism mechanism, int instance, double time, double flag) {
        int slot = slotOf(mechanism);
        queue.add(time, SELF_KEY_BASE + selfSeq++, slot, instance, flag);
    }

    @Override
    public void netEvent(Mechanism mechanism, int instance, double time) {
        int src = artSource[slotOf(mechanism)][instance];
        if (src >= 0) {
            outgoing.add(src, time, time);
        }
    }

    private int slotOf(Mechanism m) {
        for (int i = 0; i < mechs.length; i++) {
            if (mechs[i] == m) {
                return i;
            }
        }
        throw new IllegalArgumentException("mechanism not in this group");
    }

    /** Advances {@code count} fixed steps, the first of which ends at row {@code firstRow}. */
    void advance(int count, int firstRow) {
        final double dt = this.dt;
        final double cfac = 1e-3 / dt;
        for (int s = 0; s < count; s++) {
            deliverEvents(t + 0.5 * dt);
            t += 0.5 * dt;
            ctx.t = t;
            resetCurrents();
            for (Mechanism m : mechs) {
                m.current(ctx);
            }
            assembleMatrix(cfac);
            solveMatrix();
            boolean nonFiniteV = updateVoltages();
            t += 0.5 * dt;
            ctx.t = t;
            if (nonFiniteV && !nonFiniteReported) {
                nonFiniteVoltage(
                        firstRow + s); // before the states advance with it, so the mechanism that caused it stands out
            }
            for (Mechanism m : mechs) {
                m.state(ctx);
            }
            if (record(firstRow + s) && !nonFiniteReported) {
                nonFiniteRecording(firstRow + s);
            }
            detectThresholds();
            deliverEvents(t + 0.5 * dt);
        }
    }

    // The step's loops over nodes are methods of their own: the JIT compiles each small loop once, where one
    // method holding them all was compiled on stack replacement at several of its loops, then again whole.

    /** The axial currents and the matrix (NEURON's nrn_rhs / nrn_lhs); {@code cfac}: 1e-3 / dt. */
    private void assembleMatrix(double cfac) {
        final int n = nodeCount;
        for (int i = 0; i < n; i++) {
            int p = parent[i];
            d[i] += cm[i] * cfac;
            if (p >= 0) {
                double dv = v[p] - v[i];
                rhs[i] -= b[i] * dv;
                rhs[p] += a[i] * dv;
                d[i] -= b[i];
                d[p] -= a[i];
            }
        }
    }

    /** Hines elimination: leaves to root, then back substitution; leaves the change of v in {@code rhs}. */
    private void solveMatrix() {
        final int n = nodeCount;
        for (int i = n - 1; i >= 0; i--) {
            int p = parent[i];
            if (p >= 0) {
                double f = a[i] / d[i];
                d[p] -= f * b[i];
                rhs[p] -= f * rhs[i];
            }
        }
        for (int i = 0; i < n; i++) {
            int p = parent[i];
            if (p >= 0) {
                rhs[i] -= b[i] * rhs[p];
            }
            rhs[i] /= d[i];
        }
    }

    /** The new v, checked on the way (a branch never taken, no extra pass over memory); true if one is not finite. */
    private boolean updateVoltages() {
        final int n = nodeCount;
        boolean nonFiniteV = false;
        for (int i = 0; i < n; i++) {
            double x = v[i] + rhs[i];
            v[i] = x;
            if (!Double.isFinite(x)) {
                nonFiniteV = true;
            }
        }
        return nonFiniteV;
    }

    /** Records row {@code row}; true if a recorded value is NaN or infinite. */
    private boolean record(int row) {
        boolean nonFiniteValue = false;
        for (int k = 0; k < probeOut.length; k++) {
            double x = probeArray[k][probeIndex[k]];
            probeOut[k][row] = x;
            if (!Double.isFinite(x)) {
                nonFiniteValue = true;
            }
        }
        return nonFiniteValue;
    }

    // ------------------------------------------------------------------ non-finite values

    /** v is NaN or infinite at some node: an error (or a warning) naming the first such node and its mechanisms. */
    private void nonFiniteVoltage(int row) {
        // within the step the tree solve spreads a NaN to every node of the cell, so the node to name is the one
        // where a mechanism's variables are not finite (a state first: it went first, the currents and v followed)
        int node = culpritNode(true);
        if (node < 0) {
            node = culpritNode(false);
        }
        if (node < 0) {
            node = 0;
            while (Double.isFinite(v[node])) {
                node++;
            }
        }
        report("v = " + v[node] + " at t = " + time(row) + " ms " + where(node) + mechanismsAt(node, null));
    }

    /** A recorded value is NaN or infinite: the first such probe, where it is and the mechanisms there. */
    private void nonFiniteRecording(int row) {
        int k = 0;
        while (Double.isFinite(probeOut[k][row])) {
            k++;
        }
        Network.ProbeSpec spec = net.probes.get(probeId[k]);
        String what;
        int node;
        Mechanism own = null;
        if (spec.point() >= 0) {
            own = mechs[pointSlot[spec.point()]];
            node = own.nodes()[pointInstance[spec.point()]];
            what = own.type().name() + " (point process #" + spec.point() + ")." + spec.variable();
        } else {
            node = storageNode(spec.cell(), spec.node());
            if (spec.mech() == null) {
                what = "v";
            } else if (spec.mech().startsWith(Network.ION_PREFIX)) {
                what = "ion " + spec.mech().substring(Network.ION_PREFIX.length()) + " " + spec.variable();
            } else {
                what = spec.mech() + "." + spec.variable();
                own = mechs[layout.slotOf(spec.mech())];
            }
        }
        report("recorded " + what + " = " + probeOut[k][row] + " at t = " + time(row) + " ms "
                + (node >= 0 ? where(node) + mechanismsAt(node, own) : "(an artificial cell)" + mechanismsAt(-1, own)));
    }

    /** The time of row {@code row} as NEURON prints it ({@code 2.05}, not the sum of half steps {@code 2.0499999999999954}). */
    private String time(int row) {
        return new java.math.BigDecimal(row * dt)
                .round(new java.math.MathContext(10))
                .stripTrailingZeros()
                .toPlainString();
    }

    private void report(String message) {
        if (nonFinite == SimSettings.NonFinite.WARN) {
            nonFiniteReported = true;
            LOG.warning(message + " (" + SimSettings.NonFinite.PROPERTY + "=warn: running on; later non-finite values"
                    + " of these cells are not reported)");
            return;
        }
        throw new IllegalStateException(message + ". To run on with a warning instead, set the system property "
                + SimSettings.NonFinite.PROPERTY + "=warn (e.g. BSB_JAVA_OPTS=-D" + SimSettings.NonFinite.PROPERTY
                + "=warn)");
    }

    /** The first node with a non-finite v where a mechanism has a non-finite STATE ({@code states}) or any variable. */
    private int culpritNode(boolean states) {
        for (Mechanism m : mechs) {
            int[] nodes = m.nodes();
            for (org.bsb.neuron.spi.Variable var : m.type().variables()) {
                if (states && var.kind() != org.bsb.neuron.spi.VariableKind.STATE) {
                    continue;
                }
                double[] x = m.variable(var.name());
                for (int i = 0; i < nodes.length; i++) {
                    if (nodes[i] >= 0 && !Double.isFinite(v[nodes[i]]) && !Double.isFinite(x[i])) {
                        return nodes[i];
                    }
                }
            }
        }
        return -1;
    }

    /** The storage index of node {@code node} of network cell {@code cell} (which is in this group). */
    private int storageNode(int cell, int node) {
        int storage = layout.storageNode(cell, node);
        if (storage < 0) {
            throw new IllegalArgumentException("cell " + cell + " is not in this group");
        }
        return storage;
    }

    /** "in cell 'name' (#3), section 'soma', segment 2 of 5" for a storage node. */
    private String where(int storageNode) {
        int[] cells = layout.cells();
        int[] perm = layout.nodes().perm();
        for (int k = 0; k < cells.length; k++) {
            int c = cells[k];
            CellLayout l = net.layouts.get(c);
            int o = layout.cellStart()[k];
            for (int i = 0; i < l.nodeCount(); i++) {
                if (perm[o + i] != storageNode) {
                    continue;
                }
                List<CableSection> secs = net.cells.get(c).sections();
                String cell = "in cell '" + net.cells.get(c).name() + "' (#" + c + ")";
                if (i == 0) {
                    return cell + ", the 0-end of section '" + secs.get(0).name() + "'";
                }
                for (int sIdx = secs.size() - 1; sIdx >= 0; sIdx--) {
                    int first = l.sectionFirstNode[sIdx];
                    if (i >= first) {
                        int nseg = secs.get(sIdx).nseg();
                        return cell + ", section '" + secs.get(sIdx).name() + "', "
                                + (i - first < nseg ? "segment " + (i - first + 1) + " of " + nseg : "its 1-end");
                    }
                }
            }
        }
        return "at node " + storageNode;
    }

    /**
     * The mechanisms at a storage node with NaN or infinite variables, the likely culprit first: the one whose
     * STATE variables are not finite (a state goes first; the currents and v follow it), else the first in
     * callback order; {@code own} (a recorded mechanism) is included even without a node.
     */
    private String mechanismsAt(int storageNode, Mechanism own) {
        List<String> withState = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Mechanism m : mechs) {
            int[] nodes = m.nodes();
            for (int i = 0; i < nodes.length; i++) {
                if (!(nodes[i] == storageNode && storageNode >= 0 || m == own && nodes[i] < 0)) {
                    continue;
                }
                StringBuilder bad = new StringBuilder();
                boolean state = false;
                for (org.bsb.neuron.spi.Variable var : m.type().variables()) {
                    double x = m.variable(var.name())[i];
                    if (!Double.isFinite(x)) {
                        bad.append(bad.length() == 0 ? "" : ", ")
                                .append(var.name())
                                .append(" = ")
                                .append(x);
                        state |= var.kind() == org.bsb.neuron.spi.VariableKind.STATE;
                    }
                }
                if (bad.length() > 0) {
                    String file = m.type().definedIn();
                    String text = "'" + m.type().name() + "'" + (file.isEmpty() ? "" : " (" + file + ")") + ": " + bad;
                    (state ? withState : others).add(text);
                }
                if (m == own && storageNode < 0) {
                    break;
                }
            }
        }
        List<String> all = new ArrayList<>(withState);
        all.addAll(others);
        StringBuilder out = new StringBuilder();
        if (all.isEmpty()) {
            out.append("; no mechanism there has a NaN or infinite variable");
        } else {
            out.append("; mechanism ").append(all.get(0));
            if (all.size() > 1) {
                out.append(" (also not finite there: ")
                        .append(String.join("; ", all.subList(1, all.size())))
                        .append(")");
            }
        }
        if (storageNode >= 0) {
            for (IonArrays ion : ions) {
                double[] q = {ion.e[storageNode], ion.ci[storageNode], ion.co[storageNode], ion.cur[storageNode]};
                String[] names = {"e", "i", "o", "i"};
                for (int k = 0; k < q.length; k++) {
                    if (!Double.isFinite(q[k])) {
                        String name = k == 0 ? "e" + ion.name : k == 3 ? "i" + ion.name : ion.name + names[k];
                        out.append("; ion ").append(name).append(" = ").append(q[k]);
                    }
                }
            }
        }
        return out.toString();
    }
}
