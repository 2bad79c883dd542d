package org.bsb.api.morphology;

/**
 * An unbranched run of points. Arrays are shared, not copied: treat them as read-only.
 *
 * @param parent index of the parent branch in its morphology, -1 for a root
 * @param points x, y, z of each point, flattened (length 3n), µm
 * @param radii radius of each point (length n), µm
 * @param labels label-set code of each point (length n), see {@link Morphology#labelSet(int)}
 */
public record Branch(int parent, double[] points, double[] radii, int[] labels) {
    public Branch {
        if (points.length != 3 * radii.length || labels.length != radii.length) {
            throw new IllegalArgumentException("branch arrays disagree: " + points.length + " coordinates, "
                    + radii.length + " radii, " + labels.length + " labels");
        }
    }

    public int size() {
        return radii.length;
    }

    public double x(int i) {
        return points[3 * i];
    }

    public double y(int i) {
        return points[3 * i + 1];
    }

    public double z(int i) {
        return points[3 * i + 2];
    }
}
