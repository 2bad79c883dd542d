package org.bsb.storage.hdf5;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.StringData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.geometry.Point3;
import org.bsb.api.morphology.Branch;
import org.bsb.api.morphology.Morphology;
import org.bsb.api.storage.ConnectivityBlock;
import org.bsb.api.storage.NetworkData;
import org.bsb.api.storage.PlacementBlock;

/**
 * Reads a network file and checks it against the layout of README.md on the way, in one pass: every
 * dataset's shape and type, lengths against the {@code len}/{@code points}/{@code branches}
 * attributes, finite numbers, morphology indices, label codes, and every connection's cell ids
 * (within the cell type's count) and locations (branch and point of the cell's morphology, or -1, -1).
 * Nothing here throws for bad content: each problem is recorded with the dataset path and row, and
 * a network is built only when there are none. Problems after the first {@link #KEPT} are counted.
 */
final class Hdf5Reader {
    /** Problems kept with their text; beyond these they are only counted. */
    static final int KEPT = 1000;
    /** A cell whose data could not be read: its connection locations are not checked. */
    private static final Morphology UNKNOWN = new Morphology("?", List.of(), List.of());

    private final List<String> problems = new ArrayList<>();
    private long count;

    /**
     * @param network the network, or null if there are problems
     * @param config the stored config if it could be read, else null
     */
    record Result(NetworkData network, String config, List<String> problems, long count) {}

    private Hdf5Reader() {}

    static Result read(HdfFile h) {
        return new Hdf5Reader().readFile(h);
    }

    // ---------------------------------------------------------------- problems

    private void problem(String where, String what) {
        count++;
        if (problems.size() < KEPT) {
            problems.add(where + ": " + what);
        }
    }

    private void problem(String dataset, long row, String what) {
        count++;
        if (problems.size() < KEPT) {
            problems.add(dataset + " row " + row + ": " + what);
        }
    }

    // ---------------------------------------------------------------- root

    private Result readFile(HdfFile h) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, Attribute> e : h.getAttributes().entrySet()) {
            Object v = attributeData(e.getValue(), "/ attribute " + e.getKey());
            if (v instanceof String s) {
                attributes.put(e.getKey(), s);
            }
        }
        Object layout = attributeData(h.getAttribute("bsb_java_layout"), "/ attribute bsb_java_layout");
        long version = layout instanceof Number n
                ? n.longValue()
                : layout instanceof int[] a && a.length == 1
                        ? a[0]
                        : layout instanceof long[] a && a.length == 1 ? a[0] : -1;
        if (version != Hdf5Engine.LAYOUT_VERSION) {
            problem(
                    "/ attribute bsb_java_layout",
                    "found " + show(layout) + ", expected " + Hdf5Engine.LAYOUT_VERSION
                            + " (the layout this version reads)");
        }
        String seed = attributes.get("seed");
        if (seed != null) {
            try {
                Long.parseLong(seed.trim());
            } catch (NumberFormatException e) {
                problem("/ attribute seed", "found '" + seed + "', expected a whole number");
            }
        }
        Point3 chunkSize = chunkSize(h);
        Node chunks = h.getChild("chunks");
        if (chunks != null) {
            dataset(chunks, "/chunks", long.class, "int64", 4);
        }
        String config = config(h);
        Node meta = h.getChild("morphology_meta");
        if (meta != null) {
            scalarString(meta, "/morphology_meta");
        }
        Map<String, Morphology> morphologies = morphologies(h.getChild("morphologies"));
        Map<String, Morphology[]> cells = new HashMap<>();
        List<PlacementBlock> placement = placement(h.getChild("placement"), morphologies, cells);
        List<ConnectivityBlock> connectivity = connectivity(h.getChild("connectivity"), cells);
        NetworkData network = count > 0
                ? null
                : new NetworkData(
                        config, chunkSize, List.copyOf(morphologies.values()), placement, connectivity, attributes);
        return new Result(network, config, List.copyOf(problems), count);
    }

    private Point3 chunkSize(HdfFile h) {
        String where = "/ attribute chunk_size";
        Object v = attributeData(h.getAttribute("chunk_size"), where);
        if (v instanceof double[] cs && cs.length == 3) {
            if (Double.isFinite(cs[0])
                    && Double.isFinite(cs[1])
                    && Double.isFinite(cs[2])
                    && cs[0] > 0
                    && cs[1] > 0
                    && cs[2] > 0) {
                return new Point3(cs[0], cs[1], cs[2]);
            }
            problem(where, "found " + show(v) + ", expected 3 finite numbers > 0");
        } else if (v != null || h.getAttribute("chunk_size") == null) {
            problem(where, "found " + (v == null ? "nothing" : show(v)) + ", expected 3 numbers (float64[3])");
        }
        return new Point3(1, 1, 1);
    }

    private String config(HdfFile h) {
        Node files = h.getChild("files");
        if (files == null) {
            return null;
        }
        if (!(files instanceof Group g)) {
            problem("/files", "a dataset, expected a group");
            return null;
        }
        Node config = g.getChild("config");
        return config == null ? null : scalarString(config, "/files/config");
    }

    // ---------------------------------------------------------------- morphologies

    private Map<String, Morphology> morphologies(Node node) {
        Map<String, Morphology> out = new TreeMap<>();
        Group group = group(node, "/morphologies");
        if (group == null) {
            return out;
        }
        for (Node child : byName(group)) {
            String path = "/morphologies/" + child.getName();
            if (!(child instanceof Group g)) {
                problem(path, "a dataset, expected a morphology's group");
                continue;
            }
            Morphology m = morphology(g, path);
            out.put(g.getName(), m);
        }
        return out;
    }

    /** A morphology, or {@link #UNKNOWN} if it has problems. */
    private Morphology morphology(Group g, String path) {
        long before = count;
        List<Set<String>> sets = labelTable(g, "labels", path, true);
        Long points = longAttribute(g, "points", path, true);
        Long branches = longAttribute(g, "branches", path, true);
        if (points == null || branches == null || sets == null) {
            return UNKNOWN;
        }
        double[][] data = new double[0][];
        if (points > 0 || g.getChild("data") != null) {
            Object d = rows(
                    g.getChild("data"),
                    path + "/data",
                    double.class,
                    "float64",
                    5,
                    points,
                    "the morphology's points attribute");
            if (d == null) {
                return UNKNOWN;
            }
            data = (double[][]) d;
        }
        int[][] graph = new int[0][];
        if (branches > 0 || g.getChild("graph") != null) {
            Object d = rows(
                    g.getChild("graph"),
                    path + "/graph",
                    int.class,
                    "int32",
                    2,
                    branches,
                    "the morphology's branches attribute");
            if (d == null) {
                return UNKNOWN;
            }
            graph = (int[][]) d;
        }
        String dataPath = path + "/data";
        for (int i = 0; i < data.length; i++) {
            double[] r = data[i];
            if (!(Double.isFinite(r[0]) && Double.isFinite(r[1]) && Double.isFinite(r[2]))) {
                problem(dataPath, i, "point (" + r[0] + ", " + r[1] + ", " + r[2] + ") is not finite");
            }
            if (!(Double.isFinite(r[3]) && r[3] >= 0)) {
                problem(dataPath, i, "radius " + r[3] + ", expected a finite number >= 0");
            }
            if (!(r[4] == Math.rint(r[4]) && r[4] >= 0 && r[4] < sets.size())) {
                problem(
                        dataPath,
                        i,
                        "label-set code " + r[4] + " is not one of the codes 0.." + (sets.size() - 1)
                                + " of the attribute labels");
            }
        }
        String graphPath = path + "/graph";
        int start = 0;
        for (int b = 0; b < graph.length; b++) {
            int end = graph[b][0];
            int parent = graph[b][1];
            if (end < start || end > data.length) {
                problem(
                        graphPath,
                        b,
                        "end pointer " + end + ", expected " + start + ".." + data.length
                                + " (at least the previous branch's end, at most the points in data)");
            } else {
                start = end;
            }
            if (parent != -1 && (parent < 0 || parent >= b)) {
                problem(
                        graphPath,
                        b,
                        "parent branch " + parent + ", expected -1 (a root) or a branch before it"
                                + (b > 0 ? " (0.." + (b - 1) + ")" : ""));
            }
        }
        if (count == before && start != data.length) {
            problem(
                    graphPath,
                    "the last branch ends at point " + start + ", but data holds " + data.length + " points"
                            + " (points " + start + ".." + (data.length - 1) + " belong to no branch)");
        }
        if (count > before) {
            return UNKNOWN;
        }
        List<Branch> out = new ArrayList<>(graph.length);
        start = 0;
        for (int[] row : graph) {
            int n = row[0] - start;
            double[] pts = new double[3 * n];
            double[] radii = new double[n];
            int[] lab = new int[n];
            for (int i = 0; i < n; i++) {
                double[] d = data[start + i];
                pts[3 * i] = d[0];
                pts[3 * i + 1] = d[1];
                pts[3 * i + 2] = d[2];
                radii[i] = d[3];
                lab[i] = (int) d[4];
            }
            out.add(new Branch(row[1], pts, radii, lab));
            start = row[0];
        }
        return new Morphology(g.getName(), out, sets);
    }

    // ---------------------------------------------------------------- placement

    /**
     * The placement blocks; fills {@code cells} with, per cell type, the morphology of each cell by
     * global id (null: none; {@link #UNKNOWN}: its data has problems).
     */
    private List<PlacementBlock> placement(
            Node node, Map<String, Morphology> morphologies, Map<String, Morphology[]> cells) {
        List<PlacementBlock> out = new ArrayList<>();
        Group group = group(node, "/placement");
        if (group == null) {
            return out;
        }
        for (Node typeNode : byName(group)) {
            String typePath = "/placement/" + typeNode.getName();
            if (!(typeNode instanceof Group type)) {
                problem(typePath, "a dataset, expected a cell type's group of chunks");
                continue;
            }
            List<Set<String>> labelSets = labelTable(type, "labelsets", typePath, false);
            boolean labelled = type.getAttribute("labelsets") != null;
            Long typeLen = longAttribute(type, "len", typePath, true);
            List<Morphology> cellMorphologies = new ArrayList<>();
            long declared = 0;
            for (Map.Entry<Long, Node> e : chunks(type, typePath).entrySet()) {
                String path = typePath + "/" + e.getValue().getName();
                Group g = (Group) e.getValue();
                Long len = longAttribute(g, "len", path, true);
                if (len == null || len < 0 || len > Integer.MAX_VALUE) {
                    if (len != null) {
                        problem(
                                path + " attribute len",
                                "found " + len + ", expected a number of cells 0.." + Integer.MAX_VALUE);
                    }
                    continue;
                }
                declared += len;
                int n = len.intValue();
                PlacementBlock block =
                        placementChunk(g, path, e.getKey(), n, labelled, labelSets, morphologies, cellMorphologies);
                if (block == null) {
                    for (int i = 0; i < n; i++) {
                        cellMorphologies.add(UNKNOWN);
                    }
                } else if (block.size() > 0) {
                    out.add(block);
                }
            }
            if (typeLen != null && typeLen != declared) {
                problem(
                        typePath + " attribute len",
                        "is " + typeLen + ", but the len attributes of its chunks add up" + " to " + declared);
            }
            cells.put(type.getName(), cellMorphologies.toArray(new Morphology[0]));
        }
        return out;
    }

    /** One chunk's cells, or null if they have problems; appends each cell's morphology to {@code cellMorphologies}. */
    private PlacementBlock placementChunk(
            Group g,
            String path,
            long id,
            int n,
            boolean labelled,
            List<Set<String>> labelSets,
            Map<String, Morphology> morphologies,
            List<Morphology> cellMorphologies) {
        long before = count;
        ChunkId chunk = ChunkId.ofId(id);
        Object coords = attributeData(g.getAttribute("chunk"), path + " attribute chunk");
        if (coords != null
                && !(coords instanceof int[] c
                        && c.length == 3
                        && c[0] == chunk.x()
                        && c[1] == chunk.y()
                        && c[2] == chunk.z())) {
            problem(
                    path + " attribute chunk",
                    "found " + show(coords) + ", expected [" + chunk.x() + ", " + chunk.y() + ", " + chunk.z()
                            + "] (the coordinates of chunk id " + id + ")");
        }
        List<String> loaders = List.of();
        Attribute loaderAttribute = g.getAttribute("morphology_loaders");
        if (loaderAttribute != null) {
            Object v = attributeData(loaderAttribute, path + " attribute morphology_loaders");
            if (v instanceof String[] names) {
                loaders = List.of(names);
            } else if (v instanceof String name) {
                loaders = List.of(name);
            } else if (v != null) {
                problem(path + " attribute morphology_loaders", "found " + show(v) + ", expected morphology names");
            }
            for (String name : loaders) {
                if (!morphologies.containsKey(name)) {
                    problem(
                            path + " attribute morphology_loaders",
                            "names morphology '" + name + "', which /morphologies"
                                    + " does not hold"
                                    + (morphologies.isEmpty()
                                            ? " (it holds none)"
                                            : " (it holds " + String.join(", ", morphologies.keySet()) + ")"));
                }
            }
        }
        String lengthOf = "the chunk's len attribute";
        double[][] pos =
                (double[][]) rows(g.getChild("position"), path + "/position", double.class, "float64", 3, n, lengthOf);
        double[][] rot =
                (double[][]) rows(g.getChild("rotation"), path + "/rotation", double.class, "float64", 3, n, lengthOf);
        int[] morpho = (int[]) rows(g.getChild("morphology"), path + "/morphology", int.class, "int32", 0, n, lengthOf);
        int[] codes = null;
        Node labelsNode = g.getChild("labels");
        if (labelsNode != null || labelled) {
            if (labelsNode != null && !labelled) {
                problem(
                        path + "/labels",
                        "label-set codes, but " + path.substring(0, path.lastIndexOf('/'))
                                + " has no labelsets attribute to decode them");
            } else {
                codes = (int[]) rows(labelsNode, path + "/labels", int.class, "int32", 0, n, lengthOf);
            }
        }
        if (pos != null) {
            finiteRows(pos, path + "/position", "position");
        }
        if (rot != null) {
            finiteRows(rot, path + "/rotation", "rotation");
        }
        if (morpho != null) {
            for (int i = 0; i < morpho.length; i++) {
                int m = morpho[i];
                if (m != -1 && (m < 0 || m >= loaders.size())) {
                    problem(
                            path + "/morphology",
                            i,
                            "morphology index " + m + " out of range: "
                                    + (loaders.isEmpty()
                                            ? "the chunk has no morphology_loaders, so only -1 (no morphology)"
                                            : "expected -1 (no morphology) or 0.." + (loaders.size() - 1)
                                                    + " (into the chunk's morphology_loaders " + loaders + ")"));
                }
            }
        }
        if (codes != null && labelSets != null) {
            for (int i = 0; i < codes.length; i++) {
                if (codes[i] < 0 || codes[i] >= labelSets.size()) {
                    problem(
                            path + "/labels",
                            i,
                            "label-set code " + codes[i] + " is not one of the codes 0.." + (labelSets.size() - 1)
                                    + " of the cell type's labelsets attribute");
                }
            }
        }
        if (count > before
                || pos == null
                || rot == null
                || morpho == null
                || labelled && (codes == null || labelSets == null)) {
            return null;
        }
        for (int m : morpho) {
            cellMorphologies.add(m < 0 ? null : morphologies.get(loaders.get(m)));
        }
        List<Set<String>> labels = null;
        if (codes != null) {
            labels = new ArrayList<>(codes.length);
            for (int code : codes) {
                labels.add(labelSets.get(code));
            }
        }
        return new PlacementBlock(g.getParent().getName(), chunk, flat(pos), flat(rot), morpho, loaders, labels);
    }

    private void finiteRows(double[][] rows, String dataset, String what) {
        for (int i = 0; i < rows.length; i++) {
            double[] r = rows[i];
            if (!(Double.isFinite(r[0]) && Double.isFinite(r[1]) && Double.isFinite(r[2]))) {
                problem(dataset, i, what + " (" + r[0] + ", " + r[1] + ", " + r[2] + ") is not finite");
            }
        }
    }

    // ---------------------------------------------------------------- connectivity

    private List<ConnectivityBlock> connectivity(Node node, Map<String, Morphology[]> cells) {
        List<ConnectivityBlock> out = new ArrayList<>();
        Group group = group(node, "/connectivity");
        if (group == null) {
            return out;
        }
        for (Node setNode : byName(group)) {
            String setPath = "/connectivity/" + setNode.getName();
            if (!(setNode instanceof Group set)) {
                problem(setPath, "a dataset, expected a connectivity set's group of chunks");
                continue;
            }
            String pre = stringAttribute(set, "pre", setPath);
            String post = stringAttribute(set, "post", setPath);
            Long setLen = longAttribute(set, "len", setPath, true);
            Map<Long, Node> chunks = chunks(set, setPath);
            Morphology[] preCells = side(pre, "pre", setPath, cells, chunks.isEmpty());
            Morphology[] postCells = side(post, "post", setPath, cells, chunks.isEmpty());
            long declared = 0;
            for (Map.Entry<Long, Node> e : chunks.entrySet()) {
                String path = setPath + "/" + e.getValue().getName();
                Group g = (Group) e.getValue();
                Long len = longAttribute(g, "len", path, true);
                if (len == null || len < 0 || len > Integer.MAX_VALUE) {
                    if (len != null) {
                        problem(
                                path + " attribute len",
                                "found " + len + ", expected a number of connections 0.." + Integer.MAX_VALUE);
                    }
                    continue;
                }
                declared += len;
                long before = count;
                String lengthOf = "the chunk's len attribute";
                int[][] preLocs = (int[][])
                        rows(g.getChild("pre_locs"), path + "/pre_locs", int.class, "int32", 3, len, lengthOf);
                int[][] postLocs = (int[][])
                        rows(g.getChild("post_locs"), path + "/post_locs", int.class, "int32", 3, len, lengthOf);
                if (preLocs != null && preCells != null) {
                    locations(preLocs, path + "/pre_locs", pre, preCells);
                }
                if (postLocs != null && postCells != null) {
                    locations(postLocs, path + "/post_locs", post, postCells);
                }
                if (count == before && pre != null && post != null && preLocs != null && postLocs != null) {
                    out.add(new ConnectivityBlock(set.getName(), pre, post, e.getKey(), flat(preLocs), flat(postLocs)));
                }
            }
            if (setLen != null && setLen != declared) {
                problem(
                        setPath + " attribute len",
                        "is " + setLen + ", but the len attributes of its chunks add up to " + declared);
            }
        }
        return out;
    }

    /** The cells of a set's pre or post type, or null (reported) if there are none to check against. */
    private Morphology[] side(
            String type, String attribute, String setPath, Map<String, Morphology[]> cells, boolean empty) {
        if (type == null) {
            return null;
        }
        Morphology[] m = cells.get(type);
        if (m == null) {
            if (!empty) {
                problem(
                        setPath + " attribute " + attribute,
                        "names cell type '" + type + "', which /placement does not"
                                + " hold"
                                + (cells.isEmpty()
                                        ? " (it holds no cells)"
                                        : " (it holds " + String.join(", ", new java.util.TreeSet<>(cells.keySet()))
                                                + ")"));
            }
            return null;
        }
        return m;
    }

    /** Every row's (cell id, branch, point): an id of the type, and -1, -1 or a point of the cell's morphology. */
    private void locations(int[][] rows, String dataset, String type, Morphology[] cells) {
        for (int r = 0; r < rows.length; r++) {
            int id = rows[r][0];
            int branch = rows[r][1];
            int point = rows[r][2];
            if (id < 0 || id >= cells.length) {
                problem(
                        dataset,
                        r,
                        "cell id " + id + " out of range "
                                + (cells.length == 0
                                        ? "(" + type + " has no cells)"
                                        : "0.." + (cells.length - 1) + " of " + type));
                continue;
            }
            Morphology m = cells[id];
            if (m == UNKNOWN || branch == -1 && point == -1) {
                continue;
            }
            if (m == null) {
                problem(
                        dataset,
                        r,
                        "branch " + branch + ", point " + point + " on " + type + " cell " + id
                                + ", which has no morphology (expected -1, -1)");
            } else if (branch < 0 || branch >= m.branches().size()) {
                problem(
                        dataset,
                        r,
                        "branch " + branch + " does not exist on morphology " + m.name() + " of " + type + " cell " + id
                                + " (" + range(m.branches().size(), "branches") + "; -1, -1 for no location)");
            } else if (point < 0 || point >= m.branches().get(branch).size()) {
                problem(
                        dataset,
                        r,
                        "point " + point + " does not exist on branch " + branch + " of morphology "
                                + m.name() + " of " + type + " cell " + id + " ("
                                + range(m.branches().get(branch).size(), "points") + ")");
            }
        }
    }

    private static String range(int n, String what) {
        return n == 0 ? "it has no " + what : what + " 0.." + (n - 1);
    }

    // ---------------------------------------------------------------- layout helpers

    /** A group of the layout, or null if absent or (reported) not a group. */
    private Group group(Node node, String path) {
        if (node == null) {
            return null;
        }
        if (node instanceof Group g) {
            return g;
        }
        problem(path, "a dataset, expected a group");
        return null;
    }

    /** The child groups named by chunk id, by id; other children are reported. */
    private Map<Long, Node> chunks(Group parent, String parentPath) {
        Map<Long, Node> out = new TreeMap<>();
        for (Node n : byName(parent)) {
            String path = parentPath + "/" + n.getName();
            long id;
            try {
                id = Long.parseLong(n.getName());
            } catch (NumberFormatException e) {
                id = -1;
            }
            if (id < 0 || id >= 1L << 48 || !Long.toString(id).equals(n.getName())) {
                problem(
                        path,
                        "'" + n.getName() + "' is not a chunk id (a whole number 0.." + ((1L << 48) - 1)
                                + "); a group's children are its chunks");
                continue;
            }
            if (!(n instanceof Group)) {
                problem(path, "a dataset, expected a chunk's group");
                continue;
            }
            out.put(id, n);
        }
        return out;
    }

    private static List<Node> byName(Group g) {
        List<Node> nodes = new ArrayList<>(g.getChildren().values());
        nodes.sort(Comparator.comparing(Node::getName));
        return nodes;
    }

    /**
     * The data of a dataset of {@code expectedRows} rows of {@code columns} values (0: a 1-D dataset)
     * of the given Java type, or null (reported) if it is missing, of another shape or type,
     * or unreadable.
     */
    private Object rows(
            Node node, String path, Class<?> javaType, String dtype, int columns, long expectedRows, String lengthOf) {
        if (node == null) {
            problem(path, "missing (" + expectedRows + " rows of " + dtype + " expected)");
            return null;
        }
        Dataset d = dataset(node, path, javaType, dtype, columns);
        if (d == null) {
            return null;
        }
        long rows = d.getDimensionsAsLong()[0];
        if (rows != expectedRows) {
            problem(
                    path,
                    "holds " + rows + (rows == 1 ? " row" : " rows") + ", but " + lengthOf + " is " + expectedRows
                            + (rows < expectedRows
                                    ? " (rows " + rows + ".." + (expectedRows - 1) + " are missing)"
                                    : " (rows " + expectedRows + ".." + (rows - 1) + " are extra)"));
            return null;
        }
        return data(d, path);
    }

    /** The node as a dataset of the expected rank, columns and type, or null (reported). */
    private Dataset dataset(Node node, String path, Class<?> javaType, String dtype, int columns) {
        if (!(node instanceof Dataset d)) {
            problem(path, "a group, expected a dataset");
            return null;
        }
        try {
            int[] dims = d.getDimensions();
            boolean shapeOk = columns == 0 ? dims.length == 1 && !d.isScalar() : dims.length == 2 && dims[1] == columns;
            String wanted = columns == 0 ? "(N,) " + dtype : "(N, " + columns + ") " + dtype;
            if (!shapeOk) {
                problem(path, "shape " + shape(d) + ", expected " + wanted);
                return null;
            }
            if (d.getJavaType() != javaType || d.isCompound() || d.isVariableLength()) {
                problem(path, "type " + dtype(d.getDataType()) + ", expected " + wanted);
                return null;
            }
            return d;
        } catch (RuntimeException e) {
            problem(path, "cannot be read (the file is damaged: " + Hdf5Engine.describe(e) + ")");
            return null;
        }
    }

    private Object data(Dataset d, String path) {
        try {
            return d.getData();
        } catch (RuntimeException | OutOfMemoryError e) {
            problem(
                    path,
                    "cannot be read ("
                            + (e instanceof OutOfMemoryError
                                    ? "too large for the heap"
                                    : "the file is damaged: " + Hdf5Engine.describe(e))
                            + ")");
            return null;
        }
    }

    /** A scalar string dataset's text, or null (reported). */
    private String scalarString(Node node, String path) {
        if (!(node instanceof Dataset d)) {
            problem(path, "a group, expected a scalar string dataset");
            return null;
        }
        try {
            if (!d.isScalar() || d.getJavaType() != String.class) {
                problem(path, "shape " + shape(d) + " of " + dtype(d.getDataType()) + ", expected a scalar string");
                return null;
            }
            return (String) d.getData();
        } catch (RuntimeException e) {
            problem(path, "cannot be read (the file is damaged: " + Hdf5Engine.describe(e) + ")");
            return null;
        }
    }

    /** An attribute's data, or null if it is absent or (reported) unreadable. */
    private Object attributeData(Attribute a, String where) {
        if (a == null) {
            return null;
        }
        try {
            return a.getData();
        } catch (RuntimeException e) {
            problem(where, "cannot be read (the file is damaged: " + Hdf5Engine.describe(e) + ")");
            return null;
        }
    }

    /** A whole-number attribute, or null (reported when it is required or not a number). */
    private Long longAttribute(Node node, String name, String path, boolean required) {
        String where = path + " attribute " + name;
        Attribute a = node.getAttribute(name);
        if (a == null) {
            if (required) {
                problem(where, "missing (a whole number expected)");
            }
            return null;
        }
        Object v = attributeData(a, where);
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof long[] l && l.length == 1) {
            return l[0];
        }
        if (v instanceof int[] i && i.length == 1) {
            return (long) i[0];
        }
        if (v != null) {
            problem(where, "found " + show(v) + ", expected a whole number");
        }
        return null;
    }

    private String stringAttribute(Node node, String name, String path) {
        String where = path + " attribute " + name;
        Attribute a = node.getAttribute(name);
        if (a == null) {
            problem(where, "missing (a cell type name expected)");
            return null;
        }
        Object v = attributeData(a, where);
        if (v instanceof String s) {
            return s;
        }
        if (v != null) {
            problem(where, "found " + show(v) + ", expected a cell type name");
        }
        return null;
    }

    /**
     * A label table attribute, JSON {@code {"0": [labels], "1": [...]}} with codes 0..k-1; null if it
     * is absent (reported if required) or malformed (reported).
     */
    @SuppressWarnings("unchecked")
    private List<Set<String>> labelTable(Node node, String name, String path, boolean required) {
        String where = path + " attribute " + name;
        Attribute a = node.getAttribute(name);
        if (a == null) {
            if (required) {
                problem(where, "missing (JSON {code: [labels]} expected)");
            }
            return null;
        }
        Object v = attributeData(a, where);
        if (v == null) {
            return null;
        }
        Object json;
        try {
            json = v instanceof String s ? MiniJson.parse(s) : null;
        } catch (RuntimeException e) {
            json = null;
        }
        if (!(json instanceof Map<?, ?> map)) {
            problem(where, "found " + show(v) + ", expected JSON {code: [labels]}");
            return null;
        }
        List<Set<String>> out = new ArrayList<>();
        for (int c = 0; c < map.size(); c++) {
            Object labels = map.get(Integer.toString(c));
            if (!(labels instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
                problem(
                        where,
                        labels == null
                                ? "has no code " + c + " (codes must be 0.." + (map.size() - 1) + ")"
                                : "code " + c + " is " + show(labels) + ", expected a list of labels");
                return null;
            }
            Set<String> set = new LinkedHashSet<>((List<String>) list);
            out.add(Collections.unmodifiableSet(set));
        }
        return out;
    }

    private static String shape(Dataset d) {
        if (d.isScalar()) {
            return "scalar";
        }
        long[] dims = d.getDimensionsAsLong();
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) {
            b.append(i > 0 ? ", " : "").append(dims[i]);
        }
        return b.append(dims.length == 1 ? ",)" : ")").toString();
    }

    private static String dtype(DataType t) {
        if (t instanceof FixedPoint f) {
            return (f.isSigned() ? "int" : "uint") + 8 * f.getSize();
        }
        if (t instanceof FloatingPoint f) {
            return "float" + 8 * f.getSize();
        }
        if (t instanceof StringData) {
            return "string";
        }
        return t == null
                ? "unknown"
                : t.getClass().getSimpleName().replace("DataType", "").toLowerCase(Locale.ROOT);
    }

    /** A value for messages: numbers and strings as such, arrays as lists, long text cut short. */
    static String show(Object v) {
        String s;
        if (v == null) {
            s = "nothing";
        } else if (v instanceof String str) {
            s = "'" + str + "'";
        } else if (v instanceof double[] a) {
            s = Arrays.toString(a);
        } else if (v instanceof int[] a) {
            s = Arrays.toString(a);
        } else if (v instanceof long[] a) {
            s = Arrays.toString(a);
        } else if (v instanceof float[] a) {
            s = Arrays.toString(a);
        } else if (v instanceof Object[] a) {
            s = Arrays.deepToString(a);
        } else {
            s = String.valueOf(v);
        }
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    private static double[] flat(double[][] a) {
        double[] out = new double[3 * a.length];
        for (int i = 0; i < a.length; i++) {
            System.arraycopy(a[i], 0, out, 3 * i, 3);
        }
        return out;
    }

    private static int[] flat(int[][] a) {
        int[] out = new int[3 * a.length];
        for (int i = 0; i < a.length; i++) {
            System.arraycopy(a[i], 0, out, 3 * i, 3);
        }
        return out;
    }
}
