package org.bsb.core.topology;

import java.util.List;
import org.bsb.api.geometry.Box;
import org.bsb.api.geometry.Point3;

/**
 * The {@code stack} region: lays its children out in its hint, then puts them one on top of
 * the other along {@code axis} (default z), in the order listed, starting at the stack's
 * lowest corner (or so that {@code anchor} sits there). The stack's extent along the axis
 * becomes the children's total thickness, which may exceed the network box (as in the
 * original). Unlike the original, a non-zero network origin is not added twice to the first
 * child's offset.
 */
public class Stack extends RegionGroup {
    private final int axis;
    private final TopologyNode anchor;

    public Stack(String name, List<TopologyNode> children, int axis, TopologyNode anchor) {
        super(name, children);
        this.axis = axis;
        this.anchor = anchor;
    }

    @Override
    public void layout(Box hint) {
        super.layout(hint);
        double base = hint.min().get(axis);
        double offset = 0;
        int anchorIndex = anchor == null ? -1 : children.indexOf(anchor);
        if (anchorIndex >= 0) {
            // The anchor keeps its own position; the children before it go below it.
            double before = 0;
            for (int i = 0; i < anchorIndex; i++) {
                before += children.get(i).box().size().get(axis);
            }
            offset = children.get(anchorIndex).box().min().get(axis) - base - before;
        }
        for (TopologyNode child : children) {
            double shift = base + offset - child.box().min().get(axis);
            if (shift != 0) {
                double[] t = new double[3];
                t[axis] = shift;
                child.translate(new Point3(t[0], t[1], t[2]));
            }
            offset += child.box().size().get(axis);
        }
        double[] max = hint.max().toArray();
        max[axis] = base + offset;
        box = new Box(hint.min(), new Point3(max[0], max[1], max[2]));
    }
}
