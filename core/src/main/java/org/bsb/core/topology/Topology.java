package org.bsb.core.topology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bsb.api.geometry.Box;
import org.bsb.api.geometry.ChunkId;

/**
 * The laid-out topology, built as the original's {@code _bootstrap}: partitions that no
 * region holds are wrapped in a group {@code __unmanaged__}; the root regions (those no other
 * region holds) are laid out in the network box, through one wrapping group {@code topology}
 * if there is not exactly one root.
 */
public final class Topology {
    private final NetworkBox network;
    private final Map<String, Partition> partitions;
    private final TopologyNode root;

    private Topology(NetworkBox network, Map<String, Partition> partitions, TopologyNode root) {
        this.network = network;
        this.partitions = partitions;
        this.root = root;
    }

    /**
     * @param partitions every partition, by name, in config order
     * @param regions every region, in config order (children already resolved to nodes)
     */
    public static Topology build(
            NetworkBox network, Collection<Partition> partitions, Collection<? extends RegionGroup> regions) {
        Set<TopologyNode> held = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (RegionGroup r : regions) {
            held.addAll(r.children());
        }
        List<TopologyNode> roots = new ArrayList<>();
        for (RegionGroup r : regions) {
            if (!held.contains(r)) {
                roots.add(r);
            }
        }
        List<TopologyNode> unmanaged = new ArrayList<>();
        for (Partition p : partitions) {
            if (!held.contains(p)) {
                unmanaged.add(p);
            }
        }
        if (!unmanaged.isEmpty()) {
            roots.add(new RegionGroup("__unmanaged__", unmanaged));
        }
        TopologyNode root = roots.size() == 1 ? roots.get(0) : new RegionGroup("topology", roots);
        root.layout(network.box());
        Map<String, Partition> byName = new LinkedHashMap<>();
        for (Partition p : partitions) {
            byName.put(p.name(), p);
        }
        return new Topology(network, byName, root);
    }

    public NetworkBox network() {
        return network;
    }

    public Map<String, Partition> partitions() {
        return partitions;
    }

    public Partition partition(String name) {
        return partitions.get(name);
    }

    public TopologyNode root() {
        return root;
    }

    /** The union of the chunks of {@code parts}, sorted by id. */
    public List<ChunkId> chunks(Collection<Partition> parts) {
        java.util.TreeSet<ChunkId> set = new java.util.TreeSet<>();
        for (Partition p : parts) {
            set.addAll(p.chunks(network.chunkSize()));
        }
        return new ArrayList<>(set);
    }

    /** The parts of {@code parts} inside {@code chunk}, one box per partition part. */
    public List<Box> voxels(Collection<Partition> parts, ChunkId chunk) {
        Box box = chunk.box(network.chunkSize());
        List<Box> out = new ArrayList<>();
        for (Partition p : parts) {
            out.addAll(p.voxels(box));
        }
        return out;
    }
}
