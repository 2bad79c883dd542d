package org.bsb.neuron.adapter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.bsb.api.Reporter;
import org.bsb.api.ServiceLookup;
import org.bsb.api.UnknownServiceException;
import org.bsb.api.morphology.Morphology;
import org.bsb.api.simulation.CellModelProvider;
import org.bsb.api.simulation.Signal;
import org.bsb.api.simulation.SimulationException;
import org.bsb.api.simulation.SimulationResults;
import org.bsb.api.simulation.SpikeTrain;
import org.bsb.api.storage.ConnectivityBlock;
import org.bsb.api.storage.NetworkData;
import org.bsb.core.config.CellModelNode;
import org.bsb.core.config.ConnectionModelNode;
import org.bsb.core.config.DeviceNode;
import org.bsb.core.config.SimulationNode;
import org.bsb.core.config.SynapseSpec;
import org.bsb.neuron.cable.CableCell;
import org.bsb.neuron.cable.HeapAfterGc;
import org.bsb.neuron.cable.MemoryEstimate;
import org.bsb.neuron.cable.Network;
import org.bsb.neuron.cable.SimResult;
import org.bsb.neuron.cable.SimSettings;
import org.bsb.neuron.cable.Simulator;
import org.bsb.neuron.cable.cluster.ClusterRunner;
import org.bsb.neuron.devices.DeviceContext;
import org.bsb.neuron.devices.DeviceException;
import org.bsb.neuron.devices.NeuronDevice;
import org.bsb.neuron.model.MechanismId;
import org.bsb.neuron.model.ModelDefinition;
import org.bsb.neuron.model.SynapseDefinition;
import org.bsb.neuron.spi.MechanismCatalogue;
import org.bsb.targetting.NetworkTargetCells;

/**
 * One run of a simulation: builds the cable network from the network data (cells of the cell
 * models, synapses of the connection models, devices), runs it and collects the recordings.
 */
final class NeuronRun {
    /** bsb-neuron's transmitter threshold (NetCon default). */
    static final double THRESHOLD = -20;

    private final String name;
    private final SimulationNode sim;
    private final NetworkData data;
    private final Path base;
    private final ServiceLookup services;
    private final Reporter reporter;
    private final Network net;
    private final MechanismResolver mechanisms;
    private final NetworkTargetCells cells;
    private final Map<String, Morphology> morphologies = new HashMap<>();
    private final Map<String, ModelDefinition> models = new LinkedHashMap<>();
    private final Map<String, CellTemplate> templates = new HashMap<>();
    /** (model, id) to network cell index and its template. */
    private final Map<String, Built> built = new HashMap<>();

    private final List<Recording> recordings = new ArrayList<>();

    record Built(int cell, CellTemplate template) {}

    record Recording(String device, Map<String, Object> annotations, String units, Network.Probe probe, int source) {}

    NeuronRun(
            String name,
            SimulationNode sim,
            NetworkData data,
            Path base,
            ServiceLookup services,
            Reporter reporter,
            List<MechanismCatalogue> catalogues) {
        this.name = name;
        this.sim = sim;
        this.data = data;
        this.base = base;
        this.services = services;
        this.reporter = reporter;
        this.net = new Network(catalogues);
        this.mechanisms = new MechanismResolver(catalogues);
        for (Morphology m : data.morphologies()) {
            morphologies.put(m.name(), m);
        }
        this.cells =
                new NetworkTargetCells(data, new ArrayList<>(sim.cellModels().keySet()));
    }

    SimulationResults run(double temperature, double vInit, int threads, long seed) throws SimulationException {
        return run(temperature, vInit, threads, seed, null);
    }

    /**
     * As {@link #run(double, double, int, long)}, this process's part of a run split over the members of
     * {@code cluster} (null: the whole run here): every member builds the same network, and only the coordinator
     * (rank 0) gets the results, the others null. The coordinator reports the run's progress at verbosity 1 (the
     * members advance in step), the others theirs at verbosity 2.
     */
    SimulationResults run(double temperature, double vInit, int threads, long seed, ClusterRunner.Session cluster)
            throws SimulationException {
        String path = "simulations." + name;
        sim.cellModels()
                .forEach((model, node) -> models.put(model, model(model, node, path + ".cell_models." + model)));
        buildCells();
        connect(path);
        SplittableRandom random = new SplittableRandom(seed);
        sim.devices().forEach((deviceName, node) -> device(deviceName, node, path + ".devices." + deviceName, random));
        mechanisms.choices().forEach(c -> reporter.report(3, "mechanism " + c));
        reporter.report(
                2, "Running " + net.cellCount() + " cells for " + sim.duration() + " ms at dt " + sim.resolution());
        boolean coordinator = cluster == null || cluster.rank() == 0;
        Reporter progressReporter =
                coordinator ? reporter : (level, message) -> reporter.report(Math.max(2, level), message);
        Progress progress = new Progress(sim.duration(), progressReporter);
        SimSettings settings = new SimSettings(sim.resolution(), sim.duration(), temperature, vInit);
        MemoryEstimate estimate = MemoryEstimate.of(net, settings);
        reporter.report(2, "Memory: " + estimate.summary());
        SimResult result;
        try (HeapAfterGc heap = HeapAfterGc.watch()) {
            if (cluster == null) {
                result = Simulator.run(net, settings, Math.max(1, threads), progress);
            } else {
                reporter.report(
                        2,
                        "Running this process's part as " + cluster.describe() + " with " + Math.max(1, threads)
                                + " thread(s)");
                result = cluster.run(net, settings, Math.max(1, threads), progress);
            }
            progress.finish(net.cellCount());
            reporter.report(2, "Memory: " + heap.summary(estimate.compartments()));
        }
        if (result == null) {
            return null; // a member of a split run: the coordinator has the results
        }
        List<Signal> signals = new ArrayList<>();
        List<SpikeTrain> spikes = new ArrayList<>();
        for (Recording r : recordings) {
            if (r.probe() != null) {
                signals.add(new Signal(
                        r.device(), r.annotations(), r.units(), 0, sim.resolution(), result.trace(r.probe())));
            } else {
                spikes.add(new SpikeTrain(r.device(), r.annotations(), result.spikes(r.source())));
            }
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("cells", net.cellCount());
        attributes.put("initial", vInit);
        return new SimulationResults(name, attributes, signals, spikes);
    }

    /** Every message of a member of a split run, prefixed with its rank ({@code [rank 1] ...}). */
    static Reporter memberReporter(Reporter reporter, int rank) {
        String prefix = "[rank " + rank + "] ";
        return (level, message) -> reporter.report(level, prefix + message);
    }

    /**
     * A cell model's definition: a file, {@code data.Stellate.definitionStellate} (a Python module's
     * variable), the name of a cell model a bundle registers ({@link CellModelProvider}), or an inline map.
     */
    ModelDefinition model(String model, CellModelNode node, String path) {
        Object m = node.model();
        if (m instanceof Map<?, ?> inline) {
            return ModelDefinition.fromData(inline, path + ".model");
        }
        if (!(m instanceof String ref)) {
            throw new DeviceException(path + ".model is required: a model file or definition");
        }
        Path file = base.resolve(ref);
        if (Files.isRegularFile(file)) {
            return ModelDefinition.read(file, null);
        }
        int dot = ref.lastIndexOf('.');
        if (dot > 0) {
            Path py = base.resolve(ref.substring(0, dot).replace('.', '/') + ".py");
            if (Files.isRegularFile(py)) {
                ModelDefinition def = ModelDefinition.read(py, ref.substring(dot + 1));
                List<String> missing = missingMechanisms(def);
                if (!missing.isEmpty()
                        && py.getFileName().toString().equals("Stellate.py")
                        && ref.endsWith(".definitionStellate")) {
                    // The tutorial's model needs the GPL dbbs-lab catalogue, which is not shipped:
                    // run the tutorial unchanged with the embedded default instead, and say so.
                    reporter.warn(path + ".model: mechanisms " + missing + " of " + py.getFileName()
                            + " are not installed (the dbbs-lab catalogue; add its mod files with BSB_MECHANISM_PATH, or"
                            + " pack them with 'bsb mechanisms bundle' into plugins/);"
                            + " using the embedded default stellate model (hh, pas and BSB's AMPA/NMDA/GABA) instead");
                    return DefaultModel.stellate();
                }
                return def;
            }
        }
        try {
            CellModelProvider provider = services.resolve(CellModelProvider.class, ref);
            return ModelDefinition.fromData(
                    provider.definition(), path + ".model (the registered cell model '" + ref + "')");
        } catch (UnknownServiceException e) {
            throw new DeviceException(path + ".model: '" + ref + "' is neither a file, a Python module variable under "
                    + base + ", nor a registered cell model: " + e.getMessage());
        }
    }

    /** The mechanisms of a definition that no installed catalogue provides. */
    private List<String> missingMechanisms(ModelDefinition def) {
        List<MechanismId> ids = new ArrayList<>();
        def.cableTypes().values().forEach(t -> {
            ids.addAll(t.mechanisms().keySet());
            t.synapses().values().forEach(sd -> ids.add(sd.mechanism()));
        });
        def.synapseTypes().values().forEach(sd -> ids.add(sd.mechanism()));
        TreeSet<String> missing = new TreeSet<>();
        for (MechanismId id : ids) {
            try {
                resolve(id);
            } catch (DeviceException e) {
                missing.add(id.toString());
            }
        }
        return new ArrayList<>(missing);
    }

    private String resolve(MechanismId id) {
        return mechanisms.resolve(id);
    }

    private void buildCells() {
        for (String model : sim.cellModels().keySet()) {
            for (int id = 0; id < cells.count(model); id++) {
                String morph = cells.morphologyName(model, id);
                if (morph == null) {
                    continue;
                }
                CellTemplate t;
                try {
                    t = templates.computeIfAbsent(
                            model + "/" + morph,
                            k -> new CellTemplate(morphology(morph), models.get(model), this::resolve));
                } catch (DeviceException e) {
                    throw new DeviceException("simulations." + name + ".cell_models." + model + ": " + e.getMessage());
                }
                int index = net.addCell(new CableCell(morph + "_" + id, t.sections()));
                built.put(model + "/" + id, new Built(index, t));
            }
        }
    }

    private Morphology morphology(String name) {
        Morphology m = morphologies.get(name);
        if (m == null) {
            throw new DeviceException("morphology '" + name + "' is not in the network file");
        }
        return m;
    }

    /** Inserted synapses per (cell, section), for devices that look them up. */
    private final Map<String, List<Synapse>> synapses = new HashMap<>();

    record Synapse(String name, Network.PointRef ref) implements DeviceContext.Point {}

    private Synapse insertSynapse(String model, int id, int branch, int point, String type) {
        Built b = built.get(model + "/" + id);
        CellTemplate.Place place = b.template().place(branch, point);
        SynapseDefinition def = b.template().synapseTypes(place.section()).get(type);
        if (def == null) {
            throw new DeviceException("synapse type '" + type + "' is not present on the section of location ("
                    + branch + ", " + point + ") of " + model + " " + id + " (labels "
                    + b.template().sections().get(place.section()).labels() + "); choose from: "
                    + b.template().synapseTypes(place.section()).keySet());
        }
        Network.PointRef ref = net.addPointProcess(
                b.cell(), place.section(), place.arc(0.5), resolve(def.mechanism()), def.parameters());
        Synapse s = new Synapse(type, ref);
        synapses.computeIfAbsent(b.cell() + "/" + place.section(), k -> new ArrayList<>())
                .add(s);
        return s;
    }

    private void connect(String path) {
        Map<String, Integer> transmitters = new HashMap<>();
        for (ConnectivityBlock block : data.connectivity()) {
            ConnectionModelNode model = sim.connectionModels().get(block.set());
            if (model == null) {
                continue;
            }
            int[] pre = block.preLocations();
            int[] post = block.postLocations();
            for (int k = 0; k < block.size(); k++) {
                Built source = built.get(block.preType() + "/" + pre[3 * k]);
                Built target = built.get(block.postType() + "/" + post[3 * k]);
                if (source == null || target == null) {
                    continue;
                }
                // one transmitter per (pre cell, pre branch), at arc(0.5) of the branch's first location
                String key = source.cell() + "/" + pre[3 * k + 1];
                Integer src = transmitters.get(key);
                if (src == null) {
                    CellTemplate.Place place = source.template().place(pre[3 * k + 1], 0);
                    src = net.addSpikeSource(source.cell(), place.section(), place.arc(0.5), THRESHOLD);
                    transmitters.put(key, src);
                }
                for (SynapseSpec spec : model.synapses()) {
                    Synapse s = insertSynapse(
                            block.postType(), post[3 * k], post[3 * k + 1], post[3 * k + 2], spec.synapse());
                    net.connect(src, s.ref(), spec.delay(), spec.weight());
                }
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void device(String deviceName, DeviceNode node, String path, SplittableRandom random) {
        Object service;
        try {
            service = services.resolve(org.bsb.api.simulation.DeviceType.class, node.device());
        } catch (UnknownServiceException e) {
            throw new DeviceException(path + ".device: " + e.getMessage());
        }
        if (!(service instanceof NeuronDevice device)) {
            throw new DeviceException(
                    path + ".device: '" + node.device() + "' is not a device of the neuron simulator");
        }
        List<DeviceContext.Target> targets = DeviceTargets.resolve(
                node,
                device,
                path,
                services,
                cells,
                (model, id) -> {
                    String m = cells.morphologyName(model, id);
                    return m == null || !built.containsKey(model + "/" + id) ? null : morphology(m);
                },
                random);
        Record parameters = node.parameters().bind(device.parameterType(), path);
        device.implement(new Context(deviceName, targets), parameters);
    }

    /** The device context over the network being built. */
    private final class Context implements DeviceContext {
        private final String device;
        private final List<Target> targets;

        Context(String device, List<Target> targets) {
            this.device = device;
            this.targets = targets;
        }

        private Built cell(Target t) {
            return built.get(t.cellModel() + "/" + t.cellId());
        }

        @Override
        public String device() {
            return device;
        }

        @Override
        public List<Target> targets() {
            return targets;
        }

        @Override
        public Point insertSynapse(Target cell, int[] location, String synapseType) {
            return NeuronRun.this.insertSynapse(cell.cellModel(), cell.cellId(), location[0], location[1], synapseType);
        }

        @Override
        public List<Point> synapsesOn(Target cell, int[] location, Collection<String> synapseTypes) {
            Built b = cell(cell);
            CellTemplate.Place place = b.template().place(location[0], location[1]);
            List<Point> out = new ArrayList<>();
            for (Synapse s : synapses.getOrDefault(b.cell() + "/" + place.section(), List.of())) {
                if (synapseTypes.isEmpty() || synapseTypes.contains(s.name())) {
                    out.add(s);
                }
            }
            return out;
        }

        @Override
        public Point addPointProcess(
                Target cell, int[] location, double sx, String mechanism, Map<String, Double> parameters) {
            Built b = cell(cell);
            CellTemplate.Place place = b.template().place(location[0], location[1]);
            return new Synapse(
                    mechanism, net.addPointProcess(b.cell(), place.section(), place.arc(sx), mechanism, parameters));
        }

        @Override
        public Point addArtificialCell(String mechanism, Map<String, Double> parameters) {
            return new Synapse(mechanism, net.addArtificialCell(mechanism, parameters));
        }

        @Override
        public void setVector(Point point, String vectorName, double[] values) {
            net.setVector(((Synapse) point).ref(), vectorName, values);
        }

        @Override
        public void connect(Point source, Point target, double weight, double delay) {
            int src = net.addSpikeSource(((Synapse) source).ref());
            net.connect(src, ((Synapse) target).ref(), delay, weight);
        }

        @Override
        public void recordVoltage(Target cell, int[] location, double sx, Map<String, Object> annotations) {
            Built b = cell(cell);
            CellTemplate.Place place = b.template().place(location[0], location[1]);
            recordings.add(new Recording(
                    device, annotations, "mV", net.probeVoltage(b.cell(), place.section(), place.arc(sx)), -1));
        }

        @Override
        public void recordIon(
                Target cell,
                int[] location,
                double sx,
                String ion,
                String quantity,
                String units,
                Map<String, Object> annotations) {
            Built b = cell(cell);
            CellTemplate.Place place = b.template().place(location[0], location[1]);
            recordings.add(new Recording(
                    device,
                    annotations,
                    units,
                    net.probeIon(b.cell(), place.section(), place.arc(sx), ion, quantity),
                    -1));
        }

        @Override
        public void recordPoint(Point point, String variable, String units, Map<String, Object> annotations) {
            recordings.add(new Recording(device, annotations, units, net.probe(((Synapse) point).ref(), variable), -1));
        }

        @Override
        public void recordSpikes(Target cell, int[] location, double threshold, Map<String, Object> annotations) {
            Built b = cell(cell);
            CellTemplate.Place place = b.template().place(location[0], location[1]);
            recordings.add(new Recording(
                    device,
                    annotations,
                    "ms",
                    null,
                    net.addSpikeSource(b.cell(), place.section(), place.arc(0.5), threshold)));
        }

        @Override
        public void warn(String message) {
            reporter.warn(message);
        }
    }
}
