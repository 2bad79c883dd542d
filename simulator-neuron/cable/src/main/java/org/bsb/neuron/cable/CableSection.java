package org.bsb.neuron.cable;

import java.util.List;
import java.util.Map;

/**
 * One unbranched cable of a cell: its 3-D points (stored as float32 as NEURON does), number of
 * segments, cable parameters, mechanisms and ions. Its 0-end is attached to the 1-end of
 * {@code parent} (or is the cell's root if {@code parent < 0}).
 */
public record CableSection(
        String name,
        List<String> labels,
        int parent,
        float[] x,
        float[] y,
        float[] z,
        float[] diam,
        int nseg,
        double ra,
        double cm,
        List<MechanismSpec> mechanisms,
        Map<String, IonSpec> ions) {
    public CableSection {
        labels = List.copyOf(labels);
        mechanisms = List.copyOf(mechanisms);
        ions = Map.copyOf(ions);
        if (x.length < 2 || y.length != x.length || z.length != x.length || diam.length != x.length) {
            throw new IllegalArgumentException("section " + name + ": needs >= 2 points with x, y, z and diam each");
        }
        if (nseg < 1) {
            throw new IllegalArgumentException("section " + name + ": nseg must be >= 1, got " + nseg);
        }
    }

    public SectionGeometry geometry() {
        return SectionGeometry.compute(x, y, z, diam, nseg, ra);
    }

    /**
     * The section position of a point-based location as arborize computes it: point {@code i}
     * covers the normalised arc interval {@code (arc[i], arc[i+1])} (the last point
     * {@code (1, 1)}), and the location's position is {@code lo + frac * (hi - lo)} (synapses
     * and devices use {@code frac = 0.5}).
     */
    public double locationArc(int point, double frac) {
        double[] arc = SectionGeometry.arcs(x, y, z);
        double len = arc[arc.length - 1];
        if (point < 0 || point >= arc.length) {
            throw new IllegalArgumentException(
                    "section " + name + " has no point " + point + " (it has " + arc.length + ")");
        }
        if (point == arc.length - 1) {
            return 1.0;
        }
        double lo = arc[point] / len;
        double hi = arc[point + 1] / len;
        return lo + frac * (hi - lo);
    }

    /** NEURON's segment for a position in (0, 1): {@code min(int(x*nseg), nseg-1)}. */
    public int segmentAt(double pos) {
        if (pos < 0 || pos > 1) {
            throw new IllegalArgumentException("section " + name + ": position " + pos + " outside [0, 1]");
        }
        return Math.min((int) (pos * nseg), nseg - 1);
    }
}
