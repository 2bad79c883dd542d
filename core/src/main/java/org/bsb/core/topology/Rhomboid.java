package org.bsb.core.topology;

import org.bsb.api.geometry.Box;
import org.bsb.api.geometry.Point3;

/**
 * The {@code rhomboid} partition: a box of {@code dimensions} at {@code origin}; either
 * defaults to the hint box's.
 */
public class Rhomboid extends Partition {
    private final Point3 dimensions;
    private final Point3 origin;

    /** @param dimensions null to fill the hint; @param origin null for the hint's lowest corner */
    public Rhomboid(String name, Point3 dimensions, Point3 origin) {
        super(name);
        this.dimensions = dimensions;
        this.origin = origin;
    }

    protected Point3 origin(Box hint) {
        return origin != null ? origin : hint.min();
    }

    @Override
    public void layout(Box hint) {
        Point3 o = origin(hint);
        box = new Box(o, o.plus(dimensions != null ? dimensions : hint.size()));
    }
}
