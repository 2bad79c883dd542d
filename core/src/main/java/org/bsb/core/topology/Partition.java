package org.bsb.core.topology;

import java.util.List;
import org.bsb.api.geometry.Box;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.geometry.Point3;

/** A space cells are placed in. Axis-aligned boxes only ({@code rhomboid}, {@code layer}). */
public abstract class Partition implements TopologyNode {
    private final String name;
    protected Box box;

    protected Partition(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Box box() {
        if (box == null) {
            throw new IllegalStateException("partition '" + name + "' is not laid out");
        }
        return box;
    }

    @Override
    public void translate(Point3 offset) {
        box = new Box(box.min().plus(offset), box.max().plus(offset));
    }

    /** Volume, µm³. */
    public double volume() {
        return box().volume();
    }

    /** Volume inside {@code chunk}, µm³. */
    public double volume(Box chunk) {
        Box i = box().intersect(chunk);
        return i == null ? 0 : i.volume();
    }

    /** Area of the x-y footprint, µm² ({@code planar_density} multiplies it). */
    public double surface() {
        Point3 s = box().size();
        return s.x() * s.y();
    }

    /** Area of the x-y footprint inside {@code chunk}'s x-y footprint, µm². */
    public double surface(Box chunk) {
        double w = Math.min(box().max().x(), chunk.max().x())
                - Math.max(box().min().x(), chunk.min().x());
        double d = Math.min(box().max().y(), chunk.max().y())
                - Math.max(box().min().y(), chunk.min().y());
        return Math.max(0, w) * Math.max(0, d);
    }

    /** The chunks the partition touches, sorted by id. */
    public List<ChunkId> chunks(Point3 chunkSize) {
        return NetworkBox.chunksOf(box(), chunkSize);
    }

    /** The partition's part of {@code chunk} as boxes (none if they do not overlap in a volume). */
    public List<Box> voxels(Box chunk) {
        Box i = box().intersect(chunk);
        return i == null ? List.of() : List.of(i);
    }
}
