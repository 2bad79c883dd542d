package org.bsb.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bsb.core.config.format.JsonConfigFormat;
import org.bsb.core.config.format.YamlConfigFormat;
import org.bsb.core.registry.MapRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mistake of a file is reported at once, each with its file, line, path, value and expectation. */
class ErrorReportTest {
    private final MapRegistry registry = FakeServices.tutorial();

    static String tutorial(Path file) throws IOException {
        return Files.readString(file);
    }

    /** The tutorial JSON with {@code from} replaced by {@code to} (exactly once). */
    static String edit(String text, String from, String to) {
        int at = text.indexOf(from);
        assertTrue(at >= 0, "not in the tutorial: " + from);
        assertEquals(-1, text.indexOf(from, at + 1), "ambiguous edit: " + from);
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    private ConfigCheck checkJson(String text) {
        return ConfigLoader.check("neuron-simulation.json", text, new JsonConfigFormat(), registry, null, false);
    }

    private static List<String> lines(ConfigCheck check) {
        return check.problems().stream().map(ConfigError::toString).toList();
    }

    @Test
    void theIssuesExampleLine() throws IOException {
        String text = edit(tutorial(TutorialConfigTest.JSON), "\"density\": 0.000005", "\"density\": -5.0");
        ConfigCheck check = checkJson(text);
        assertEquals(
                List.of("neuron-simulation.json:40:20: cell_types.stellate_cell.spatial.density: found -5.0, "
                        + "expected a number >= 0"),
                lines(check));
        assertFalse(check.valid());
    }

    @Test
    void severalMistakesAreAllListedWithPathsInOneRun() throws IOException {
        String text = tutorial(TutorialConfigTest.JSON);
        text = edit(text, "\"thickness\": 300.0", "\"thickness\": \"thick\""); // type
        text = edit(text, "\"children\": [\"stellate_layer\"]", "\"children\": [\"stellate_layr\"]"); // reference
        text = edit(text, "\"radius\": 4.0,", "\"radius\": 4.0, \"densty\": 1,"); // unknown key (warning)
        text = edit(
                text,
                "\"strategy\": \"bsb.placement.RandomPlacement\"",
                "\"strategy\": \"bsb.placement.RandomPlacment\""); // unknown service
        text = edit(text, "\"affinity\": 0.5", "\"affinity\": 1.5"); // strategy parameter range
        text = edit(text, "\"resolution\": 0.025", "\"resolution\": 0"); // range
        text = edit(text, "\"names\": [\"StellateCell\"]", "\"names\": [\"StelateCell\"]"); // morphology reference
        text = edit(text, "\"model\": \"data.Stellate.definitionStellate\",", ""); // required (conditional)
        text = edit(text, "\"ids\": {\"stellate_cell\": [0]}", "\"ids\": {\"stellate\": [0]}"); // targetting reference
        ConfigCheck check = checkJson(text);
        assertEquals(
                List.of(
                        "neuron-simulation.json:15:20: partitions.stellate_layer.thickness: found 'thick', expected a number",
                        "neuron-simulation.json:21:20: regions.example_cortex.children[0]: found 'stellate_layr', "
                                + "expected the name of a partition or region (did you mean 'stellate_layer'?)",
                        "neuron-simulation.json:39:34: warning: cell_types.stellate_cell.spatial.densty: found unknown key "
                                + "'densty', expected a known key (did you mean 'density'?)",
                        "neuron-simulation.json:43:23: cell_types.stellate_cell.spatial.morphologies[0].names[0]: found "
                                + "'StelateCell', expected the name of a morphology (did you mean 'StellateCell'?)",
                        "neuron-simulation.json:51:19: placement.stellate_placement.strategy: found 'bsb.placement.RandomPlacment', "
                                + "expected an installed placement strategy (did you mean 'bsb.placement.RandomPlacement'?)",
                        "neuron-simulation.json:67:19: connectivity.stellate_to_stellate.affinity: found 1.5, expected a number in [0, 1]",
                        "neuron-simulation.json:74:21: simulations.neuronsim.resolution: found 0, expected a number > 0",
                        "neuron-simulation.json:77:26: simulations.neuronsim.cell_models.stellate_cell.model: found nothing, "
                                + "expected a model definition (required unless model_strategy: shim)",
                        "neuron-simulation.json:97:33: simulations.neuronsim.devices.spike_generator.targetting.ids.stellate: "
                                + "found 'stellate', expected the name of a cell model of this simulation: stellate_cell"),
                lines(check));
        assertEquals(8, check.errors().size());
        ConfigException e = assertThrows(ConfigException.class, check::orThrow);
        assertEquals(9, e.errors().size());
        assertNotNull(e.partial());
    }

    @Test
    void strictMakesUnknownKeysErrors() throws IOException {
        String text = edit(tutorial(TutorialConfigTest.JSON), "\"radius\": 4.0,", "\"radius\": 4.0, \"colour\": 1,");
        assertTrue(checkJson(text).valid());
        ConfigCheck strict = ConfigLoader.check("n.json", text, new JsonConfigFormat(), registry, null, true);
        assertFalse(strict.valid());
        assertEquals(
                "cell_types.stellate_cell.spatial.colour",
                strict.errors().get(0).path());
        // No close key: the message lists the keys there are.
        assertTrue(
                strict.errors().get(0).expected().startsWith("one of the keys radius, density, planar_density"),
                strict.errors().get(0).expected());
    }

    @Test
    void unknownCellModelKeysAreReported() throws IOException {
        String text = edit(tutorial(TutorialConfigTest.JSON), "\"parameters\": []", "\"paramters\": []");
        ConfigCheck check = checkJson(text);
        assertTrue(check.valid());
        assertEquals(
                List.of(
                        "neuron-simulation.json:79:24: warning: simulations.neuronsim.cell_models.stellate_cell."
                                + "paramters: found unknown key 'paramters', expected a known key (did you mean 'parameters'?)"),
                lines(check));
    }

    @Test
    void unknownStrategyParameterIsReportedWithASuggestion() throws IOException {
        String text = edit(tutorial(TutorialConfigTest.JSON), "\"affinity\": 0.5", "\"afinity\": 0.5");
        ConfigCheck check = ConfigLoader.check("n.json", text, new JsonConfigFormat(), registry, null, true);
        assertEquals(
                List.of("n.json:67:18: connectivity.stellate_to_stellate.afinity: found unknown key 'afinity', "
                        + "expected a known key (did you mean 'affinity'?)"),
                lines(check));
    }

    @Test
    void missingRequiredKeysAreNamedWithTheirParentsLine() throws IOException {
        String text = tutorial(TutorialConfigTest.YAML);
        text = edit(text, "network:\n  x: 100\n", "network:\n");
        text = edit(text, "    simulator: neuron\n", "");
        text = edit(text, "    temperature: 32\n", "");
        ConfigCheck check = ConfigLoader.check("t.yaml", text, new YamlConfigFormat(), registry, null, false);
        assertEquals(
                List.of(
                        "t.yaml:6:3: network.x: found nothing, expected a number (required)",
                        "t.yaml:64:5: simulations.neuronsim.simulator: found nothing, expected a string (required)"),
                lines(check));
        // With the simulator given, its own required key is reported too.
        text = edit(text, "    duration: 100\n", "    simulator: neuron\n    duration: 100\n");
        check = ConfigLoader.check("t.yaml", text, new YamlConfigFormat(), registry, null, false);
        assertEquals(
                "simulations.neuronsim.temperature: found nothing, expected a number (required)",
                check.errors().get(1).message());
    }

    @Test
    void malformedFilesReportLineAndColumn() {
        ConfigCheck json = checkJson("{\n  \"name\": \"x\",\n  \"network\": {\"x\": 1,, }\n}");
        assertEquals(1, json.problems().size());
        ConfigError e = json.problems().get(0);
        assertEquals(3, e.line());
        assertEquals(22, e.column());
        assertTrue(e.toString().startsWith("neuron-simulation.json:3:22: found malformed JSON ("), e.toString());

        ConfigCheck yaml = ConfigLoader.check(
                "c.yaml", "name: x\nnetwork:\n  x: [1, 2\n  y: 3\n", new YamlConfigFormat(), registry, null, false);
        ConfigError y = yaml.problems().get(0);
        assertEquals("c.yaml", y.file());
        assertTrue(y.line() >= 3, y.toString());
        assertTrue(y.found().startsWith("malformed YAML"), y.toString());

        ConfigCheck duplicate = checkJson("{\"name\": \"a\",\n \"name\": \"b\"}");
        assertEquals(
                "neuron-simulation.json:2:2: found malformed JSON (duplicate key 'name'), expected well-formed JSON",
                duplicate.problems().get(0).toString());
    }

    @Test
    void theTopLevelMustBeAMapping() {
        ConfigCheck check = checkJson("[1, 2]");
        assertEquals(List.of("neuron-simulation.json:1:1: found a list, expected a mapping"), lines(check));
        assertEquals(
                "found the file is empty",
                "found " + checkJson("  ").problems().get(0).found().replaceAll("malformed JSON \\((.*)\\)", "$1"));
    }

    @Test
    void filesNamedByTheConfigMustExist(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("c.json");
        Files.writeString(config, tutorial(TutorialConfigTest.JSON));
        ConfigCheck check = ConfigLoader.check(config, registry, false);
        assertEquals(
                List.of("morphologies[0].file"),
                check.errors().stream().map(ConfigError::path).toList());
        assertEquals(1, check.warnings().size());
        assertEquals(
                "simulations.neuronsim.cell_models.stellate_cell.model",
                check.warnings().get(0).path());
        assertTrue(ConfigLoader.check(TutorialConfigTest.JSON, registry, false).valid());
    }

    @Test
    void unknownExtensionAndMissingFileAreExplained(@TempDir Path dir) {
        ConfigCheck txt = ConfigLoader.check(dir.resolve("c.txt"), registry, false);
        assertEquals(
                "c.txt: found extension '.txt', expected a config file ending in .json, .yaml, .yml",
                txt.problems().get(0).toString());
        ConfigCheck missing = ConfigLoader.check(dir.resolve("none.yaml"), registry, false);
        assertTrue(
                missing.problems().get(0).found().startsWith("no such file"),
                missing.problems().toString());
    }

    @Test
    void regionCyclesAndOverridesOfForeignCellTypesAreErrors() throws IOException {
        String text = edit(
                tutorial(TutorialConfigTest.JSON),
                "\"children\": [\"stellate_layer\"]",
                "\"children\": [\"stellate_layer\", \"inner\"]}, \"inner\": {\"children\": [\"example_cortex\"]");
        text = edit(
                text,
                "\"cell_types\": [\"stellate_cell\"]\n    }",
                "\"cell_types\": [\"stellate_cell\"], \"overrides\": {\"golgi\": {\"density\": 1}}\n    }");
        ConfigCheck check = checkJson(text);
        assertEquals(
                List.of(
                        "regions.example_cortex.children",
                        "regions.inner.children",
                        "placement.stellate_placement.overrides.golgi"),
                check.errors().stream().map(ConfigError::path).toList());
    }
}
