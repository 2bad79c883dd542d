package org.bsb.storage.hdf5;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bsb.api.BsbName;
import org.bsb.api.geometry.Box;
import org.bsb.api.io.AtomicFiles;
import org.bsb.api.morphology.Branch;
import org.bsb.api.morphology.Morphology;
import org.bsb.api.storage.ConnectivityBlock;
import org.bsb.api.storage.InvalidNetworkException;
import org.bsb.api.storage.NetworkData;
import org.bsb.api.storage.PlacementBlock;
import org.bsb.api.storage.StorageEngine;
import org.bsb.api.storage.StorageException;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code hdf5} storage engine: one HDF5 file per network in the layout of the original's
 * bsb-hdf5 (see README.md). jHDF cannot modify files, so every write produces a whole new
 * file beside the target and renames it over the target atomically ({@link AtomicFiles}: fsync
 * before the rename, the temp file removed on failure, killed writers' temp files removed by the
 * next write): a crash or an error mid-write leaves the previous file as it was.
 */
@Component(service = StorageEngine.class)
@BsbName({"hdf5", "bsb_hdf5"})
public class Hdf5Engine implements StorageEngine {
    /** Version of this file layout, root attribute {@code bsb_java_layout}. */
    public static final int LAYOUT_VERSION = 1;

    static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    @Override
    public void write(Path file, NetworkData network) throws StorageException {
        Path target = file.toAbsolutePath();
        validate(network);
        try {
            // hidden temp beside the target, fsync, atomic rename, folder fsync; the temp is removed on failure
            AtomicFiles.replace(target, tmp -> writeFile(tmp, network), this::beforeRename);
        } catch (IOException | RuntimeException e) {
            throw new StorageException("Cannot write network file " + target + ": " + describe(e), e);
        }
    }

    /** Called with the complete temporary file before it replaces the target (tests inject failures here). */
    protected void beforeRename(Path tmp) throws IOException {
        // nothing by default
    }

    static String describe(Throwable e) {
        return org.bsb.api.ErrorReport.explain(e);
    }

    private static void validate(NetworkData n) throws StorageException {
        Set<String> seen = new java.util.HashSet<>();
        for (PlacementBlock b : n.placement()) {
            checkName("cell type", b.cellType());
            if (b.size() > 0 && !seen.add(b.cellType() + "/" + b.chunk().id())) {
                throw new StorageException("Cannot store two placement blocks of '" + b.cellType() + "' in chunk "
                        + b.chunk() + ": merge them first");
            }
        }
        for (Morphology m : n.morphologies()) {
            checkName("morphology", m.name());
        }
        for (ConnectivityBlock c : n.connectivity()) {
            checkName("connectivity set", c.set());
        }
    }

    private static void checkName(String what, String name) throws StorageException {
        if (name == null || name.isEmpty() || name.contains("/") || name.equals(".")) {
            throw new StorageException(
                    "Cannot store " + what + " '" + name + "': names must be non-empty and" + " contain no '/'");
        }
    }

    // ---------------------------------------------------------------- writing

    private static void writeFile(Path tmp, NetworkData n) {
        try (WritableHdfFile h = HdfFile.write(tmp)) {
            for (Map.Entry<String, String> e : new TreeMap<>(n.attributes()).entrySet()) {
                h.putAttribute(e.getKey(), e.getValue());
            }
            h.putAttribute("bsb_java_layout", LAYOUT_VERSION);
            h.putAttribute("chunk_size", n.chunkSize().toArray());
            // Tables are datasets, not attributes: jHDF writes attributes over 64 KiB into the object
            // header, which then cannot be read back (a 20,000-chunk table broke the file).
            long[][] table = chunkTable(n);
            if (table.length > 0) {
                h.putDataset("chunks", table)
                        .putAttribute(
                                "columns", new String[] {"chunk_id", "placed", "connections_inc", "connections_out"});
            }
            // jHDF 0.13 corrupts a file in which an empty group is followed by a dataset ("Failed to
            // load children of group '//'"), so groups are only made for something to put in them.
            if (n.configJson() != null) {
                var config = h.putGroup("files").putDataset("config", n.configJson());
                config.putAttribute("meta", "{\"active_config\": true}");
            }
            writeMorphologies(h, n.morphologies());
            List<PlacementBlock> placed =
                    n.placement().stream().filter(b -> b.size() > 0).toList();
            if (!placed.isEmpty()) {
                writePlacement(h.putGroup("placement"), placed);
            }
            List<ConnectivityBlock> connected =
                    n.connectivity().stream().filter(c -> c.size() > 0).toList();
            if (!connected.isEmpty()) {
                writeConnectivity(h.putGroup("connectivity"), connected);
            }
        }
    }

    /** Per chunk with data: id, cells placed, incoming and outgoing connections; sorted by id. */
    private static long[][] chunkTable(NetworkData n) {
        Map<Long, long[]> table = new TreeMap<>();
        for (PlacementBlock b : n.placement()) {
            if (b.size() > 0) {
                table.computeIfAbsent(b.chunk().id(), k -> new long[3])[0] += b.size();
            }
        }
        Map<String, long[]> cellChunk = cellChunks(n.placement());
        for (ConnectivityBlock c : n.connectivity()) {
            if (c.size() == 0) {
                continue;
            }
            table.computeIfAbsent(c.preChunk(), k -> new long[3])[2] += c.size();
            long[] postChunks = cellChunk.get(c.postType());
            for (int i = 0; i < c.size(); i++) {
                int cell = c.postLocations()[3 * i];
                if (postChunks != null && cell >= 0 && cell < postChunks.length) {
                    table.computeIfAbsent(postChunks[cell], k -> new long[3])[1]++;
                }
            }
        }
        long[][] out = new long[table.size()][];
        int i = 0;
        for (Map.Entry<Long, long[]> e : table.entrySet()) {
            long[] v = e.getValue();
            out[i++] = new long[] {e.getKey(), v[0], v[1], v[2]};
        }
        return out;
    }

    /** Per cell type, the chunk id of each cell by global id. */
    private static Map<String, long[]> cellChunks(List<PlacementBlock> blocks) {
        Map<String, List<PlacementBlock>> byType = byType(blocks);
        Map<String, long[]> out = new LinkedHashMap<>();
        byType.forEach((type, list) -> {
            long[] ids = new long[list.stream().mapToInt(PlacementBlock::size).sum()];
            int at = 0;
            for (PlacementBlock b : list) {
                Arrays.fill(ids, at, at + b.size(), b.chunk().id());
                at += b.size();
            }
            out.put(type, ids);
        });
        return out;
    }

    private static Map<String, List<PlacementBlock>> byType(List<PlacementBlock> blocks) {
        Map<String, List<PlacementBlock>> byType = new TreeMap<>();
        for (PlacementBlock b : blocks) {
            byType.computeIfAbsent(b.cellType(), k -> new ArrayList<>()).add(b);
        }
        byType.values().forEach(l -> l.sort(Comparator.comparing(PlacementBlock::chunk)));
        return byType;
    }

    private static void writeMorphologies(WritableHdfFile h, List<Morphology> morphologies) {
        if (morphologies.isEmpty()) {
            h.putDataset("morphology_meta", "{}");
            return;
        }
        WritableGroup group = h.putGroup("morphologies");
        Map<String, Object> meta = new LinkedHashMap<>();
        for (Morphology m : morphologies) {
            WritableGroup g = group.putGroup(m.name());
            int points = m.pointCount();
            Map<String, Object> labels = new LinkedHashMap<>();
            for (int c = 0; c < m.labelSets().size(); c++) {
                labels.put(Integer.toString(c), new ArrayList<>(m.labelSet(c)));
            }
            g.putAttribute("labels", MiniJson.write(labels));
            g.putAttribute("properties", new String[] {"none"});
            g.putAttribute("points", (long) points);
            g.putAttribute("branches", (long) m.branches().size());
            int[][] graph = new int[m.branches().size()][2];
            double[][] data = new double[points][5];
            int at = 0;
            for (int b = 0; b < m.branches().size(); b++) {
                Branch br = m.branches().get(b);
                for (int i = 0; i < br.size(); i++, at++) {
                    data[at][0] = br.x(i);
                    data[at][1] = br.y(i);
                    data[at][2] = br.z(i);
                    data[at][3] = br.radii()[i];
                    data[at][4] = br.labels()[i];
                }
                graph[b][0] = at;
                graph[b][1] = br.parent();
            }
            if (points > 0) {
                g.putDataset("data", data, rows(points, 5));
            }
            if (graph.length > 0) {
                g.putDataset("graph", graph, rows(graph.length, 2));
            } else {
                // No branches: a group must not stay empty (see writeFile).
                g.putDataset("empty", 1);
            }
            Box bounds = m.bounds();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", m.name());
            entry.put("ldc", bounds.min().toArray());
            entry.put("mdc", bounds.max().toArray());
            meta.put(m.name(), entry);
        }
        h.putDataset("morphology_meta", MiniJson.write(meta));
    }

    private static void writePlacement(WritableGroup placement, List<PlacementBlock> blocks) {
        for (Map.Entry<String, List<PlacementBlock>> e : byType(blocks).entrySet()) {
            WritableGroup type = placement.putGroup(e.getKey());
            Map<List<String>, Integer> labelSets = labelSetCodes(e.getValue());
            long len = 0;
            for (PlacementBlock b : e.getValue()) {
                if (b.size() == 0) {
                    continue;
                }
                len += b.size();
                WritableGroup chunk = type.putGroup(Long.toString(b.chunk().id()));
                chunk.putAttribute("len", (long) b.size());
                chunk.putAttribute(
                        "chunk",
                        new int[] {b.chunk().x(), b.chunk().y(), b.chunk().z()});
                if (!b.morphologyNames().isEmpty()) {
                    chunk.putAttribute("morphology_loaders", b.morphologyNames().toArray(new String[0]));
                }
                chunk.putDataset("position", triples(b.positions(), b.size()), rows(b.size(), 3));
                chunk.putDataset("rotation", triples(b.rotations(), b.size()), rows(b.size(), 3));
                chunk.putDataset("morphology", b.morphologies().clone());
                if (labelSets != null) {
                    int[] codes = new int[b.size()];
                    for (int i = 0; i < codes.length; i++) {
                        codes[i] = labelSets.get(new ArrayList<>(new TreeSet<>(b.labelsOf(i))));
                    }
                    chunk.putDataset("labels", codes);
                }
            }
            if (labelSets != null) {
                Map<String, Object> json = new LinkedHashMap<>();
                labelSets.forEach((set, code) -> json.put(Integer.toString(code), set));
                type.putAttribute("labelsets", MiniJson.write(json));
            }
            // Per-chunk counts are each chunk group's len and the root chunks table (h5py users sort
            // a type's keys as chunk ids, so nothing else lives beside the chunk groups).
            type.putAttribute("len", len);
        }
    }

    /**
     * Label-set codes of a cell type's cells as the original encodes them (EncodedLabels): 0 for no
     * labels, then each distinct sorted set in order of first appearance; null when no cell is labelled.
     */
    private static Map<List<String>, Integer> labelSetCodes(List<PlacementBlock> blocks) {
        Map<List<String>, Integer> codes = new LinkedHashMap<>();
        codes.put(List.of(), 0);
        boolean any = false;
        for (PlacementBlock b : blocks) {
            for (int i = 0; i < b.size(); i++) {
                List<String> set = new ArrayList<>(new TreeSet<>(b.labelsOf(i)));
                any |= !set.isEmpty();
                codes.putIfAbsent(set, codes.size());
            }
        }
        return any ? codes : null;
    }

    /**
     * HDF5 chunking in blocks of rows. jHDF writes a contiguous 2-D dataset with one file write
     * per row (a system call per cell: 35 s for a million cells here); a chunked one is written
     * a chunk at a time. h5py reads both alike. Datasets below {@link #CHUNKED_FROM} rows stay contiguous.
     */
    static DatasetCreationOptions rows(int n, int width) {
        if (n < CHUNKED_FROM) {
            // Small datasets: a chunk index costs more than a few row writes.
            return DatasetCreationOptions.DEFAULT;
        }
        return DatasetCreationOptions.builder()
                .chunkDimensions(Math.min(n, CHUNK_ROWS), width)
                .build();
    }

    static final int CHUNKED_FROM = 512;

    static final int CHUNK_ROWS = 65536;

    private static double[][] triples(double[] flat, int n) {
        double[][] out = new double[n][3];
        for (int i = 0; i < n; i++) {
            out[i][0] = flat[3 * i];
            out[i][1] = flat[3 * i + 1];
            out[i][2] = flat[3 * i + 2];
        }
        return out;
    }

    private static int[][] triples(int[] flat, int n) {
        int[][] out = new int[n][3];
        for (int i = 0; i < n; i++) {
            out[i][0] = flat[3 * i];
            out[i][1] = flat[3 * i + 1];
            out[i][2] = flat[3 * i + 2];
        }
        return out;
    }

    private static void writeConnectivity(WritableGroup connectivity, List<ConnectivityBlock> blocks) {
        Map<String, Map<Long, List<ConnectivityBlock>>> sets = new TreeMap<>();
        Map<String, ConnectivityBlock> first = new LinkedHashMap<>();
        for (ConnectivityBlock c : blocks) {
            sets.computeIfAbsent(c.set(), k -> new TreeMap<>())
                    .computeIfAbsent(c.preChunk(), k -> new ArrayList<>())
                    .add(c);
            first.putIfAbsent(c.set(), c);
        }
        for (Map.Entry<String, Map<Long, List<ConnectivityBlock>>> set : sets.entrySet()) {
            WritableGroup g = connectivity.putGroup(set.getKey());
            ConnectivityBlock f = first.get(set.getKey());
            g.putAttribute("pre", f.preType());
            g.putAttribute("post", f.postType());
            long len = 0;
            for (Map.Entry<Long, List<ConnectivityBlock>> chunk : set.getValue().entrySet()) {
                int n = chunk.getValue().stream()
                        .mapToInt(ConnectivityBlock::size)
                        .sum();
                if (n == 0) {
                    continue;
                }
                int[] pre = new int[3 * n];
                int[] post = new int[3 * n];
                int at = 0;
                for (ConnectivityBlock c : chunk.getValue()) {
                    System.arraycopy(c.preLocations(), 0, pre, 3 * at, 3 * c.size());
                    System.arraycopy(c.postLocations(), 0, post, 3 * at, 3 * c.size());
                    at += c.size();
                }
                WritableGroup cg = g.putGroup(Long.toString(chunk.getKey()));
                cg.putAttribute("len", (long) n);
                cg.putDataset("pre_locs", triples(pre, n), rows(n, 3));
                cg.putDataset("post_locs", triples(post, n), rows(n, 3));
                len += n;
            }
            g.putAttribute("len", len);
        }
    }

    // ---------------------------------------------------------------- reading

    @Override
    public String configLocation() {
        return "/files/config";
    }

    @Override
    public boolean exists(Path file) {
        if (!Files.isRegularFile(file) || !hasSignature(file)) {
            return false;
        }
        try (HdfFile h = new HdfFile(file)) {
            return h.getAttribute("bsb_java_layout") != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean hasSignature(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(8), SIGNATURE);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public NetworkData read(Path file) throws StorageException {
        if (!Files.isRegularFile(file)) {
            throw new StorageException(
                    "Network file " + file + (Files.isDirectory(file) ? " is a directory" : " does not exist"));
        }
        if (!hasSignature(file)) {
            throw new StorageException("Cannot read network file " + file + ": it is not an HDF5 file");
        }
        try (HdfFile h = new HdfFile(file)) {
            if (h.getAttribute("bsb_java_layout") == null) {
                throw new StorageException("Cannot read network file " + file + ": it is an HDF5 file but not a BSB"
                        + " network (no root attribute 'bsb_java_layout')");
            }
            Hdf5Reader.Result r = Hdf5Reader.read(h);
            if (r.count() > 0) {
                throw new InvalidNetworkException(file.toString(), r.problems(), r.count(), r.config());
            }
            return r.network();
        } catch (StorageException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StorageException(
                    "Cannot read network file " + file + ": it is truncated, damaged or not written" + " by BSB ("
                            + describe(e) + ")",
                    e);
        }
    }
}
