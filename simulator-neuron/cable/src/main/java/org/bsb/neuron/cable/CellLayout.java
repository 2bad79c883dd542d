package org.bsb.neuron.cable;

import java.util.List;

/**
 * The nodes of one cell, in Hines order (every parent before its children), with NEURON's
 * matrix coefficients. Node 0 is the root (0-end of section 0, no membrane); each section then
 * contributes its {@code nseg} segment-centre nodes followed by its 1-end node (no membrane),
 * to which its children's first nodes attach. Coefficients follow NEURON's
 * {@code connection_coef}: {@code a[i]} is node i's effect on its parent's equation,
 * {@code b[i]} the parent's effect on node i, zero-membrane nodes count as area 100.
 */
public final class CellLayout {
    final CableCell cell;
    final int nodeCount;
    final int[] parent;
    final double[] area;
    final double[] diam;
    final double[] cm;
    final double[] a;
    final double[] b;
    /** True for segment-centre nodes (those with membrane). */
    final boolean[] membrane;
    /** First segment-centre node of each section; its 1-end node is {@code first + nseg}. */
    final int[] sectionFirstNode;

    public CellLayout(CableCell cell) {
        this.cell = cell;
        List<CableSection> secs = cell.sections();
        int n = 1;
        sectionFirstNode = new int[secs.size()];
        for (int s = 0; s < secs.size(); s++) {
            sectionFirstNode[s] = n;
            n += secs.get(s).nseg() + 1;
        }
        nodeCount = n;
        parent = new int[n];
        area = new double[n];
        diam = new double[n];
        cm = new double[n];
        membrane = new boolean[n];
        double[] rinv = new double[n];
        parent[0] = -1;
        area[0] = 100.0;
        for (int s = 0; s < secs.size(); s++) {
            CableSection sec = secs.get(s);
            SectionGeometry g = sec.geometry();
            int first = sectionFirstNode[s];
            int nseg = sec.nseg();
            for (int k = 0; k <= nseg; k++) {
                int node = first + k;
                if (k == 0) {
                    parent[node] = sec.parent() < 0 ? 0 : endNode(sec.parent());
                } else {
                    parent[node] = node - 1;
                }
                rinv[node] = 1.0 / g.ri()[k];
                if (k < nseg) {
                    area[node] = g.area()[k];
                    diam[node] = g.diam()[k];
                    cm[node] = sec.cm();
                    membrane[node] = true;
                } else {
                    area[node] = 100.0;
                    diam[node] = g.diam()[nseg - 1];
                }
            }
        }
        a = new double[n];
        b = new double[n];
        for (int i = 1; i < n; i++) {
            a[i] = -1.e2 * rinv[i] / area[parent[i]];
            b[i] = -1.e2 * rinv[i] / area[i];
        }
    }

    public int nodeCount() {
        return nodeCount;
    }

    public int endNode(int section) {
        return sectionFirstNode[section] + cell.sections().get(section).nseg();
    }

    /** The node NEURON uses for {@code section(x)}: 0 gives the 0-end, 1 the 1-end node. */
    public int nodeAt(int section, double x) {
        CableSection sec = cell.sections().get(section);
        if (x == 0.0) {
            return parent[sectionFirstNode[section]];
        }
        if (x == 1.0) {
            return endNode(section);
        }
        return sectionFirstNode[section] + sec.segmentAt(x);
    }

    /** True if the node carries membrane (a segment centre). */
    public boolean hasMembrane(int node) {
        return membrane[node];
    }

    /** Membrane area of a node, µm² (0 for nodes without membrane). */
    public double membraneArea(int node) {
        return membrane[node] ? area[node] : 0.0;
    }

    public CableCell cell() {
        return cell;
    }
}
