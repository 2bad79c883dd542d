package org.bsb.morphology.swc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bsb.api.morphology.Branch;
import org.bsb.api.morphology.Morphology;
import org.bsb.api.morphology.MorphologyFormatException;
import org.bsb.api.morphology.TagParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SwcParserTest {
    /** The tutorial's parser.tags. */
    static final Map<String, List<String>> TUTORIAL_TAGS = new LinkedHashMap<>();

    static {
        TUTORIAL_TAGS.put("16", List.of("dendrites", "proximal_dendrites"));
        TUTORIAL_TAGS.put("17", List.of("dendrites", "distal_dendrites"));
        TUTORIAL_TAGS.put("18", List.of("axon", "axon_initial_segment"));
    }

    static SwcMorphology stellate;
    /** Per NEURON reference section: parent, labels, SWC ids. */
    static List<String[]> reference;

    @BeforeAll
    static void parseStellate() throws Exception {
        try (InputStream in = SwcParserTest.class.getResourceAsStream("/morphology/StellateCell.swc")) {
            stellate =
                    new SwcParser().read("StellateCell.swc", "StellateCell", in, TagParameters.ofTags(TUTORIAL_TAGS));
        }
        reference = new ArrayList<>();
        try (InputStream in = SwcParserTest.class.getResourceAsStream("/morphology/stellate-sections.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    reference.add(line.split("\\|"));
                }
            }
        }
    }

    static SwcMorphology parse(String text) throws Exception {
        return parse(text, TagParameters.DEFAULTS);
    }

    static SwcMorphology parse(String text, TagParameters p) throws Exception {
        return new SwcParser()
                .read("test.swc", "test", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), p);
    }

    @Test
    void stellateHas120BranchesWithTheSomaFirst() {
        Morphology m = stellate.morphology();
        assertEquals(120, m.branches().size());
        Branch soma = m.branches().get(0);
        assertEquals(20, soma.size());
        assertEquals(-1, soma.parent());
        assertEquals(Set.of("soma"), m.labelSet(soma.labels()[0]));
        // 3232 samples, and every one of the 119 child branches repeats its branching sample.
        assertEquals(3232 + 119, m.pointCount());
    }

    @Test
    void childrenOfSample20StartWithACopyOfIt() {
        Morphology m = stellate.morphology();
        List<Integer> children = new ArrayList<>();
        for (int b = 0; b < m.branches().size(); b++) {
            if (m.branches().get(b).parent() == 0) {
                children.add(b);
            }
        }
        assertEquals(5, children.size());
        for (int b : children) {
            Branch child = m.branches().get(b);
            // SWC line 20: -0.521515 0.000000 -8.289200 radius 1.906058
            assertEquals(-0.521515, child.x(0), 0);
            assertEquals(0.0, child.y(0), 0);
            assertEquals(-8.289200, child.z(0), 0);
            assertEquals(1.906058, child.radii()[0], 0);
            assertEquals(20, stellate.sampleIds().get(b)[0]);
            // The copy is labelled like the child's next point, not like the soma.
            assertEquals(child.labels()[1], child.labels()[0]);
            assertTrue(!m.labelSet(child.labels()[0]).contains("soma"));
        }
    }

    @Test
    void branchesMatchTheNeuronReferenceSections() {
        Morphology m = stellate.morphology();
        assertEquals(reference.size(), m.branches().size());
        for (int b = 0; b < reference.size(); b++) {
            String[] ref = reference.get(b);
            Branch branch = m.branches().get(b);
            assertEquals(Integer.parseInt(ref[0]), branch.parent(), "parent of branch " + b);
            int[] ids = Arrays.stream(ref[2].trim().split(" "))
                    .mapToInt(Integer::parseInt)
                    .toArray();
            assertArrayEquals(ids, stellate.sampleIds().get(b), "SWC ids of branch " + b);
            Set<String> labels = Set.of(ref[1].split(","));
            for (int i = 0; i < branch.size(); i++) {
                assertEquals(labels, m.labelSet(branch.labels()[i]), "labels of branch " + b + " point " + i);
            }
        }
    }

    @Test
    void labelCountsFollowTheTagMap() {
        Morphology m = stellate.morphology();
        Map<Set<String>, Integer> count = new LinkedHashMap<>();
        for (int b = 0; b < m.branches().size(); b++) {
            for (int c : m.branches().get(b).labels()) {
                count.merge(m.labelSet(c), 1, Integer::sum);
            }
        }
        // Counts of the data README (20 soma, 380 tag 2, 224 tag 16, 2544 tag 17, 64 tag 18) plus
        // one copied branching point per child branch, counted here with the child's labels.
        int[] copies = new int[19];
        for (int b = 1; b < m.branches().size(); b++) {
            copies[stellate.tags().get(b)[0]]++;
        }
        assertEquals(20, count.get(Set.of("soma")));
        assertEquals(380 + copies[2], count.get(Set.of("axon")));
        assertEquals(224 + copies[16], count.get(Set.of("dendrites", "proximal_dendrites")));
        assertEquals(2544 + copies[17], count.get(Set.of("dendrites", "distal_dendrites")));
        assertEquals(64 + copies[18], count.get(Set.of("axon", "axon_initial_segment")));
    }

    @Test
    void forksSplitInPreOrderWithCopiesAndIrregularIds() throws Exception {
        // 100 -> 7 -> {30 -> 31, 5}; ids irregular, child order = file order (30 before 5).
        SwcMorphology s = parse("""
                # comment
                100 1 0 0 0 2 -1
                7 3 1 0 0 1.5 100
                30 3 2 1 0 1 7

                5 2 2 -1 0 0.5 7
                31 3 3 2 0 0.25 30
                """);
        Morphology m = s.morphology();
        assertEquals(3, m.branches().size());
        assertArrayEquals(new int[] {100, 7}, s.sampleIds().get(0));
        assertArrayEquals(new int[] {7, 30, 31}, s.sampleIds().get(1));
        assertArrayEquals(new int[] {7, 5}, s.sampleIds().get(2));
        assertEquals(0, m.branches().get(1).parent());
        assertEquals(0, m.branches().get(2).parent());
        assertArrayEquals(new double[] {1, 0, 0, 2, -1, 0}, m.branches().get(2).points());
        assertArrayEquals(new double[] {1.5, 0.5}, m.branches().get(2).radii());
        // Sample 7 has tag 3, but its copy in branch 2 takes tag 2 (axon) from sample 5.
        assertEquals(Set.of("axon"), m.labelSet(m.branches().get(2).labels()[0]));
        // As in the original, the first point of every branch of two or more points, roots
        // included, takes the tag of the second: the root sample 100 (tag 1) is labelled dendrites.
        assertEquals(Set.of("dendrites"), m.labelSet(m.branches().get(0).labels()[0]));
        assertEquals(Set.of("dendrites"), m.labelSet(m.branches().get(0).labels()[1]));
    }

    @Test
    void nestedForksAreDepthFirst() throws Exception {
        // 1 -> {2 -> {4, 5}, 3}: branches [1], [1 2], [2 4], [2 5], [1 3].
        SwcMorphology s = parse("1 1 0 0 0 1 -1\n2 3 0 0 1 1 1\n3 3 0 0 2 1 1\n4 3 0 0 3 1 2\n5 3 0 0 4 1 2\n");
        List<int[]> ids = s.sampleIds();
        assertEquals(5, ids.size());
        assertArrayEquals(new int[] {1}, ids.get(0));
        assertArrayEquals(new int[] {1, 2}, ids.get(1));
        assertArrayEquals(new int[] {2, 4}, ids.get(2));
        assertArrayEquals(new int[] {2, 5}, ids.get(3));
        assertArrayEquals(new int[] {1, 3}, ids.get(4));
        int[] parents =
                s.morphology().branches().stream().mapToInt(Branch::parent).toArray();
        assertArrayEquals(new int[] {-1, 0, 1, 1, 0}, parents);
    }

    @Test
    void unknownTagsBecomeTagN() throws Exception {
        Morphology m = parse("1 1 0 0 0 1 -1\n2 7 0 0 1 1 1\n").morphology();
        assertEquals(Set.of("tag_7"), m.labelSet(m.branches().get(0).labels()[1]));
    }

    @Test
    void configTagsOverrideDefaults() throws Exception {
        Morphology m = parse(
                        "1 1 0 0 0 1 -1\n2 2 0 0 1 1 1\n", TagParameters.ofTags(Map.of("2", List.of("axon", "myelin"))))
                .morphology();
        assertEquals(Set.of("axon", "myelin"), m.labelSet(m.branches().get(0).labels()[1]));
    }

    @Test
    void multipleRootsGiveMultipleRootBranches() throws Exception {
        SwcMorphology s = parse("1 1 0 0 0 1 -1\n2 3 0 0 1 1 1\n3 2 5 0 0 1 -1\n4 2 6 0 0 1 3\n");
        assertEquals(2, s.morphology().branches().size());
        assertEquals(-1, s.morphology().branches().get(1).parent());
        assertArrayEquals(new int[] {3, 4}, s.sampleIds().get(1));
    }

    @Test
    void skipBoundaryLabelsLeavesOutTheCopy() throws Exception {
        SwcMorphology s = parse(
                "1 1 0 0 0 1 -1\n2 1 0 0 1 1 1\n3 3 0 0 2 1 2\n4 3 0 0 3 1 3\n",
                new TagParameters(null, List.of("soma")));
        assertEquals(2, s.sampleIds().size());
        assertArrayEquals(new int[] {1, 2}, s.sampleIds().get(0));
        assertArrayEquals(new int[] {3, 4}, s.sampleIds().get(1));
    }

    private static MorphologyFormatException error(String text) {
        return assertThrows(MorphologyFormatException.class, () -> parse(text));
    }

    @Test
    void badColumnCountNamesFileAndLine() {
        MorphologyFormatException e = error("1 1 0 0 0 1 -1\n# c\n2 3 0 0 1 1\n");
        assertEquals(3, e.line());
        assertEquals("test.swc", e.source());
        assertTrue(e.getMessage().startsWith("test.swc:3: expected 7 columns"), e.getMessage());
    }

    @Test
    void nonNumbersAreRejected() {
        MorphologyFormatException e = error("1 1 0 0 0 1 -1\n2 3 0 abc 1 1 1\n");
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("column 4 (y) is not a number: 'abc'"), e.getMessage());
        assertEquals(1, error("1 1 0 0 0 NaN -1\n").line());
        assertEquals(1, error("1.5 1 0 0 0 1 -1\n").line());
    }

    @Test
    void unknownParentIsRejected() {
        MorphologyFormatException e = error("1 1 0 0 0 1 -1\n2 3 0 0 1 1 1\n3 3 0 0 1 1 9\n");
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("parent 9"), e.getMessage());
    }

    @Test
    void cyclesAreRejected() {
        MorphologyFormatException e = error("1 1 0 0 0 1 -1\n2 3 0 0 1 1 4\n3 3 0 0 1 1 2\n4 3 0 0 1 1 3\n");
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
        MorphologyFormatException self = error("1 1 0 0 0 1 1\n");
        assertTrue(self.getMessage().contains("no root"), self.getMessage());
        assertEquals(1, self.line());
    }

    @Test
    void negativeRadiusIsRejected() {
        MorphologyFormatException e = error("1 1 0 0 0 1 -1\n2 3 0 0 1 -0.5 1\n");
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("negative radius"), e.getMessage());
    }

    /** A binary file is named as such, never echoed; long or odd text is quoted short and escaped. */
    @Test
    void binaryFilesAreRefusedWithoutEchoingThem() throws Exception {
        byte[] bytes = new byte[3000];
        new java.util.Random(7).nextBytes(bytes);
        MorphologyFormatException e = assertThrows(
                MorphologyFormatException.class,
                () -> SwcParser.Samples.read("bin.swc", new java.io.ByteArrayInputStream(bytes)));
        assertTrue(e.getMessage().matches("bin\\.swc:\\d+: not a text SWC file: binary content .*"), e.getMessage());
        assertTrue(e.getMessage().length() < 200, e.getMessage());
        MorphologyFormatException nul = error("1 1 0 0 0 1 -1\n2 3 0\u0000 0 1 1 1\n");
        assertEquals(2, nul.line());
        String longLine = "1 2 3 " + "x".repeat(500);
        MorphologyFormatException quoted = error(longLine + "\n");
        assertTrue(quoted.getMessage().endsWith("...' (506 characters)"), quoted.getMessage());
        assertTrue(
                error("1 1 0 0 0 1 -1\n2 3 0 \u001b[31m 0 1 1\n").getMessage().contains("\\u001b"));
    }

    @Test
    void duplicateIdsAndEmptyFilesAreRejected() {
        assertEquals(2, error("1 1 0 0 0 1 -1\n1 3 0 0 1 1 1\n").line());
        assertTrue(error("# nothing\n").getMessage().contains("no samples"));
    }

    @Test
    void badTagKeysAreReported() {
        MorphologyFormatException e = assertThrows(
                MorphologyFormatException.class,
                () -> parse("1 1 0 0 0 1 -1\n", TagParameters.ofTags(Map.of("x", List.of("a")))));
        assertTrue(e.getMessage().contains("parser.tags"), e.getMessage());
    }

    @Test
    void isARegisteredServiceLoaderParser() {
        // the core's ServiceLoaderRegistry finds parsers this way, by the names of @BsbName
        var parsers = java.util.ServiceLoader.load(org.bsb.api.morphology.MorphologyParser.class).stream()
                .map(java.util.ServiceLoader.Provider::type)
                .toList();
        assertTrue(parsers.contains(SwcParser.class), parsers.toString());
        List<String> names =
                List.of(SwcParser.class.getAnnotation(org.bsb.api.BsbName.class).value());
        assertTrue(names.contains("bsb") && names.contains("swc"), names.toString());
    }
}
