package org.bsb.core.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bsb.api.storage.NetworkData;
import org.bsb.commands.BsbCli;
import org.bsb.core.network.Blocks;
import org.bsb.core.registry.MapRegistry;
import org.bsb.core.registry.ServiceLoaderRegistry;
import org.bsb.storage.hdf5.Hdf5Engine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bsb compile/inspect/reconfigure} on the tutorial's reconstruction part (without connectivity). */
class CompileCommandTest {
    static final String CONFIG = """
            {
              "name": "DBBS test stellate rand circuit v4.0",
              "storage": {"engine": "hdf5", "root": "my_network.hdf5"},
              "network": {"x": 100.0, "y": 200.0, "z": 300.0, "chunk_size": [100, 100, 100]},
              "partitions": {"stellate_layer": {"thickness": 300.0}},
              "regions": {"example_cortex": {"type": "stack", "children": ["stellate_layer"]}},
              "morphologies": [{"file": "data/StellateCell.swc", "parser": {"tags": {
                  "16": ["dendrites", "proximal_dendrites"], "17": ["dendrites", "distal_dendrites"],
                  "18": ["axon", "axon_initial_segment"]}}}],
              "cell_types": {"stellate_cell": {"spatial": {"radius": 4.0, "density": 0.000005,
                  "morphologies": [{"names": ["StellateCell"]}]}}},
              "placement": {"stellate_placement": {"strategy": "bsb.placement.RandomPlacement",
                  "partitions": ["stellate_layer"], "cell_types": ["stellate_cell"]}},
              "connectivity": {}
            }
            """;

    @TempDir
    Path dir;

    Path project;
    Path elsewhere;
    MapRegistry registry;
    ByteArrayOutputStream out;
    ByteArrayOutputStream err;

    @BeforeEach
    void setUp() throws Exception {
        project = Files.createDirectories(dir.resolve("project"));
        elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createDirectories(project.resolve("data"));
        Tutorial.swc(project.resolve("data"));
        Files.writeString(project.resolve("net.json"), CONFIG);
        registry = ServiceLoaderRegistry.load(getClass().getClassLoader());
    }

    int bsb(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        // Run from another folder: paths in the config are relative to the config's folder.
        return BsbCli.run(
                registry,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                elsewhere,
                args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void compilesTheTutorialIntoStorageRootBesideTheConfig() throws Exception {
        assertEquals(0, bsb("compile", "--verbosity", "3", "../project/net.json", "--seed", "11"), err());
        Path file = project.resolve("my_network.hdf5");
        NetworkData n = new Hdf5Engine().read(file);
        assertEquals(30, Blocks.counts(n.placement()).get("stellate_cell"));
        assertTrue(out().contains("Placing 5 stellate_cell in [0 0 0]"), out());
        assertTrue(out().contains("Compiled " + file + ": {stellate_cell: 30}, 0 connections (seed 11)"), out());
        // The stored config is the JSON of the config records.
        assertTrue(n.configJson().contains("\"stellate_placement\""), n.configJson());
        assertEquals("DBBS test stellate rand circuit v4.0", n.attributes().get("name"));

        // Again without a mode flag: refused, file untouched.
        byte[] before = Files.readAllBytes(file);
        assertEquals(1, bsb("compile", "../project/net.json"));
        assertTrue(err().contains("already exists"), err());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(2, bsb("compile", "../project/net.json", "--clear", "--append"));
    }

    @Test
    void sameSeedIsByteIdenticalAtOneAndTwoThreads() throws Exception {
        assertEquals(
                0, bsb("compile", "../project/net.json", "-o", "one.hdf5", "--seed", "5", "--threads", "1"), err());
        assertEquals(
                0, bsb("compile", "../project/net.json", "-o", "two.hdf5", "--seed", "5", "--threads", "2"), err());
        assertArrayEquals(
                Files.readAllBytes(elsewhere.resolve("one.hdf5")), Files.readAllBytes(elsewhere.resolve("two.hdf5")));
        assertFalse(Files.exists(project.resolve("my_network.hdf5")));
    }

    @Test
    void inspectReportsCountsSeedAndMorphologies() throws Exception {
        assertEquals(0, bsb("compile", "../project/net.json", "-o", "n.hdf5", "--seed", "77"), err());
        assertEquals(0, bsb("inspect", "n.hdf5"), err());
        String text = out();
        assertTrue(text.contains("config: 'DBBS test stellate rand circuit v4.0', seed 77"), text);
        assertTrue(text.contains("stellate_cell: 30 in 6 chunks"), text);
        assertTrue(text.contains("[0 1 2] (id 8590000128): 5"), text);
        assertTrue(text.contains("StellateCell: 120 branches, 3351 points"), text);
        assertEquals(0, bsb("inspect", "n.hdf5", "--json"), err());
        JsonNode j = new ObjectMapper().readTree(out());
        assertEquals(77, j.get("seed").asLong());
        assertEquals(30, j.get("cells").get("stellate_cell").get("count").asInt());
        assertEquals(6, j.get("cells").get("stellate_cell").get("chunks").size());
        assertEquals("StellateCell", j.get("morphologies").get(0).get("name").asText());
    }

    @Test
    void inspectExplainsBadFiles() throws Exception {
        Files.writeString(elsewhere.resolve("junk.hdf5"), "not a network");
        assertEquals(1, bsb("inspect", "junk.hdf5"));
        assertTrue(err().contains("not an HDF5 file"), err());
        assertEquals(1, bsb("inspect", "missing.hdf5"));
        assertTrue(err().contains("does not exist"), err());
    }

    @Test
    void reconfigureReplacesOnlyTheStoredConfig() throws Exception {
        assertEquals(0, bsb("compile", "../project/net.json", "-o", "n.hdf5", "--seed", "3"), err());
        Path file = elsewhere.resolve("n.hdf5");
        NetworkData before = new Hdf5Engine().read(file);
        Files.writeString(
                project.resolve("renamed.json"), CONFIG.replace("DBBS test stellate rand circuit v4.0", "renamed"));
        assertEquals(0, bsb("reconfigure", "n.hdf5", "../project/renamed.json"), err());
        NetworkData after = new Hdf5Engine().read(file);
        assertTrue(after.configJson().contains("\"renamed\""));
        assertEquals("renamed", after.attributes().get("name"));
        assertEquals("3", after.attributes().get("seed"));
        for (int i = 0; i < before.placement().size(); i++) {
            assertTrue(Blocks.same(before.placement().get(i), after.placement().get(i)));
        }
        // A config that does not describe the network is refused and changes nothing.
        byte[] bytes = Files.readAllBytes(file);
        Files.writeString(
                project.resolve("other.json"),
                CONFIG.replace("stellate_cell", "basket_cell").replace("[100, 100, 100]", "[50, 50, 50]"));
        assertEquals(1, bsb("reconfigure", "n.hdf5", "../project/other.json"));
        assertTrue(err().contains("network.chunk_size") && err().contains("'stellate_cell'"), err());
        assertArrayEquals(bytes, Files.readAllBytes(file));
    }

    @Test
    void configErrorsAndMissingMorphologiesAreExplained() throws Exception {
        Files.writeString(project.resolve("bad.json"), CONFIG.replace("data/StellateCell.swc", "data/Missing.swc"));
        assertEquals(1, bsb("compile", "../project/bad.json", "-o", "x.hdf5"));
        assertTrue(err().contains("Missing.swc"), err());
        assertFalse(Files.exists(elsewhere.resolve("x.hdf5")));
        Files.writeString(
                project.resolve("bad2.json"), CONFIG.replace("\"thickness\": 300.0", "\"thickness\": \"thick\""));
        assertEquals(1, bsb("compile", "../project/bad2.json", "-o", "x.hdf5"));
        assertTrue(err().contains("partitions.stellate_layer.thickness"), err());
    }
}
