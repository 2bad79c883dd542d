package org.bsb.neuron.cable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bsb.neuron.spi.IonUse;
import org.bsb.neuron.spi.MechanismType;

/**
 * What one cell group simulates, as plain data (Arbor's {@code fvm_layout}): its nodes in storage order with
 * their parents and matrix coefficients, the mechanism instances of every type with their nodes and
 * parameters, the ion pools with their initial values, the threshold detectors and artificial-cell outputs,
 * and the probes. {@link #of} builds it from the network by the small functions below, each one part;
 * {@link CellGroup} executes it (initialise, step, deliver, record) and builds nothing itself.
 *
 * <p>Indices: a <em>concatenated</em> node index numbers the group's cells' nodes one cell after the other
 * (cell {@code cells[k]}'s node {@code i} is {@code cellStart[k] + i}, {@link CellLayout}'s order); a
 * <em>storage</em> node index is where that node's values are kept ({@link Nodes#perm}). Every node index
 * below is a storage index.
 *
 * @param cells network cell ids of the group, in group order
 * @param cellStart concatenated index of each cell's first node; {@code cellStart[cells.length]} is the node count
 * @param nodes the nodes in storage order
 * @param mechanisms the instances of every mechanism type with at least one here, in callback order; a
 *     mechanism's index in this list is its <em>slot</em>
 * @param pointSlot per network point (point process or artificial cell): its slot here, or -1
 * @param pointInstance per network point: its instance in its slot (meaningful where {@code pointSlot >= 0})
 * @param ions the ion pools, in first-use order (mechanisms' ions in callback order, then the sections')
 * @param thresholds the threshold detectors on this group's cells
 * @param artificialSource per slot and instance: the spike source an artificial cell's events are, or -1
 * @param probes the probes of this group, in probe id order
 */
record GroupLayout(
        int[] cells,
        int[] cellStart,
        Nodes nodes,
        List<MechanismInstances> mechanisms,
        int[] pointSlot,
        int[] pointInstance,
        List<IonPool> ions,
        Thresholds thresholds,
        int[][] artificialSource,
        List<ProbeSite> probes) {

    /**
     * The nodes in storage order.
     *
     * @param perm concatenated node index to storage index
     * @param parent storage index of each node's parent, -1 for a cell's root
     * @param a the node's effect on its parent's equation ({@link CellLayout#a})
     * @param b the parent's effect on the node's equation ({@link CellLayout#b})
     * @param cm specific capacitance, µF/cm² (0 without membrane)
     * @param area membrane area, µm² (100 without membrane, as NEURON)
     * @param diam diameter, µm
     */
    record Nodes(int[] perm, int[] parent, double[] a, double[] b, double[] cm, double[] area, double[] diam) {
        int count() {
            return parent.length;
        }
    }

    /**
     * The instances of one mechanism type, in instance order: density instances cell by cell (a cell's sections
     * in order, each segment), then that cell's point processes of the type (by point id), then the group's
     * artificial cells of the type (by point id).
     *
     * @param node storage node of each instance, -1 for an artificial cell
     * @param point network point id of each instance, -1 for a density instance
     * @param params parameters set on each instance (over the type's defaults)
     * @param vectors vector data of each instance (e.g. VecStim's times)
     */
    record MechanismInstances(
            MechanismType type,
            int[] node,
            int[] point,
            List<Map<String, Double>> params,
            List<Map<String, double[]>> vectors) {
        int count() {
            return node.length;
        }
    }

    /**
     * One ion species of the group.
     *
     * @param e initial reversal potential per storage node (the ion's default, then the sections' settings)
     * @param ci initial internal concentration per storage node
     * @param co initial external concentration per storage node
     * @param nernstNodes storage nodes (ascending) where a mechanism writes a concentration, so the reversal
     *     potential follows Nernst
     */
    record IonPool(String name, int valence, double[] e, double[] ci, double[] co, int[] nernstNodes) {}

    /** Threshold detectors: network source id, storage node and threshold (mV) of each. */
    record Thresholds(int[] source, int[] node, double[] value) {
        int count() {
            return source.length;
        }
    }

    /** Where a probe reads: a value of one storage array at one index. */
    sealed interface ProbeSite {
        /** The network probe id. */
        int probe();
    }

    /** The membrane potential at a storage node. */
    record VoltageProbe(int probe, int node) implements ProbeSite {}

    /** An ion quantity ({@code e}, {@code ci}, {@code co} or {@code cur}) of pool {@code ion} at a storage node. */
    record IonProbe(int probe, int ion, String quantity, int node) implements ProbeSite {}

    /** A range variable of mechanism slot {@code slot}, instance {@code instance}. */
    record MechanismProbe(int probe, int slot, String variable, int instance) implements ProbeSite {}

    /** The layout of the group of network cells {@code cells} with the artificial cells {@code artificial} (point ids). */
    static GroupLayout of(Network net, int[] cells, int[] artificial) {
        int[] cellStart = cellStarts(net, cells);
        int[] offset = new int[net.cells.size()];
        Arrays.fill(offset, -1);
        for (int k = 0; k < cells.length; k++) {
            offset[cells[k]] = cellStart[k];
        }
        Nodes nodes = nodes(net, cells, cellStart);
        List<MechanismInstances> mechanisms = mechanismInstances(net, cells, offset, nodes.perm(), artificial);
        int[] pointSlot = new int[net.points.size()];
        int[] pointInstance = new int[net.points.size()];
        Arrays.fill(pointSlot, -1);
        for (int slot = 0; slot < mechanisms.size(); slot++) {
            int[] point = mechanisms.get(slot).point();
            for (int i = 0; i < point.length; i++) {
                if (point[i] >= 0) {
                    pointSlot[point[i]] = slot;
                    pointInstance[point[i]] = i;
                }
            }
        }
        List<IonPool> ions = ionPools(net, cells, cellStart, nodes.perm(), mechanisms);
        Thresholds thresholds = thresholds(net, offset, nodes.perm());
        int[][] artificialSource = artificialSources(net, mechanisms, pointSlot, pointInstance);
        List<ProbeSite> probes = probeSites(net, offset, nodes.perm(), mechanisms, pointSlot, pointInstance, ions);
        return new GroupLayout(
                cells.clone(),
                cellStart,
                nodes,
                mechanisms,
                pointSlot,
                pointInstance,
                ions,
                thresholds,
                artificialSource,
                probes);
    }

    /** Concatenated index of each cell's first node, and the total node count last. */
    static int[] cellStarts(Network net, int[] cells) {
        int[] start = new int[cells.length + 1];
        for (int k = 0; k < cells.length; k++) {
            start[k + 1] = start[k] + net.layouts.get(cells[k]).nodeCount();
        }
        return start;
    }

    /** The cells' nodes in level order with their parents, coefficients, capacitance, area and diameter. */
    static Nodes nodes(Network net, int[] cells, int[] cellStart) {
        int n = cellStart[cells.length];
        int[] perm = levelOrder(net, cells, cellStart);
        int[] parent = new int[n];
        double[] a = new double[n];
        double[] b = new double[n];
        double[] cm = new double[n];
        double[] area = new double[n];
        double[] diam = new double[n];
        for (int k = 0; k < cells.length; k++) {
            CellLayout l = net.layouts.get(cells[k]);
            int o = cellStart[k];
            for (int i = 0; i < l.nodeCount(); i++) {
                int j = perm[o + i];
                a[j] = l.a[i];
                b[j] = l.b[i];
                cm[j] = l.cm[i];
                area[j] = l.area[i];
                diam[j] = l.diam[i];
                parent[j] = l.parent[i] < 0 ? -1 : perm[o + l.parent[i]];
            }
        }
        return new Nodes(perm, parent, a, b, cm, area, diam);
    }

    /**
     * Storage order of the group's nodes: by depth in the tree, then by cell, then by the cell's
     * own order (NEURON orders its nodes by level the same way). Parents still precede children,
     * and nodes of one level are independent, so the elimination's dependency chains of
     * different cells and branches interleave. A cell's own nodes keep their relative order
     * whatever other cells share the group, so results do not depend on the grouping.
     *
     * @return concatenated node index to storage index
     */
    static int[] levelOrder(Network net, int[] cells, int[] cellStart) {
        int n = cellStart[cells.length];
        int[] depth = new int[n];
        int maxDepth = 0;
        for (int k = 0; k < cells.length; k++) {
            CellLayout l = net.layouts.get(cells[k]);
            int o = cellStart[k];
            for (int i = 0; i < l.nodeCount(); i++) {
                depth[o + i] = l.parent[i] < 0 ? 0 : depth[o + l.parent[i]] + 1;
                maxDepth = Math.max(maxDepth, depth[o + i]);
            }
        }
        int[] start = new int[maxDepth + 2];
        for (int i = 0; i < n; i++) {
            start[depth[i] + 1]++;
        }
        for (int k = 1; k < start.length; k++) {
            start[k] += start[k - 1];
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = start[depth[i]]++;
        }
        return perm;
    }

    /**
     * The instances of every mechanism type, in the network's callback order, types without an instance here
     * left out (see {@link MechanismInstances} for the instance order).
     *
     * @param offset per network cell, the concatenated index of its first node here, or -1
     */
    static List<MechanismInstances> mechanismInstances(
            Network net, int[] cells, int[] offset, int[] perm, int[] artificial) {
        boolean[] inGroupArtificial = new boolean[net.points.size()];
        for (int p : artificial) {
            inGroupArtificial[p] = true;
        }
        Map<Integer, List<Integer>> pointsOfCell = new LinkedHashMap<>();
        for (int p = 0; p < net.points.size(); p++) {
            int pc = net.points.get(p).cell();
            if (pc >= 0 && offset[pc] >= 0) {
                pointsOfCell.computeIfAbsent(pc, k -> new ArrayList<>()).add(p);
            }
        }
        // one pass over the cells, each instance going to its type's slot (a scan per type made this the setup's
        // hot loop, compiled by C2 while the simulation warms up)
        List<MechanismType> order = net.callbackOrder();
        Map<String, List<Integer>> slotsOfName = new HashMap<>();
        Map<MechanismType, List<Integer>> slotsOfType = new IdentityHashMap<>();
        InstancesBuilder[] slots = new InstancesBuilder[order.size()];
        for (int k = 0; k < slots.length; k++) {
            slots[k] = new InstancesBuilder();
            slotsOfName
                    .computeIfAbsent(order.get(k).name(), x -> new ArrayList<>())
                    .add(k);
            slotsOfType.computeIfAbsent(order.get(k), x -> new ArrayList<>()).add(k);
        }
        for (int c : cells) {
            CellLayout l = net.layouts.get(c);
            List<CableSection> secs = net.cells.get(c).sections();
            for (int s = 0; s < secs.size(); s++) {
                for (MechanismSpec spec : secs.get(s).mechanisms()) {
                    for (int k : slotsOfName.getOrDefault(spec.name(), List.of())) {
                        for (int seg = 0; seg < secs.get(s).nseg(); seg++) {
                            slots[k].add(perm[offset[c] + l.sectionFirstNode[s] + seg], spec.params(), -1, Map.of());
                        }
                    }
                }
            }
            for (int p : pointsOfCell.getOrDefault(c, List.of())) {
                Network.PointSpec ps = net.points.get(p);
                for (int k : slotsOfType.getOrDefault(ps.type(), List.of())) {
                    slots[k].add(perm[offset[c] + ps.node()], ps.params(), p, ps.vectors());
                }
            }
        }
        for (int p = 0; p < net.points.size(); p++) {
            Network.PointSpec ps = net.points.get(p);
            if (ps.cell() < 0 && inGroupArtificial[p]) {
                for (int k : slotsOfType.getOrDefault(ps.type(), List.of())) {
                    slots[k].add(-1, ps.params(), p, ps.vectors());
                }
            }
        }
        List<MechanismInstances> out = new ArrayList<>();
        for (int k = 0; k < slots.length; k++) {
            if (!slots[k].nodes.isEmpty()) out.add(slots[k].build(order.get(k)));
        }
        return List.copyOf(out);
    }

    /** The instances of one type as they are found. */
    private static final class InstancesBuilder {
        final List<Integer> nodes = new ArrayList<>();
        final List<Integer> points = new ArrayList<>();
        final List<Map<String, Double>> params = new ArrayList<>();
        final List<Map<String, double[]>> vectors = new ArrayList<>();

        void add(int node, Map<String, Double> param, int point, Map<String, double[]> vector) {
            nodes.add(node);
            params.add(param);
            points.add(point);
            vectors.add(vector);
        }

        MechanismInstances build(MechanismType type) {
            return new MechanismInstances(
                    type, toArray(nodes), toArray(points), List.copyOf(params), List.copyOf(vectors));
        }
    }

    /**
     * The ion pools: every ion a mechanism here uses (with the valence it declares) and every ion a section
     * here sets, initial values the ion's defaults overwritten by the sections' {@code rev_pot},
     * {@code int_con} and {@code ext_con} (on each of a section's segment nodes and its 1-end node), and the
     * nodes where a mechanism writes a concentration.
     */
    static List<IonPool> ionPools(
            Network net, int[] cells, int[] cellStart, int[] perm, List<MechanismInstances> mechanisms) {
        int n = perm.length;
        Map<String, Integer> declaredValence = new LinkedHashMap<>();
        for (MechanismInstances m : mechanisms) {
            for (IonUse use : m.type().ions()) {
                declaredValence.putIfAbsent(use.ion(), use.valence());
            }
        }
        for (int c : cells) {
            for (CableSection s : net.cells.get(c).sections()) {
                for (String ion : s.ions().keySet()) {
                    declaredValence.putIfAbsent(ion, 0);
                }
            }
        }
        List<IonPool> out = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : declaredValence.entrySet()) {
            String ion = entry.getKey();
            int z = entry.getValue() != 0 ? entry.getValue() : Ions.valence(ion);
            double[] def = Ions.defaults(ion);
            double[] e = new double[n];
            double[] ci = new double[n];
            double[] co = new double[n];
            Arrays.fill(e, def[0]);
            Arrays.fill(ci, def[1]);
            Arrays.fill(co, def[2]);
            for (int k = 0; k < cells.length; k++) {
                CellLayout l = net.layouts.get(cells[k]);
                List<CableSection> secs = net.cells.get(cells[k]).sections();
                for (int s = 0; s < secs.size(); s++) {
                    IonSpec spec = secs.get(s).ions().get(ion);
                    if (spec == null) {
                        continue;
                    }
                    for (int seg = 0; seg <= secs.get(s).nseg(); seg++) {
                        int node = perm[cellStart[k] + l.sectionFirstNode[s] + seg];
                        if (spec.revPot() != null) {
                            e[node] = spec.revPot();
                        }
                        if (spec.intCon() != null) {
                            ci[node] = spec.intCon();
                        }
                        if (spec.extCon() != null) {
                            co[node] = spec.extCon();
                        }
                    }
                }
            }
            out.add(new IonPool(ion, z, e, ci, co, nernstNodes(ion, n, mechanisms)));
        }
        return List.copyOf(out);
    }

    /** Storage nodes, ascending, where a mechanism writes a concentration of {@code ion}. */
    static int[] nernstNodes(String ion, int nodeCount, List<MechanismInstances> mechanisms) {
        boolean[] nernst = new boolean[nodeCount];
        for (MechanismInstances m : mechanisms) {
            for (IonUse use : m.type().ions()) {
                if (use.ion().equals(ion) && use.writesConcentration()) {
                    for (int node : m.node()) {
                        if (node >= 0) {
                            nernst[node] = true;
                        }
                    }
                }
            }
        }
        int cnt = 0;
        for (boolean x : nernst) {
            cnt += x ? 1 : 0;
        }
        int[] out = new int[cnt];
        for (int i = 0, j = 0; i < nodeCount; i++) {
            if (nernst[i]) {
                out[j++] = i;
            }
        }
        return out;
    }

    /** The threshold detectors on the group's cells, in source id order. */
    static Thresholds thresholds(Network net, int[] offset, int[] perm) {
        List<Integer> sources = new ArrayList<>();
        for (int s = 0; s < net.sources.size(); s++) {
            Network.SourceSpec src = net.sources.get(s);
            if (src.cell() >= 0 && offset[src.cell()] >= 0) {
                sources.add(s);
            }
        }
        int[] source = toArray(sources);
        int[] node = new int[source.length];
        double[] value = new double[source.length];
        for (int i = 0; i < source.length; i++) {
            Network.SourceSpec src = net.sources.get(source[i]);
            node[i] = perm[offset[src.cell()] + src.node()];
            value[i] = src.threshold();
        }
        return new Thresholds(source, node, value);
    }

    /** Per slot and instance, the spike source an artificial cell here is, or -1. */
    static int[][] artificialSources(
            Network net, List<MechanismInstances> mechanisms, int[] pointSlot, int[] pointInstance) {
        int[][] out = new int[mechanisms.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new int[mechanisms.get(i).count()];
            Arrays.fill(out[i], -1);
        }
        for (int s = 0; s < net.sources.size(); s++) {
            Network.SourceSpec src = net.sources.get(s);
            if (src.point() >= 0 && pointSlot[src.point()] >= 0) {
                out[pointSlot[src.point()]][pointInstance[src.point()]] = s;
            }
        }
        return out;
    }

    /** Where each probe of this group reads, in probe id order; a probe of another group's cell or point is left out. */
    static List<ProbeSite> probeSites(
            Network net,
            int[] offset,
            int[] perm,
            List<MechanismInstances> mechanisms,
            int[] pointSlot,
            int[] pointInstance,
            List<IonPool> ions) {
        List<ProbeSite> out = new ArrayList<>();
        for (int p = 0; p < net.probes.size(); p++) {
            Network.ProbeSpec spec = net.probes.get(p);
            if (spec.point() >= 0) {
                int slot = pointSlot[spec.point()];
                if (slot >= 0) {
                    out.add(new MechanismProbe(p, slot, spec.variable(), pointInstance[spec.point()]));
                }
                continue;
            }
            if (offset[spec.cell()] < 0) {
                continue;
            }
            int node = perm[offset[spec.cell()] + spec.node()];
            if (spec.mech() == null) {
                out.add(new VoltageProbe(p, node));
            } else if (spec.mech().startsWith(Network.ION_PREFIX)) {
                String ion = spec.mech().substring(Network.ION_PREFIX.length());
                int pool = 0;
                while (pool < ions.size() && !ions.get(pool).name().equals(ion)) {
                    pool++;
                }
                if (pool == ions.size()) {
                    throw new IllegalArgumentException("probe: no mechanism or section uses ion '" + ion + "'");
                }
                out.add(new IonProbe(p, pool, spec.variable(), node));
            } else {
                int slot = slotOf(mechanisms, spec.mech());
                int inst = -1;
                if (slot >= 0) {
                    int[] nodes = mechanisms.get(slot).node();
                    for (int i = 0; i < nodes.length; i++) {
                        if (nodes[i] == node) {
                            inst = i;
                            break;
                        }
                    }
                }
                if (inst < 0) {
                    throw new IllegalArgumentException("probe: no mechanism '" + spec.mech() + "' at the probed node");
                }
                out.add(new MechanismProbe(p, slot, spec.variable(), inst));
            }
        }
        return List.copyOf(out);
    }

    /** The slot of the type named {@code name}, or -1. */
    static int slotOf(List<MechanismInstances> mechanisms, String name) {
        for (int slot = 0; slot < mechanisms.size(); slot++) {
            if (mechanisms.get(slot).type().name().equals(name)) {
                return slot;
            }
        }
        return -1;
    }

    /** The slot of the type named {@code name}, or -1. */
    int slotOf(String name) {
        return slotOf(mechanisms, name);
    }

    int nodeCount() {
        return nodes.count();
    }

    /** The storage index of node {@code node} of network cell {@code cell}, or -1 if the cell is not in this group. */
    int storageNode(int cell, int node) {
        for (int k = 0; k < cells.length; k++) {
            if (cells[k] == cell) {
                return nodes.perm()[cellStart[k] + node];
            }
        }
        return -1;
    }

    private static int[] toArray(List<Integer> xs) {
        return xs.stream().mapToInt(Integer::intValue).toArray();
    }
}
