package org.bsb.neuron.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.bsb.api.Reporter;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.geometry.Point3;
import org.bsb.api.morphology.Branch;
import org.bsb.api.morphology.Morphology;
import org.bsb.api.simulation.Signal;
import org.bsb.api.simulation.SimulationResults;
import org.bsb.api.simulation.SpikeTrain;
import org.bsb.api.storage.ConnectivityBlock;
import org.bsb.api.storage.NetworkData;
import org.bsb.api.storage.PlacementBlock;
import org.bsb.core.config.CellModelNode;
import org.bsb.core.config.ConnectionModelNode;
import org.bsb.core.config.DeviceNode;
import org.bsb.core.config.LocationsNode;
import org.bsb.core.config.Parameters;
import org.bsb.core.config.SimulationNode;
import org.bsb.core.config.SynapseSpec;
import org.bsb.core.config.TargettingNode;
import org.bsb.core.registry.MapRegistry;
import org.bsb.core.registry.ServiceLoaderRegistry;
import org.bsb.neuron.devices.DeviceException;
import org.bsb.neuron.spi.MechanismCatalogue;
import org.junit.jupiter.api.Test;

/** The backend's build and run on hand-made networks, against analytic and causal truths. */
class NeuronRunTest {
    /** One straight 20 µm branch of radius 10 µm labelled soma: one section, nseg 3, area π·20·20 µm². */
    static final Morphology SOMA = new Morphology(
            "Ball",
            List.of(new Branch(-1, new double[] {0, 0, 0, 20, 0, 0}, new double[] {10, 10}, new int[] {1, 1})),
            List.of(Set.of(), Set.of("soma")));

    private final MapRegistry services = ServiceLoaderRegistry.load();

    private static List<MechanismCatalogue> catalogues() {
        List<MechanismCatalogue> out = new ArrayList<>();
        ServiceLoader.load(MechanismCatalogue.class).forEach(out::add);
        return out;
    }

    private static NetworkData network(int cells, List<ConnectivityBlock> connections) {
        double[] positions = new double[3 * cells];
        return new NetworkData(
                "{}",
                new Point3(100, 100, 100),
                List.of(SOMA),
                List.of(new PlacementBlock(
                        "ball",
                        new ChunkId(0, 0, 0),
                        positions,
                        new double[3 * cells],
                        new int[cells],
                        List.of("Ball"))),
                connections,
                Map.of());
    }

    private static Map<String, Object> model(Map<String, Object> mechanisms) {
        return Map.of(
                "cable_types",
                Map.of("soma", Map.of("cable", Map.of("Ra", 100, "cm", 1), "mechanisms", mechanisms)),
                "synapse_types",
                Map.of("ExpSyn", Map.of("mechanism", "ExpSyn", "parameters", Map.of("tau", 2, "e", 0))));
    }

    private static DeviceNode device(String type, TargettingNode targetting, Map<String, ?> parameters) {
        return new DeviceNode(type, targetting, null, Parameters.of(parameters));
    }

    @Test
    void passiveBallChargesWithTheMembraneTimeConstant() throws Exception {
        // pas g = 1e-4 S/cm², cm = 1 µF/cm²: tau = 10 ms; 0.1 nA over g·A = 1e-4 · π·20·20e-8 S: ΔV = 79.577 mV
        SimulationNode sim = new SimulationNode(
                "neuron",
                100,
                0.025,
                32.0,
                Map.of(
                        "ball",
                        new CellModelNode(
                                "arborize",
                                model(Map.of("pas", Map.of("g", 1e-4, "e", -65))),
                                List.of(),
                                Parameters.none())),
                Map.of(),
                Map.of(
                        "clamp",
                                device(
                                        "current_clamp",
                                        new TargettingNode("all", Parameters.none()),
                                        Map.of("amplitude", 0.1, "before", 10, "duration", 200)),
                        "vrec", device("voltage_recorder", new TargettingNode("all", Parameters.none()), Map.of())),
                Parameters.none());
        List<String> progress = new ArrayList<>();
        SimulationResults r = new NeuronRun(
                        "passive",
                        sim,
                        network(1, List.of()),
                        Path.of("."),
                        services,
                        (level, message) -> progress.add(level + " " + message),
                        catalogues())
                .run(32, -65, 1, 1);
        assertEquals(
                10,
                progress.stream()
                        .filter(l -> l.startsWith("1 t = ") || l.startsWith("1 Simulated 100.0 ms of 1 cells"))
                        .count(),
                progress.toString());
        Signal v = r.signals().stream()
                .filter(s -> s.device().equals("vrec"))
                .findFirst()
                .orElseThrow();
        assertEquals(4001, v.values().length);
        assertEquals("mV", v.units());
        double dv = 1e3 * 0.1e-9 / (1e-4 * Math.PI * 20e-4 * 20e-4); // mV
        for (double t : new double[] {20, 40, 60, 100}) {
            double expected = -65 + dv * (1 - Math.exp(-(t - 10) / 10));
            assertEquals(expected, v.values()[(int) Math.round(t / 0.025)], 0.15, "v at " + t + " ms");
        }
        assertEquals(-65, v.values()[(int) Math.round(9.0 / 0.025)], 1e-9, "rest before the clamp");
        Signal i = r.signals().stream()
                .filter(s -> s.device().equals("clamp"))
                .findFirst()
                .orElseThrow();
        assertEquals(0.1, i.values()[2000], 1e-12);
        assertEquals(0, i.annotations().get("cell_id"));
    }

    @Test
    void aSpikeCrossesTheConnectionAfterItsDelay() throws Exception {
        // cell 0 fires from a 1 nA pulse; its spike reaches cell 1's ExpSyn (weight 0.05 µS) 1 ms later
        ConnectivityBlock block =
                new ConnectivityBlock("ball_to_ball", "ball", "ball", 0, new int[] {0, 0, 1}, new int[] {1, 0, 1});
        SimulationNode sim = new SimulationNode(
                "neuron",
                50,
                0.025,
                6.3,
                Map.of(
                        "ball",
                        new CellModelNode("arborize", model(Map.of("hh", Map.of())), List.of(), Parameters.none())),
                Map.of(
                        "ball_to_ball",
                        new ConnectionModelNode(List.of(new SynapseSpec("ExpSyn", 0.05, 1.0, null)), List.of(), null)),
                Map.of(
                        "pulse",
                        device(
                                "current_clamp",
                                new TargettingNode("by_id", Parameters.of(Map.of("ids", Map.of("ball", List.of(0))))),
                                Map.of("amplitude", 1.0, "before", 5, "duration", 1)),
                        "spikes",
                        device("spike_recorder", new TargettingNode("all", Parameters.none()), Map.of()),
                        "syn",
                        new DeviceNode(
                                "synapse_recorder",
                                new TargettingNode("all", Parameters.none()),
                                new LocationsNode("everywhere", Parameters.none()),
                                Parameters.none())),
                Parameters.none());
        SimulationResults r = new NeuronRun(
                        "pair", sim, network(2, List.of(block)), Path.of("."), services, Reporter.SILENT, catalogues())
                .run(6.3, -65, 2, 1);
        List<SpikeTrain> spikes = r.spikes();
        assertEquals(2, spikes.size());
        double[] pre = spikes.get(0).times();
        double[] post = spikes.get(1).times();
        assertTrue(pre.length >= 1 && pre[0] > 5 && pre[0] < 8, "cell 0 fires after the pulse: " + List.of(pre));
        assertTrue(post.length >= 1 && post[0] > pre[0] + 1, "cell 1 fires after the delay: " + List.of(post));
        Signal syn = r.signals().stream()
                .filter(s -> s.device().equals("syn"))
                .findFirst()
                .orElseThrow();
        assertEquals(1, syn.annotations().get("cell_id"));
        assertEquals("ExpSyn", syn.annotations().get("synapse_type"));
        int arrival = (int) Math.round((pre[0] + 1) / 0.025);
        assertEquals(0, syn.values()[arrival - 4], 0, "no synaptic current before the spike arrives");
        assertTrue(syn.values()[arrival + 8] < -0.1, "inward current after it arrives: " + syn.values()[arrival + 8]);
    }
    /** A one-ball simulation with the given model mechanisms and devices. */
    private SimulationNode ball(Map<String, Object> mechanisms, Map<String, DeviceNode> devices) {
        return new SimulationNode(
                "neuron",
                10,
                0.025,
                32.0,
                Map.of("ball", new CellModelNode("arborize", model(mechanisms), List.of(), Parameters.none())),
                Map.of(),
                devices,
                Parameters.none());
    }

    private String failure(SimulationNode sim) {
        DeviceException e = assertThrows(
                DeviceException.class,
                () -> new NeuronRun(
                                "s", sim, network(1, List.of()), Path.of("."), services, Reporter.SILENT, catalogues())
                        .run(32, -65, 1, 1));
        return e.getMessage();
    }

    @Test
    void aCellModelRegisteredByNameIsFoundByItsName() throws Exception {
        // the adapter registers the embedded default stellate model as "default_stellate": its soma has
        // sodium and potassium channels, so a 1 nA pulse makes the ball fire
        SimulationNode sim = new SimulationNode(
                "neuron",
                30,
                0.025,
                32.0,
                Map.of("ball", new CellModelNode("arborize", "default_stellate", List.of(), Parameters.none())),
                Map.of(),
                Map.of(
                        "pulse",
                        device(
                                "current_clamp",
                                new TargettingNode("all", Parameters.none()),
                                Map.of("amplitude", 1.0, "before", 5, "duration", 2)),
                        "spikes",
                        device("spike_recorder", new TargettingNode("all", Parameters.none()), Map.of())),
                Parameters.none());
        SimulationResults r = new NeuronRun(
                        "named", sim, network(1, List.of()), Path.of("."), services, Reporter.SILENT, catalogues())
                .run(32, -65, 1, 1);
        double[] t = r.spikes().get(0).times();
        assertTrue(t.length >= 1 && t[0] > 5 && t[0] < 10, "fires after the pulse: " + java.util.Arrays.toString(t));
    }

    @Test
    void anUnknownCellModelNameListsTheRegisteredOnes() {
        SimulationNode sim = new SimulationNode(
                "neuron",
                10,
                0.025,
                32.0,
                Map.of("ball", new CellModelNode("arborize", "default_stelate", List.of(), Parameters.none())),
                Map.of(),
                Map.of(),
                Parameters.none());
        String m = failure(sim);
        assertTrue(
                m.contains("simulations.s.cell_models.ball.model")
                        && m.contains("'default_stelate'")
                        && m.contains("default_stellate"),
                m);
    }

    @Test
    void unknownDeviceSuggestsTheClosest() {
        String m = failure(ball(
                Map.of("pas", Map.of()),
                Map.of("v", device("voltage_recordr", new TargettingNode("all", Parameters.none()), Map.of()))));
        assertTrue(
                m.contains("simulations.s.devices.v.device")
                        && m.contains("voltage_recordr")
                        && m.contains("voltage_recorder"),
                m);
    }

    @Test
    void deviceSelectingNoCellNamesTheDeviceAndItsTargetting() {
        String m = failure(ball(
                Map.of("pas", Map.of()),
                Map.of(
                        "vrec",
                        device(
                                "voltage_recorder",
                                new TargettingNode("by_id", Parameters.of(Map.of("ids", Map.of("ball", List.of())))),
                                Map.of()))));
        assertTrue(m.contains("device 'vrec' selects no cell") && m.contains("by_id") && m.contains("[ball]"), m);
    }

    @Test
    void missingMechanismNamesItAndTheCloseOne() {
        String m = failure(ball(Map.of("hhh", Map.of()), Map.of()));
        assertTrue(
                m.contains("simulations.s.cell_models.ball")
                        && m.contains("mechanism 'hhh' is not installed")
                        && m.contains("did you mean 'hh'"),
                m);
    }

    @Test
    void ionRecorderRecordsTheIonsOfHhAtTheSomaWithNeuronsDefaults() throws Exception {
        // hh uses na and k with NEURON's default ion state: ena 50 mV, nao 140 mM, ki 54.4 mM
        // (nai0_na_ion etc.); nothing changes concentrations, so they stay there through a spike
        TargettingNode all = new TargettingNode("all", Parameters.none());
        SimulationNode sim = ball(
                Map.of("hh", Map.of()),
                Map.of(
                        "pulse", device("current_clamp", all, Map.of("amplitude", 1.0, "before", 5, "duration", 1)),
                        "ena", device("ion_recorder", all, Map.of("ion", "na", "variable", "e")),
                        "nao", device("ion_recorder", all, Map.of("ion", "na", "variable", "o")),
                        "ki", device("ion_recorder", all, Map.of("ion", "k")),
                        "ina", device("ion_recorder", all, Map.of("ion", "na", "variable", "current"))));
        SimulationResults r = new NeuronRun(
                        "ions", sim, network(1, List.of()), Path.of("."), services, Reporter.SILENT, catalogues())
                .run(6.3, -65, 1, 1);
        Map<String, Double> expected = Map.of("ena", 50.0, "nao", 140.0, "ki", 54.4);
        Map<String, String> units = Map.of("ena", "mV", "nao", "mM", "ki", "mM");
        expected.forEach((device, value) -> {
            Signal s = r.signals().stream()
                    .filter(x -> x.device().equals(device))
                    .findFirst()
                    .orElseThrow();
            assertEquals(units.get(device), s.units(), device);
            assertEquals(401, s.values().length, device);
            assertEquals(0, s.annotations().get("cell_id"));
            for (double v : s.values()) {
                assertEquals(value, v, 1e-9, device);
            }
        });
        // the spike's sodium current is inward (negative, mA/cm²) and far larger than at rest
        Signal ina = r.signals().stream()
                .filter(x -> x.device().equals("ina"))
                .findFirst()
                .orElseThrow();
        assertEquals("mA/cm2", ina.units());
        double atRest = java.util.Arrays.stream(ina.values(), 1, 200)
                .map(Math::abs)
                .max()
                .orElseThrow();
        double spike = java.util.Arrays.stream(ina.values(), 200, 401).min().orElseThrow();
        assertTrue(atRest > 0 && atRest < 0.05, "small sodium current at rest: " + atRest);
        assertTrue(spike < -0.3, "inward sodium current of the spike: " + spike);
        assertEquals(
                "k",
                r.signals().stream()
                        .filter(x -> x.device().equals("ki"))
                        .findFirst()
                        .orElseThrow()
                        .annotations()
                        .get("ion"));
    }

    @Test
    void ionRecorderRejectsAnUnknownVariable() {
        String m = failure(ball(
                Map.of("hh", Map.of()),
                Map.of(
                        "x",
                        device(
                                "ion_recorder",
                                new TargettingNode("all", Parameters.none()),
                                Map.of("ion", "na", "variable", "inside")))));
        assertTrue(m.contains("device 'x'") && m.contains("'inside'"), m);
    }
}
