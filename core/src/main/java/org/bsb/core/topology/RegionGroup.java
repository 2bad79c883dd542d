package org.bsb.core.topology;

import java.util.List;
import org.bsb.api.geometry.Box;
import org.bsb.api.geometry.Point3;

/**
 * The {@code group} region (the default region type): offers its own hint to every child and
 * forwards translations to them. Its box is the hint, as in the original.
 */
public class RegionGroup implements TopologyNode {
    private final String name;
    protected final List<TopologyNode> children;
    protected Box box;

    public RegionGroup(String name, List<TopologyNode> children) {
        this.name = name;
        this.children = List.copyOf(children);
    }

    @Override
    public String name() {
        return name;
    }

    public List<TopologyNode> children() {
        return children;
    }

    @Override
    public void layout(Box hint) {
        for (TopologyNode child : children) {
            child.layout(hint);
        }
        box = hint;
    }

    @Override
    public Box box() {
        return box;
    }

    @Override
    public void translate(Point3 offset) {
        for (TopologyNode child : children) {
            child.translate(offset);
        }
        box = new Box(box.min().plus(offset), box.max().plus(offset));
    }
}
