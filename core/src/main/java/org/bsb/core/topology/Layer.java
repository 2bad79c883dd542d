package org.bsb.core.topology;

import org.bsb.api.geometry.Box;
import org.bsb.api.geometry.Point3;

/**
 * The {@code layer} partition (the default partition type): the whole hint box, except
 * {@code thickness} along {@code axis} (default z).
 */
public class Layer extends Rhomboid {
    private final double thickness;
    private final int axis;

    public Layer(String name, double thickness, int axis, Point3 origin) {
        super(name, null, origin);
        if (!(thickness >= 0)) {
            throw new IllegalArgumentException("partitions." + name + ".thickness must be >= 0, got " + thickness);
        }
        this.thickness = thickness;
        this.axis = axis;
    }

    public Layer(String name, double thickness) {
        this(name, thickness, 2, null);
    }

    public double thickness() {
        return thickness;
    }

    public int axis() {
        return axis;
    }

    @Override
    public void layout(Box hint) {
        double[] size = hint.size().toArray();
        size[axis] = thickness;
        Point3 o = origin(hint);
        box = new Box(o, o.plus(new Point3(size[0], size[1], size[2])));
    }
}
