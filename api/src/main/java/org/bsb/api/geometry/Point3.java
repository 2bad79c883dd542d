package org.bsb.api.geometry;

/** A point (or vector) in µm. */
public record Point3(double x, double y, double z) {
    public static final Point3 ORIGIN = new Point3(0, 0, 0);

    public double get(int axis) {
        return switch (axis) {
            case 0 -> x;
            case 1 -> y;
            case 2 -> z;
            default -> throw new IndexOutOfBoundsException("axis " + axis);
        };
    }

    public Point3 plus(Point3 o) {
        return new Point3(x + o.x, y + o.y, z + o.z);
    }

    public Point3 minus(Point3 o) {
        return new Point3(x - o.x, y - o.y, z - o.z);
    }

    public double[] toArray() {
        return new double[] {x, y, z};
    }
}
