package org.bsb.core.topology;

import org.bsb.api.geometry.Box;
import org.bsb.api.geometry.Point3;

/**
 * A partition or region of the topology tree. Layout, as the original's layout protocol: a
 * node is offered a hint box by its parent, proposes its own box, and may then be translated
 * by the parent (a stack shifting its children along its axis).
 */
public interface TopologyNode {
    String name();

    /** Lays the node (and its children) out in {@code hint}; afterwards {@link #box()} is set. */
    void layout(Box hint);

    /** The laid-out box. */
    Box box();

    void translate(Point3 offset);
}
