package org.bsb.core.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.storage.PlacementBlock;

/** Placement block bookkeeping. */
public final class Blocks {
    private Blocks() {}

    private record Key(String cellType, ChunkId chunk) {}

    /**
     * Concatenates blocks of the same (cell type, chunk) in the given order (morphology indices
     * remapped onto the union of their names) and sorts by cell type, then chunk id.
     */
    public static List<PlacementBlock> merge(List<PlacementBlock> blocks) {
        Map<Key, List<PlacementBlock>> groups = new LinkedHashMap<>();
        for (PlacementBlock b : blocks) {
            groups.computeIfAbsent(new Key(b.cellType(), b.chunk()), k -> new ArrayList<>())
                    .add(b);
        }
        List<PlacementBlock> out = new ArrayList<>();
        for (List<PlacementBlock> group : groups.values()) {
            out.add(group.size() == 1 ? group.get(0) : concat(group));
        }
        out.sort(Comparator.comparing(PlacementBlock::cellType).thenComparing(PlacementBlock::chunk));
        return out;
    }

    private static PlacementBlock concat(List<PlacementBlock> group) {
        int n = group.stream().mapToInt(PlacementBlock::size).sum();
        double[] pos = new double[3 * n];
        double[] rot = new double[3 * n];
        int[] morpho = new int[n];
        List<String> names = new ArrayList<>();
        boolean labelled = group.stream().anyMatch(b -> b.labels() != null);
        List<java.util.Set<String>> labels = labelled ? new ArrayList<>() : null;
        int at = 0;
        for (PlacementBlock b : group) {
            if (labelled) {
                for (int i = 0; i < b.size(); i++) {
                    labels.add(b.labelsOf(i));
                }
            }
            System.arraycopy(b.positions(), 0, pos, 3 * at, 3 * b.size());
            System.arraycopy(b.rotations(), 0, rot, 3 * at, 3 * b.size());
            for (int i = 0; i < b.size(); i++) {
                int m = b.morphologies()[i];
                if (m < 0) {
                    morpho[at + i] = -1;
                } else {
                    String name = b.morphologyNames().get(m);
                    int idx = names.indexOf(name);
                    if (idx < 0) {
                        names.add(name);
                        idx = names.size() - 1;
                    }
                    morpho[at + i] = idx;
                }
            }
            at += b.size();
        }
        PlacementBlock first = group.get(0);
        return new PlacementBlock(first.cellType(), first.chunk(), pos, rot, morpho, names, labels);
    }

    /** Cells per cell type, in name order. */
    public static Map<String, Integer> counts(List<PlacementBlock> blocks) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (PlacementBlock b : blocks) {
            counts.merge(b.cellType(), b.size(), Integer::sum);
        }
        return counts;
    }

    /** Whether two blocks hold identical data (for tests and the determinism check). */
    public static boolean same(PlacementBlock a, PlacementBlock b) {
        return a.cellType().equals(b.cellType())
                && a.chunk().equals(b.chunk())
                && Arrays.equals(a.positions(), b.positions())
                && Arrays.equals(a.rotations(), b.rotations())
                && Arrays.equals(a.morphologies(), b.morphologies())
                && a.morphologyNames().equals(b.morphologyNames());
    }

    /** A cell type's blocks in global id order (chunk id order, then as listed). */
    public static List<PlacementBlock> ofType(List<PlacementBlock> blocks, String cellType) {
        List<PlacementBlock> out = new ArrayList<>();
        for (PlacementBlock b : blocks) {
            if (b.cellType().equals(cellType)) {
                out.add(b);
            }
        }
        out.sort(Comparator.comparing(PlacementBlock::chunk));
        return out;
    }

    /**
     * {@code blocks} with {@code labels} added to the cells {@code ids} (global ids) of a cell type, as the
     * original's {@code PlacementSet.label}; other blocks are returned as they are.
     *
     * @throws IllegalArgumentException for blank labels, a type without cells, or an id out of range
     */
    public static List<PlacementBlock> label(
            List<PlacementBlock> blocks, String cellType, java.util.Collection<String> labels, int... ids) {
        if (labels.isEmpty() || labels.stream().anyMatch(l -> l == null || l.isBlank())) {
            throw new IllegalArgumentException("labels must be non-empty names, got " + labels);
        }
        List<PlacementBlock> ofType = ofType(blocks, cellType);
        int total = ofType.stream().mapToInt(PlacementBlock::size).sum();
        if (total == 0) {
            throw new IllegalArgumentException("there are no placed cells of type '" + cellType + "'; placed: "
                    + counts(blocks).keySet());
        }
        java.util.BitSet chosen = new java.util.BitSet(total);
        for (int id : ids) {
            if (id < 0 || id >= total) {
                throw new IllegalArgumentException("cell id " + id + " of '" + cellType + "' is out of range: its "
                        + total + " cells have ids 0 to " + (total - 1));
            }
            chosen.set(id);
        }
        Map<PlacementBlock, PlacementBlock> replaced = new java.util.IdentityHashMap<>();
        int first = 0;
        for (PlacementBlock b : ofType) {
            int next = chosen.nextSetBit(first);
            if (next >= 0 && next < first + b.size()) {
                List<java.util.Set<String>> cellLabels = new ArrayList<>();
                for (int i = 0; i < b.size(); i++) {
                    java.util.Set<String> set = new java.util.TreeSet<>(b.labelsOf(i));
                    if (chosen.get(first + i)) {
                        set.addAll(labels);
                    }
                    cellLabels.add(set);
                }
                replaced.put(b, b.withLabels(cellLabels));
            }
            first += b.size();
        }
        List<PlacementBlock> out = new ArrayList<>();
        for (PlacementBlock b : blocks) {
            out.add(replaced.getOrDefault(b, b));
        }
        return out;
    }
}
