package org.bsb.neuron.cable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bsb.api.morphology.Branch;
import org.bsb.api.morphology.Morphology;

/**
 * Test-only SWC reader with bsb-core's branch rules (README §3.1 of the NEURON reference), so
 * the cell builder can be checked from the raw SWC before the project's {@code swc} parser
 * service is available here. Not a substitute for that parser.
 */
final class TestSwc {
    private TestSwc() {
    }

    static Morphology read(String text, Map<Integer, List<String>> extraTags) {
        Map<Integer, List<String>> tags = new HashMap<>(Map.of(1, List.of("soma"), 2, List.of("axon"), 3,
                List.of("dendrites")));
        tags.putAll(extraTags);
        Map<Integer, double[]> node = new LinkedHashMap<>();
        Map<Integer, List<Integer>> children = new HashMap<>();
        int root = -1;
        for (String line : text.split("\n")) {
            line = line.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            int id = Integer.parseInt(f[0]);
            double[] v = {Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                Double.parseDouble(f[4]), Double.parseDouble(f[5])};
            node.put(id, v);
            int parent = Integer.parseInt(f[6]);
            if (parent < 0) {
                root = id;
            } else {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(id);
            }
        }
        List<Set<String>> labelSets = new ArrayList<>();
        Map<Integer, Integer> codeOfTag = new HashMap<>();
        List<Branch> branches = new ArrayList<>();
        build(root, -1, -1, node, children, tags, labelSets, codeOfTag, branches);
        return new Morphology("swc", branches, labelSets);
    }

    private static void build(int first, int branchPoint, int parentBranch, Map<Integer, double[]> node,
            Map<Integer, List<Integer>> children, Map<Integer, List<String>> tags, List<Set<String>> labelSets,
            Map<Integer, Integer> codeOfTag, List<Branch> branches) {
        List<double[]> pts = new ArrayList<>();
        List<Integer> ptTags = new ArrayList<>();
        if (branchPoint >= 0) {
            pts.add(node.get(branchPoint));
            ptTags.add((int) node.get(first)[0]);
        }
        int n = first;
        List<Integer> kids;
        while (true) {
            pts.add(node.get(n));
            ptTags.add((int) node.get(n)[0]);
            kids = children.getOrDefault(n, List.of());
            if (kids.size() != 1) {
                break;
            }
            n = kids.get(0);
        }
        double[] xyz = new double[3 * pts.size()];
        double[] r = new double[pts.size()];
        int[] labels = new int[pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            double[] p = pts.get(i);
            xyz[3 * i] = p[1];
            xyz[3 * i + 1] = p[2];
            xyz[3 * i + 2] = p[3];
            r[i] = p[4];
            int tag = ptTags.get(i);
            labels[i] = codeOfTag.computeIfAbsent(tag, t -> {
                labelSets.add(Set.copyOf(tags.getOrDefault(t, List.of("tag_" + t))));
                return labelSets.size() - 1;
            });
        }
        branches.add(new Branch(parentBranch, xyz, r, labels));
        int me = branches.size() - 1;
        for (int k : kids) {
            build(k, n, me, node, children, tags, labelSets, codeOfTag, branches);
        }
    }
}
