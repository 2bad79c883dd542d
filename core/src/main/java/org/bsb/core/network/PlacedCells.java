package org.bsb.core.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bsb.api.geometry.Box;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.geometry.Point3;
import org.bsb.api.morphology.Morphology;
import org.bsb.api.storage.PlacementBlock;

/**
 * The placed cells of a network, per cell type and chunk, with their global ids: a cell type's
 * cells are numbered through its chunks in chunk id order (blocks of the same chunk in the
 * order given), as the placement set lists them. Compile (connectivity, after_placement hooks) and
 * simulation (targetting) read placed cells through it, so both number them alike.
 */
public final class PlacedCells {
    private final Point3 chunkSize;
    private final Map<String, Morphology> morphologies;
    private final Map<String, TreeMap<ChunkId, List<PlacementBlock>>> byType = new HashMap<>();
    private final Map<String, Map<ChunkId, Long>> offsets = new HashMap<>();
    private final Map<String, Long> counts = new HashMap<>();
    private final Map<String, Box> bounds = new HashMap<>();

    /** The cells alone, without chunk size or morphologies: enough to read positions, counts and ids. */
    public PlacedCells(Collection<PlacementBlock> placement) {
        this(null, placement, List.of());
    }

    public PlacedCells(Point3 chunkSize, Collection<PlacementBlock> placement, Collection<Morphology> morphologies) {
        this.chunkSize = chunkSize;
        this.morphologies = new LinkedHashMap<>();
        for (Morphology m : morphologies) {
            this.morphologies.put(m.name(), m);
        }
        for (PlacementBlock b : placement) {
            byType.computeIfAbsent(b.cellType(), t -> new TreeMap<>())
                    .computeIfAbsent(b.chunk(), c -> new ArrayList<>())
                    .add(b);
        }
        for (var e : byType.entrySet()) {
            long n = 0;
            Map<ChunkId, Long> off = new HashMap<>();
            for (var c : e.getValue().entrySet()) {
                off.put(c.getKey(), n);
                for (PlacementBlock b : c.getValue()) {
                    n += b.size();
                }
            }
            offsets.put(e.getKey(), off);
            counts.put(e.getKey(), n);
        }
    }

    public Point3 chunkSize() {
        return chunkSize;
    }

    /** Chunks where cells of {@code cellType} were placed, sorted. */
    public TreeSet<ChunkId> chunks(String cellType) {
        TreeSet<ChunkId> out = new TreeSet<>();
        var m = byType.get(cellType);
        if (m != null) {
            for (var e : m.entrySet()) {
                if (e.getValue().stream().anyMatch(b -> b.size() > 0)) {
                    out.add(e.getKey());
                }
            }
        }
        return out;
    }

    public long count(String cellType) {
        return counts.getOrDefault(cellType, 0L);
    }

    /** The positions of the cells of {@code cellType} in global id order: x, y, z of cell 0, then of cell 1, ... */
    public double[] positions(String cellType) {
        double[] out = new double[3 * Math.toIntExact(count(cellType))];
        int at = 0;
        for (List<PlacementBlock> chunk :
                byType.getOrDefault(cellType, new TreeMap<>()).values()) {
            for (PlacementBlock b : chunk) {
                System.arraycopy(b.positions(), 0, out, at, 3 * b.size());
                at += 3 * b.size();
            }
        }
        return out;
    }

    /** The blocks of {@code cellType} in {@code chunk}, in global id order. */
    public List<PlacementBlock> blocks(String cellType, ChunkId chunk) {
        var m = byType.get(cellType);
        return m == null ? List.of() : m.getOrDefault(chunk, List.of());
    }

    /** Global id of the first cell of {@code cellType} in {@code chunk}. */
    public long offset(String cellType, ChunkId chunk) {
        return offsets.getOrDefault(cellType, Map.of()).getOrDefault(chunk, 0L);
    }

    /** The chunk holding the cell with global id {@code id} of {@code cellType}. */
    public ChunkId chunkOf(String cellType, long id) {
        ChunkId found = null;
        for (var e : offsets.getOrDefault(cellType, Map.of()).entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .toList()) {
            if (e.getValue() <= id) {
                found = e.getKey();
            }
        }
        return found;
    }

    public Morphology morphology(String name) {
        Morphology m = morphologies.get(name);
        if (m == null) {
            throw new IllegalArgumentException(
                    "placement refers to morphology '" + name + "' that is not in the network's morphology repository");
        }
        return m;
    }

    /** Bounds of a stored morphology (the original's meta ldc/mdc), cached. */
    public synchronized Box morphologyBounds(String name) {
        return bounds.computeIfAbsent(name, n -> morphology(n).bounds());
    }

    /**
     * Smallest box around the stored morphologies used by cells of {@code cellTypes}, or null if
     * none of them has a morphology. Where cells are rotated (about their own origin), a morphology
     * reaches at most as far as its farthest bounding-box corner in any direction: the box of that
     * sphere is used instead, so the region of interest never misses a rotated cell's reach.
     */
    public Box morphologyBounds(Collection<String> cellTypes) {
        Box out = null;
        for (String t : cellTypes) {
            for (var chunk : byType.getOrDefault(t, new TreeMap<>()).values()) {
                for (PlacementBlock b : chunk) {
                    boolean rotated = false;
                    for (double angle : b.rotations()) {
                        rotated |= angle % 360.0 != 0.0;
                    }
                    for (String name : b.morphologyNames()) {
                        Box m = morphologyBounds(name);
                        if (rotated) {
                            m = sphereBox(m);
                        }
                        out = out == null ? m : union(out, m);
                    }
                }
            }
        }
        return out;
    }

    /** The cube around the origin-centred sphere through the box's farthest corner. */
    static Box sphereBox(Box b) {
        double r2 = 0;
        for (double x : new double[] {b.min().x(), b.max().x()}) {
            for (double y : new double[] {b.min().y(), b.max().y()}) {
                for (double z : new double[] {b.min().z(), b.max().z()}) {
                    r2 = Math.max(r2, x * x + y * y + z * z);
                }
            }
        }
        double r = Math.sqrt(r2);
        return new Box(new Point3(-r, -r, -r), new Point3(r, r, r));
    }

    static Box union(Box a, Box b) {
        return new Box(
                new Point3(
                        Math.min(a.min().x(), b.min().x()),
                        Math.min(a.min().y(), b.min().y()),
                        Math.min(a.min().z(), b.min().z())),
                new Point3(
                        Math.max(a.max().x(), b.max().x()),
                        Math.max(a.max().y(), b.max().y()),
                        Math.max(a.max().z(), b.max().z())));
    }

    static final Comparator<ChunkId> CHUNK_ORDER = Comparator.naturalOrder();
}
