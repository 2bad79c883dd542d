package org.bsb.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bsb.api.geometry.Point3;
import org.bsb.core.registry.MapRegistry;
import org.bsb.testsupport.ProjectPaths;
import org.junit.jupiter.api.Test;

/** The tutorial's final JSON and YAML load unchanged, equal each other, the Java build, and their JSON. */
class TutorialConfigTest {
    static final Path EXAMPLE = ProjectPaths.tutorial();
    static final Path JSON = EXAMPLE.resolve("neuron-simulation.json");
    static final Path YAML = EXAMPLE.resolve("neuron-simulation.yaml");

    private final MapRegistry registry = FakeServices.tutorial();

    @Test
    void jsonAndYamlLoadWithoutProblemsAndAreEqual() {
        LoadedConfig json = ConfigLoader.load(JSON, registry, true);
        LoadedConfig yaml = ConfigLoader.load(YAML, registry, true);
        assertEquals(List.of(), json.warnings());
        assertEquals(List.of(), yaml.warnings());
        assertEquals(json.config(), yaml.config());
        assertEquals(json.config().hashCode(), yaml.config().hashCode());
        assertEquals(EXAMPLE, json.baseDirectory());
    }

    @Test
    void valuesAndDefaultsAreTheOriginals() {
        Configuration c = ConfigLoader.load(YAML, registry).config();
        assertEquals("DBBS test stellate rand circuit v4.0", c.name());
        assertEquals(new StorageNode("hdf5", "my_network.hdf5"), c.storage());
        assertEquals(new NetworkNode(100, 200, 300, Point3.ORIGIN, new Point3(100, 100, 100)), c.network());
        // Partition type and axis defaults: layer along z.
        assertEquals(
                new PartitionNode(PartitionType.LAYER, 300.0, Axis.Z, null, null),
                c.partitions().get("stellate_layer"));
        assertEquals(
                new RegionNode(RegionType.STACK, List.of("stellate_layer"), Axis.Z, null),
                c.regions().get("example_cortex"));
        MorphologyNode m = c.morphologies().get(0);
        assertEquals("StellateCell", m.name()); // file stem
        assertEquals("bsb", m.parser().parser());
        assertEquals(
                Map.of(
                        16,
                        List.of("dendrites", "proximal_dendrites"),
                        17,
                        List.of("dendrites", "distal_dendrites"),
                        18,
                        List.of("axon", "axon_initial_segment")),
                m.parser().tags());
        PlacementIndications spatial = c.cellTypes().get("stellate_cell").spatial();
        assertEquals(4.0, spatial.radius());
        assertEquals(5e-6, spatial.density());
        assertEquals(List.of("StellateCell"), spatial.morphologies().get(0).names());
        assertEquals("by_name", spatial.morphologies().get(0).select());
        PlacementNode p = c.placement().get("stellate_placement");
        assertEquals("bsb.placement.RandomPlacement", p.strategy());
        assertEquals(List.of("stellate_layer"), p.partitions());
        ConnectivityNode s = c.connectivity().get("stellate_to_stellate");
        assertEquals(List.of("axon"), s.presynaptic().morphologyLabels());
        assertEquals(List.of("stellate_to_stellate"), s.setNames("stellate_to_stellate"));

        SimulationNode sim = c.simulations().get("neuronsim");
        assertEquals(100.0, sim.duration());
        assertEquals(0.025, sim.resolution());
        assertEquals(32.0, sim.temperature());
        assertEquals(
                "data.Stellate.definitionStellate",
                sim.cellModels().get("stellate_cell").model());
        assertEquals("arborize", sim.cellModels().get("stellate_cell").modelStrategy());
        assertEquals(
                List.of(new SynapseSpec("GABA", 0.001, 1, List.of())),
                sim.connectionModels().get("stellate_to_stellate").synapses());
        DeviceNode spikes = sim.devices().get("spike_generator");
        assertEquals("by_id", spikes.targetting().strategy());
        assertEquals("branch", spikes.locations().strategy());
        assertNull(sim.devices().get("vrecorder").locations()); // left to the device (soma)
    }

    @Test
    void strategyParametersBindToTheServicesRecordsWithDefaults() {
        Configuration c = ConfigLoader.load(JSON, registry).config();
        var voxel = c.connectivity()
                .get("stellate_to_stellate")
                .parameters()
                .bind(FakeServices.VoxelParameters.class, "connectivity.stellate_to_stellate");
        assertEquals(new FakeServices.VoxelParameters(0.5, 1, 50, 50, true, FakeServices.FavorCache.PRE), voxel);

        SimulationNode sim = c.simulations().get("neuronsim");
        var spikes = sim.devices()
                .get("spike_generator")
                .parameters()
                .bind(FakeServices.SpikeGeneratorParameters.class, "d");
        assertEquals(
                new FakeServices.SpikeGeneratorParameters(9.0, 1, null, null, 0.01, 1, List.of("AMPA", "NMDA")),
                spikes);
        var ids = sim.devices()
                .get("spike_generator")
                .targetting()
                .parameters()
                .bind(FakeServices.ByIdParameters.class, "t");
        assertEquals(Map.of("stellate_cell", List.of(0)), ids.ids());
        var sphere =
                sim.devices().get("vrecorder").targetting().parameters().bind(FakeServices.SphereParameters.class, "t");
        assertEquals(
                new FakeServices.SphereParameters(new Point3(50, 100, 150), 100, List.of("stellate_cell")), sphere);
        // A parameter record may read a core key: the NEURON backend requires the temperature.
        var neuron = sim.parameters().bind(FakeServices.NeuronParameters.class, "simulations.neuronsim");
        assertEquals(new FakeServices.NeuronParameters(32.0, -65), neuron);
        // The parser's record receives the tags the core also reads.
        var parser = c.morphologies().get(0).parser().parameters().bind(FakeServices.ParserParameters.class, "p");
        assertEquals(List.of("axon", "axon_initial_segment"), parser.tags().get(18));
    }

    @Test
    void everyServiceTheTutorialNamesIsResolved() {
        LoadedConfig loaded = ConfigLoader.load(JSON, registry);
        List<String> names =
                loaded.services().stream().map(u -> u.kind() + " " + u.name()).toList();
        assertEquals(
                List.of(
                        "storage hdf5",
                        "morphology_parser bsb",
                        "placement bsb.placement.RandomPlacement",
                        "connectivity bsb.connectivity.VoxelIntersection",
                        "simulator neuron",
                        "device spike_generator",
                        "cell_targetting by_id",
                        "location_targetting branch",
                        "device voltage_recorder",
                        "cell_targetting sphere",
                        "device synapse_recorder",
                        "cell_targetting sphere",
                        "location_targetting branch"),
                names);
        assertTrue(loaded.services().stream().allMatch(ServiceUse::installed));
        // The validator keeps what it bound, defaults applied.
        assertEquals(
                new FakeServices.VoxelParameters(0.5, 1, 50, 50, true, FakeServices.FavorCache.PRE),
                loaded.services().get(3).parameters());
        assertEquals(
                "connectivity.stellate_to_stellate.strategy",
                loaded.services().get(3).path());
    }

    @Test
    void theJavaBuilderGivesTheSameConfig() {
        // The tutorial's Python script, in Java (with the JSON's name and region name).
        ConfigBuilder config = Configuration.defaults();
        config.name("DBBS test stellate rand circuit v4.0");
        config.storage().engine("hdf5").root("my_network.hdf5");
        config.network().x(100.0).y(200.0).z(300.0).chunkSize(100, 100, 100);
        config.partitions().add("stellate_layer", p -> p.thickness(300));
        config.regions().add("example_cortex", r -> r.type("stack").children("stellate_layer"));
        config.morphologies()
                .add(
                        "data/StellateCell.swc",
                        m -> m.tags(16, "dendrites", "proximal_dendrites")
                                .tags(17, "dendrites", "distal_dendrites")
                                .tags(18, "axon", "axon_initial_segment"));
        config.cellTypes()
                .add(
                        "stellate_cell",
                        c -> c.spatial(s -> s.radius(4).density(5e-6).morphologies("StellateCell")));
        config.placement()
                .add(
                        "stellate_placement",
                        p -> p.strategy("bsb.placement.RandomPlacement")
                                .cellTypes("stellate_cell")
                                .partitions("stellate_layer"));
        config.connectivity()
                .add(
                        "stellate_to_stellate",
                        c -> c.strategy("bsb.connectivity.VoxelIntersection")
                                .presynaptic(h -> h.cellTypes("stellate_cell").morphologyLabels("axon"))
                                .postsynaptic(h -> h.cellTypes("stellate_cell").morphologyLabels("dendrites"))
                                .set("affinity", 0.5));
        config.simulations()
                .add(
                        "neuronsim",
                        s -> s.simulator("neuron")
                                .duration(100)
                                .resolution(0.025)
                                .temperature(32));
        var sim = config.simulations().get("neuronsim");
        sim.cellModels()
                .add(
                        "stellate_cell",
                        m -> m.model("data.Stellate.definitionStellate").parameters(List.of()));
        sim.connectionModels().add("stellate_to_stellate", m -> m.synapse("GABA", 0.001, 1));
        sim.devices()
                .add(
                        "spike_generator",
                        d -> d.device("spike_generator")
                                .set("start", 9)
                                .set("number", 1)
                                .set("weight", 0.01)
                                .set("delay", 1)
                                .targetting("by_id", t -> t.set("ids", Map.of("stellate_cell", List.of(0))))
                                .locations("branch", l -> l.set("labels", List.of("dendrites")))
                                .set("synapses", List.of("AMPA", "NMDA")));
        sim.devices()
                .add(
                        "vrecorder",
                        d -> d.device("voltage_recorder")
                                .targetting(
                                        "sphere",
                                        t -> t.set("radius", 100)
                                                .set("origin", List.of(50, 100, 150))
                                                .set("cell_models", List.of("stellate_cell"))));
        sim.devices()
                .add(
                        "synapses_rec",
                        d -> d.device("synapse_recorder")
                                .set("synapse_types", List.of("AMPA", "NMDA", "GABA"))
                                .targetting(
                                        "sphere",
                                        t -> t.set("radius", 100)
                                                .set("origin", List.of(50, 100, 150))
                                                .set("cell_models", List.of("stellate_cell")))
                                .locations("branch", l -> l.set("labels", List.of("dendrites"))));

        Configuration built = config.build(registry);
        assertEquals(ConfigLoader.load(JSON, registry).config(), built);
        assertEquals(ConfigLoader.load(YAML, registry).config(), built);
    }

    @Test
    void writingToJsonAndReadingBackIsTheIdentity() {
        for (Path file : List.of(JSON, YAML)) {
            Configuration c = ConfigLoader.load(file, registry).config();
            String json = ConfigWriter.toJson(c);
            Configuration back = ConfigLoader.fromJson(json, "stored", registry).config();
            assertEquals(c, back, json);
            assertEquals(json, ConfigWriter.toJson(back));
        }
    }

    @Test
    void writingToYamlAndReadingBackIsTheIdentityToo() throws Exception {
        Configuration c = ConfigLoader.load(JSON, registry).config();
        var yaml = new org.bsb.core.config.format.YamlConfigFormat();
        String text = yaml.write(ConfigWriter.toTree(c));
        ConfigCheck back = ConfigLoader.check("stored.yaml", text, yaml, registry, null, true);
        assertEquals(List.of(), back.problems(), text);
        assertEquals(c, back.config());
        // The tag keys stay strings, as the tutorial quotes them.
        assertTrue(text.contains("\"16\":") || text.contains("'16':"), text);
    }
}
