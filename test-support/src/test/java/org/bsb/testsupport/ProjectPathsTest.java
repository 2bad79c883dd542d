package org.bsb.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectPathsTest {
    @TempDir
    Path dir;

    @Test
    void findsTheRepositoryFromThisModule() {
        Path root = ProjectPaths.root();
        assertTrue(Files.isRegularFile(root.resolve("test-support/pom.xml")), root.toString());
        assertEquals(root.resolve("examples/neuron-simulation"), ProjectPaths.tutorial());
        assertTrue(Files.isRegularFile(ProjectPaths.tutorialConfig()));
    }

    @Test
    void aModulePomIsNotTheRoot() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(repo.resolve("pom.xml"), "<project><artifactId>bsb-parent</artifactId></project>");
        Path module = Files.createDirectories(repo.resolve("module/src"));
        Files.writeString(
                repo.resolve("module/pom.xml"),
                "<project><parent><artifactId>bsb-parent</artifactId></parent><artifactId>x</artifactId></project>");
        assertEquals(Optional.of(repo), ProjectPaths.findRoot(module));
        assertEquals(Optional.empty(), ProjectPaths.findRoot(dir));
    }

    @Test
    void neuronDataNeedsItsMarkerFile() throws Exception {
        assertFalse(ProjectPaths.isNeuronData(dir));
        Files.createDirectories(dir.resolve("neuron-reference"));
        Files.writeString(dir.resolve(ProjectPaths.NEURON_DATA_MARKER), "t,v\n");
        assertTrue(ProjectPaths.isNeuronData(dir));
    }
}
