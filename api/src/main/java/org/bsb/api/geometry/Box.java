package org.bsb.api.geometry;

/** An axis-aligned box from its lowest ({@code min}) to its highest ({@code max}) corner, µm. */
public record Box(Point3 min, Point3 max) {
    public Point3 size() {
        return max.minus(min);
    }

    public double volume() {
        Point3 s = size();
        return Math.max(0, s.x()) * Math.max(0, s.y()) * Math.max(0, s.z());
    }

    /** The intersection, or null when the boxes do not overlap in a volume. */
    public Box intersect(Box o) {
        Point3 lo =
                new Point3(Math.max(min.x(), o.min.x()), Math.max(min.y(), o.min.y()), Math.max(min.z(), o.min.z()));
        Point3 hi =
                new Point3(Math.min(max.x(), o.max.x()), Math.min(max.y(), o.max.y()), Math.min(max.z(), o.max.z()));
        if (lo.x() >= hi.x() || lo.y() >= hi.y() || lo.z() >= hi.z()) {
            return null;
        }
        return new Box(lo, hi);
    }

    public boolean contains(Point3 p) {
        return p.x() >= min.x()
                && p.x() <= max.x()
                && p.y() >= min.y()
                && p.y() <= max.y()
                && p.z() >= min.z()
                && p.z() <= max.z();
    }
}
