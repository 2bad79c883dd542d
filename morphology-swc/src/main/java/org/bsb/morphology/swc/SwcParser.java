package org.bsb.morphology.swc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bsb.api.BsbName;
import org.bsb.api.morphology.Branch;
import org.bsb.api.morphology.Morphology;
import org.bsb.api.morphology.MorphologyFormatException;
import org.bsb.api.morphology.MorphologyParser;
import org.bsb.api.morphology.TagParameters;
import org.osgi.service.component.annotations.Component;

/**
 * Reads SWC files as the original's {@code BsbParser} does: tags map to labels ({1: soma,
 * 2: axon, 3: dendrites} plus the config's {@code tags}, unknown tag N to {@code tag_N}),
 * unbranched stretches become branches in pre-order depth-first order (children in file
 * order), and every child branch starts with a copy of the branching sample (coordinates and
 * radius) labelled like the child's next point. The original applies that relabelling to the
 * first point of every branch of two or more points, root branches included, and so do we.
 * Irregular sample ids are fine.
 *
 * <p>Unlike the original, which fails with a numpy error or silently drops samples, every
 * malformed file is an error naming the file and line: wrong column count, non-numbers,
 * duplicate ids, negative radii, unknown parents, parent cycles and missing roots.
 */
@Component(service = MorphologyParser.class)
@BsbName({"bsb.morphologies.parsers.BsbParser", "bsb", "swc"})
public class SwcParser implements MorphologyParser<TagParameters> {
    /** The original's built-in tag map. */
    public static final Map<Integer, List<String>> DEFAULT_TAGS =
            Map.of(1, List.of("soma"), 2, List.of("axon"), 3, List.of("dendrites"));

    @Override
    public Class<TagParameters> parameterType() {
        return TagParameters.class;
    }

    @Override
    public List<String> extensions() {
        return List.of("swc");
    }

    @Override
    public Morphology parse(String source, String name, InputStream in, TagParameters parameters)
            throws MorphologyFormatException, IOException {
        return read(source, name, in, parameters).morphology();
    }

    /** Parses a file; the morphology is named after {@code name}. */
    public SwcMorphology read(Path file, String name, TagParameters parameters)
            throws MorphologyFormatException, IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), name, in, parameters);
        }
    }

    /** Parses a stream, keeping the SWC sample id and tag of every point. */
    public SwcMorphology read(String source, String name, InputStream in, TagParameters parameters)
            throws MorphologyFormatException, IOException {
        TagParameters p = parameters == null ? TagParameters.DEFAULTS : parameters;
        Map<Integer, List<String>> tagMap = tagMap(source, p);
        Samples samples = Samples.read(source, in);
        return new Builder(source, samples, tagMap, boundaryTags(tagMap, p)).build(name);
    }

    /** The defaults with the config's tags merged over them. */
    static Map<Integer, List<String>> tagMap(String source, TagParameters p) throws MorphologyFormatException {
        Map<Integer, List<String>> map = new HashMap<>(DEFAULT_TAGS);
        if (p.tags() != null) {
            for (Map.Entry<String, List<String>> e : p.tags().entrySet()) {
                int tag;
                try {
                    tag = Integer.parseInt(e.getKey().trim());
                } catch (NumberFormatException ex) {
                    throw new MorphologyFormatException(
                            source, 0, "parser.tags: key '" + e.getKey() + "' is not an SWC tag number");
                }
                if (e.getValue() == null || e.getValue().isEmpty()) {
                    throw new MorphologyFormatException(
                            source, 0, "parser.tags." + e.getKey() + ": expected one or more labels");
                }
                map.put(tag, List.copyOf(e.getValue()));
            }
        }
        return map;
    }

    /** Tags whose labels are all in {@code skip_boundary_labels}. */
    private static Set<Integer> boundaryTags(Map<Integer, List<String>> tagMap, TagParameters p) {
        Set<Integer> boundaries = new HashSet<>();
        if (p.skipBoundaryLabels() != null && !p.skipBoundaryLabels().isEmpty()) {
            Set<String> skip = new HashSet<>(p.skipBoundaryLabels());
            tagMap.forEach((tag, labels) -> {
                if (skip.containsAll(labels)) {
                    boundaries.add(tag);
                }
            });
        }
        return boundaries;
    }

    /** The rows of an SWC file, in file order. */
    static final class Samples {
        int n;
        int[] ids = new int[1024];
        int[] tags = new int[1024];
        int[] parents = new int[1024];
        int[] lines = new int[1024];
        double[] xyz = new double[3 * 1024];
        double[] radii = new double[1024];

        static Samples read(String source, InputStream in) throws IOException, MorphologyFormatException {
            Samples s = new Samples();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.indexOf('\0') >= 0 || line.indexOf('\uFFFD') >= 0) {
                    throw new MorphologyFormatException(
                            source,
                            lineNo,
                            "not a text SWC file: binary content (a NUL"
                                    + " byte or bytes that are not UTF-8) on this line");
                }
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] cols = trimmed.split("\\s+");
                if (cols.length != 7) {
                    throw new MorphologyFormatException(
                            source,
                            lineNo,
                            "expected 7 columns (id tag x y z radius parent), found " + cols.length + ": "
                                    + quote(trimmed));
                }
                double[] v = new double[7];
                for (int c = 0; c < 7; c++) {
                    v[c] = number(source, lineNo, c, cols[c]);
                }
                s.add(source, lineNo, v);
            }
            return s;
        }

        private static final String[] COLUMNS = {"id", "tag", "x", "y", "z", "radius", "parent"};

        /** Text of the file for a message: quoted, control characters escaped, at most 60 characters. */
        static String quote(String text) {
            StringBuilder b = new StringBuilder("'");
            int shown = Math.min(text.length(), 60);
            for (int i = 0; i < shown; i++) {
                char ch = text.charAt(i);
                b.append(Character.isISOControl(ch) ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
            }
            return b.append(text.length() > shown ? "...' (" + text.length() + " characters)" : "'")
                    .toString();
        }

        private static double number(String source, int line, int column, String token)
                throws MorphologyFormatException {
            // Double.parseDouble also takes "1d", "0x1p3", "NaN" and "Infinity": only plain decimals are SWC.
            boolean plain = !token.isEmpty();
            for (int i = 0; i < token.length() && plain; i++) {
                char ch = token.charAt(i);
                plain = (ch >= '0' && ch <= '9') || ch == '.' || ch == '-' || ch == '+' || ch == 'e' || ch == 'E';
            }
            double value = Double.NaN;
            if (plain) {
                try {
                    value = Double.parseDouble(token);
                } catch (NumberFormatException e) {
                    plain = false;
                }
            }
            if (!plain || !Double.isFinite(value)) {
                throw new MorphologyFormatException(
                        source,
                        line,
                        "column " + (column + 1) + " (" + COLUMNS[column] + ") is not a number: " + quote(token));
            }
            if ((column == 0 || column == 1 || column == 6)
                    && (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE)) {
                throw new MorphologyFormatException(
                        source,
                        line,
                        "column " + (column + 1) + " (" + COLUMNS[column] + ") must be an integer: " + quote(token));
            }
            return value;
        }

        private void add(String source, int line, double[] v) throws MorphologyFormatException {
            if (v[5] < 0) {
                throw new MorphologyFormatException(
                        source, line, "negative radius " + v[5] + " of sample " + (int) v[0]);
            }
            if (n == ids.length) {
                int cap = 2 * n;
                ids = Arrays.copyOf(ids, cap);
                tags = Arrays.copyOf(tags, cap);
                parents = Arrays.copyOf(parents, cap);
                lines = Arrays.copyOf(lines, cap);
                xyz = Arrays.copyOf(xyz, 3 * cap);
                radii = Arrays.copyOf(radii, cap);
            }
            ids[n] = (int) v[0];
            tags[n] = (int) v[1];
            xyz[3 * n] = v[2];
            xyz[3 * n + 1] = v[3];
            xyz[3 * n + 2] = v[4];
            radii[n] = v[5];
            parents[n] = (int) v[6];
            lines[n] = line;
            n++;
        }
    }

    /** Turns the sample graph into branches. */
    private static final class Builder {
        private final String source;
        private final Samples s;
        private final Map<Integer, List<String>> tagMap;
        private final Set<Integer> boundaries;
        /** Children of each sample in file order, as index ranges into {@link #childList}. */
        private int[] childStart;

        private int[] childList;
        private final List<int[]> roots = new ArrayList<>();

        Builder(String source, Samples s, Map<Integer, List<String>> tagMap, Set<Integer> boundaries) {
            this.source = source;
            this.s = s;
            this.tagMap = tagMap;
            this.boundaries = boundaries;
        }

        SwcMorphology build(String name) throws MorphologyFormatException {
            if (s.n == 0) {
                throw new MorphologyFormatException(source, 0, "no samples: the file holds no SWC rows");
            }
            int[] parentIndex = linkParents();
            List<int[]> nodeBranches = new ArrayList<>();
            List<Integer> branchParents = new ArrayList<>();
            boolean[] visited = new boolean[s.n];
            for (int i = 0; i < s.n; i++) {
                if (parentIndex[i] < 0) {
                    walk(i, nodeBranches, branchParents, visited);
                }
            }
            for (int i = 0; i < s.n; i++) {
                if (!visited[i]) {
                    throw cycleError(i, parentIndex, branchParents.isEmpty());
                }
            }
            return assemble(name, nodeBranches, branchParents);
        }

        /** Index of each sample's parent (-1 for roots); builds the child lists. */
        private int[] linkParents() throws MorphologyFormatException {
            Map<Integer, Integer> index = new HashMap<>(2 * s.n);
            for (int i = 0; i < s.n; i++) {
                Integer prev = index.put(s.ids[i], i);
                if (prev != null) {
                    throw new MorphologyFormatException(
                            source,
                            s.lines[i],
                            "duplicate sample id " + s.ids[i] + " (first on line " + s.lines[prev] + ")");
                }
            }
            int[] parentIndex = new int[s.n];
            int[] counts = new int[s.n + 1];
            for (int i = 0; i < s.n; i++) {
                int parent = s.parents[i];
                if (parent == -1) {
                    parentIndex[i] = -1;
                    continue;
                }
                Integer p = index.get(parent);
                if (p == null) {
                    throw new MorphologyFormatException(
                            source,
                            s.lines[i],
                            "sample " + s.ids[i] + " names parent " + parent + ", which is not a sample of the file");
                }
                parentIndex[i] = p;
                counts[p + 1]++;
            }
            childStart = new int[s.n + 1];
            for (int i = 0; i < s.n; i++) {
                childStart[i + 1] = childStart[i] + counts[i + 1];
            }
            childList = new int[childStart[s.n]];
            int[] fill = Arrays.copyOf(childStart, s.n);
            for (int i = 0; i < s.n; i++) {
                if (parentIndex[i] >= 0) {
                    childList[fill[parentIndex[i]]++] = i;
                }
            }
            return parentIndex;
        }

        private int childCount(int node) {
            return childStart[node + 1] - childStart[node];
        }

        /** Pre-order depth-first walk from a root, as the original's {@code _swc_branch_dfs}. */
        private void walk(int root, List<int[]> nodeBranches, List<Integer> branchParents, boolean[] visited) {
            IntList branch = new IntList();
            int branchId = nodeBranches.size();
            List<IntList> open = new ArrayList<>();
            // Branches are filled in place; record them as lists and convert at the end.
            open.add(branch);
            branchParents.add(-1);
            // Stack entries: parent branch id, branching node, child node, skip flag.
            Deque<int[]> stack = new ArrayDeque<>();
            int node = root;
            while (true) {
                branch.add(node);
                visited[node] = true;
                int kids = childCount(node);
                if (kids == 1
                        && !(boundaries.contains(s.tags[node])
                                && !boundaries.contains(s.tags[childList[childStart[node]]]))) {
                    node = childList[childStart[node]];
                    continue;
                }
                if (kids >= 1) {
                    int skip = boundaries.contains(s.tags[node]) ? 1 : 0;
                    for (int k = childStart[node + 1] - 1; k >= childStart[node]; k--) {
                        stack.push(new int[] {branchId, node, childList[k], skip});
                    }
                }
                int[] top = stack.poll();
                if (top == null) {
                    break;
                }
                branch = new IntList();
                if (top[3] == 0) {
                    branch.add(top[1]);
                }
                branchId = nodeBranches.size() + open.size();
                open.add(branch);
                branchParents.add(top[0]);
                node = top[2];
            }
            for (IntList b : open) {
                nodeBranches.add(b.toArray());
            }
        }

        private MorphologyFormatException cycleError(int start, int[] parentIndex, boolean noRoot) {
            // Every sample has an existing parent here, so following parents must revisit one.
            Map<Integer, Integer> seen = new LinkedHashMap<>();
            int node = start;
            while (!seen.containsKey(node)) {
                seen.put(node, seen.size());
                node = parentIndex[node];
            }
            List<Integer> chain = new ArrayList<>(seen.keySet()).subList(seen.get(node), seen.size());
            StringBuilder path = new StringBuilder();
            int first = chain.stream().min(Integer::compare).orElseThrow();
            for (int c : chain) {
                path.append(s.ids[c]).append(" -> ");
            }
            path.append(s.ids[chain.get(0)]);
            String problem = "sample " + s.ids[first] + " is its own ancestor (parent cycle " + path + ")";
            if (noRoot) {
                problem = "no root sample (a sample with parent -1); " + problem;
            }
            return new MorphologyFormatException(source, s.lines[first], problem);
        }

        private SwcMorphology assemble(String name, List<int[]> nodeBranches, List<Integer> branchParents) {
            List<Set<String>> labelSets = new ArrayList<>();
            Map<Set<String>, Integer> codes = new HashMap<>();
            labelSets.add(Collections.emptySet());
            codes.put(Collections.emptySet(), 0);
            Map<Integer, Integer> tagCodes = new HashMap<>();
            List<Branch> branches = new ArrayList<>(nodeBranches.size());
            List<int[]> ids = new ArrayList<>(nodeBranches.size());
            List<int[]> tags = new ArrayList<>(nodeBranches.size());
            for (int b = 0; b < nodeBranches.size(); b++) {
                int[] nodes = nodeBranches.get(b);
                int n = nodes.length;
                double[] points = new double[3 * n];
                double[] radii = new double[n];
                int[] labels = new int[n];
                int[] sampleIds = new int[n];
                int[] pointTags = new int[n];
                for (int i = 0; i < n; i++) {
                    int node = nodes[i];
                    System.arraycopy(s.xyz, 3 * node, points, 3 * i, 3);
                    radii[i] = s.radii[node];
                    sampleIds[i] = s.ids[node];
                    pointTags[i] = s.tags[node];
                }
                if (n > 1) {
                    // The copied branching point belongs to the child: it takes the next point's tag.
                    pointTags[0] = pointTags[1];
                }
                for (int i = 0; i < n; i++) {
                    labels[i] = tagCodes.computeIfAbsent(pointTags[i], t -> {
                        List<String> l = tagMap.getOrDefault(t, List.of("tag_" + t));
                        Set<String> set = Collections.unmodifiableSet(new LinkedHashSet<>(l));
                        return codes.computeIfAbsent(set, k -> {
                            labelSets.add(k);
                            return labelSets.size() - 1;
                        });
                    });
                }
                branches.add(new Branch(branchParents.get(b), points, radii, labels));
                ids.add(sampleIds);
                tags.add(pointTags);
            }
            return new SwcMorphology(new Morphology(name, branches, labelSets), ids, tags);
        }
    }

    /** A growable int array. */
    private static final class IntList {
        private int[] data = new int[16];
        private int size;

        void add(int v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, 2 * size);
            }
            data[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
