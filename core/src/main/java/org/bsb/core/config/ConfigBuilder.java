package org.bsb.core.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bsb.api.config.SourcePosition;
import org.bsb.core.registry.Registry;

/**
 * Builds a config in Java the way the tutorial's Python script does:
 *
 * <pre>{@code
 * ConfigBuilder config = Configuration.defaults();
 * config.storage().root("my_network.hdf5");
 * config.network().x(100).y(200).z(300).chunkSize(100, 100, 100);
 * config.partitions().add("stellate_layer", p -> p.thickness(300));
 * config.placement().add("stellate_placement", p -> p.strategy("bsb.placement.RandomPlacement")
 *         .cellTypes("stellate_cell").partitions("stellate_layer"));
 * Configuration built = config.build();
 * }</pre>
 *
 * Every node also takes any key with {@code set("snake_case_key", value)}, like the Python
 * keyword arguments; keys a node's service reads (a strategy's {@code affinity}) are given that
 * way. {@link #build()} reads the tree exactly as a config file is read, so defaults and checks
 * are the same, and the result equals the same config loaded from JSON or YAML.
 */
public final class ConfigBuilder {
    private final Map<String, Object> root = new LinkedHashMap<>();
    private final StorageBuilder storage = new StorageBuilder();
    private final NetworkBuilder network = new NetworkBuilder();
    private final Named<PartitionBuilder> partitions = new Named<>(PartitionBuilder::new);
    private final Named<RegionBuilder> regions = new Named<>(RegionBuilder::new);
    private final Morphologies morphologies = new Morphologies();
    private final Named<CellTypeBuilder> cellTypes = new Named<>(CellTypeBuilder::new);
    private final Named<PlacementBuilder> placement = new Named<>(PlacementBuilder::new);
    private final Named<ConnectivityBuilder> connectivity = new Named<>(ConnectivityBuilder::new);
    private final Named<HookBuilder> afterPlacement = new Named<>(HookBuilder::new);
    private final Named<HookBuilder> afterConnectivity = new Named<>(HookBuilder::new);
    private final Named<SimulationBuilder> simulations = new Named<>(SimulationBuilder::new);

    /** The original's {@code Configuration.default()}, with the hdf5 engine. */
    ConfigBuilder() {
        storage.engine("hdf5");
        network.x(200).y(200).z(200).chunkSize(100, 100, 100);
        root.put("storage", storage.map);
        root.put("network", network.map);
        root.put("partitions", partitions.map);
        root.put("regions", regions.map);
        root.put("morphologies", morphologies.list);
        root.put("cell_types", cellTypes.map);
        root.put("placement", placement.map);
        root.put("connectivity", connectivity.map);
        root.put("after_placement", afterPlacement.map);
        root.put("after_connectivity", afterConnectivity.map);
        root.put("simulations", simulations.map);
    }

    public ConfigBuilder name(String name) {
        root.put("name", name);
        return this;
    }

    public StorageBuilder storage() {
        return storage;
    }

    public NetworkBuilder network() {
        return network;
    }

    public Named<PartitionBuilder> partitions() {
        return partitions;
    }

    public Named<RegionBuilder> regions() {
        return regions;
    }

    public Morphologies morphologies() {
        return morphologies;
    }

    public Named<CellTypeBuilder> cellTypes() {
        return cellTypes;
    }

    public Named<PlacementBuilder> placement() {
        return placement;
    }

    public Named<ConnectivityBuilder> connectivity() {
        return connectivity;
    }

    public Named<HookBuilder> afterPlacement() {
        return afterPlacement;
    }

    public Named<HookBuilder> afterConnectivity() {
        return afterConnectivity;
    }

    public Named<SimulationBuilder> simulations() {
        return simulations;
    }

    /** The config as a plain tree (what a JSON file of it would hold). */
    public Map<String, Object> tree() {
        @SuppressWarnings("unchecked")
        Map<String, Object> plain = (Map<String, Object>) Plain.normalize(root);
        return plain;
    }

    /** The immutable config, without resolving services. @throws ConfigException listing every problem */
    public Configuration build() {
        return build(null);
    }

    /**
     * The immutable config, its services resolved and their parameters checked through
     * {@code registry}. @throws ConfigException listing every problem
     */
    public Configuration build(Registry registry) {
        return ConfigLoader.check(
                        Plain.toNode(tree(), SourcePosition.unknown("<builder>")), "<builder>", registry, null, true)
                .orThrow()
                .config();
    }

    // ---------------------------------------------------------------------------------------

    /** A node of the config: typed setters for its keys, and {@link #set} for any key. */
    public abstract static class Node<B extends Node<B>> {
        final Map<String, Object> map = new LinkedHashMap<>();

        /** Sets {@code key} (the config's snake_case key) to a value: a string, number, boolean, list or map. */
        public B set(String key, Object value) {
            map.put(key, value);
            return self();
        }

        @SuppressWarnings("unchecked")
        B self() {
            return (B) this;
        }

        <C extends Node<C>> B child(String key, C child, Consumer<? super C> init) {
            if (map.get(key) instanceof Map<?, ?> existing) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) existing;
                m.forEach(child.map::putIfAbsent);
            }
            map.put(key, child.map);
            init.accept(child);
            return self();
        }
    }

    /** A dict of named nodes ({@code partitions}, {@code cell_types}, ...). */
    public static final class Named<B extends Node<B>> {
        private final Supplier<B> factory;
        final Map<String, Object> map = new LinkedHashMap<>();
        private final Map<String, B> builders = new LinkedHashMap<>();

        Named(Supplier<B> factory) {
            this.factory = factory;
        }

        /** Adds (or replaces) the node {@code name}; returns it for further settings. */
        public B add(String name, Consumer<? super B> init) {
            B b = factory.get();
            builders.put(name, b);
            map.put(name, b.map);
            init.accept(b);
            return b;
        }

        public B add(String name) {
            return add(name, b -> {});
        }

        /** The node {@code name}, as {@code config.simulations["neuronsim"]} in Python. */
        public B get(String name) {
            B b = builders.get(name);
            if (b == null) {
                throw new IllegalArgumentException("no node '" + name + "'; there are " + builders.keySet());
            }
            return b;
        }

        public Named<B> remove(String name) {
            builders.remove(name);
            map.remove(name);
            return this;
        }
    }

    public static final class StorageBuilder extends Node<StorageBuilder> {
        public StorageBuilder engine(String engine) {
            return set("engine", engine);
        }

        public StorageBuilder root(String root) {
            return set("root", root);
        }
    }

    public static final class NetworkBuilder extends Node<NetworkBuilder> {
        public NetworkBuilder x(double x) {
            return set("x", x);
        }

        public NetworkBuilder y(double y) {
            return set("y", y);
        }

        public NetworkBuilder z(double z) {
            return set("z", z);
        }

        public NetworkBuilder origin(double x, double y, double z) {
            return set("origin", List.of(x, y, z));
        }

        /** One size for all axes, or three. */
        public NetworkBuilder chunkSize(double... size) {
            return set(
                    "chunk_size",
                    size.length == 1 ? size[0] : Arrays.stream(size).boxed().toList());
        }
    }

    public static final class PartitionBuilder extends Node<PartitionBuilder> {
        /** {@code layer} (default) or {@code rhomboid}. */
        public PartitionBuilder type(String type) {
            return set("type", type);
        }

        public PartitionBuilder thickness(double thickness) {
            return set("thickness", thickness);
        }

        public PartitionBuilder axis(String axis) {
            return set("axis", axis);
        }
    }

    public static final class RegionBuilder extends Node<RegionBuilder> {
        /** {@code group} (default) or {@code stack}. */
        public RegionBuilder type(String type) {
            return set("type", type);
        }

        public RegionBuilder children(String... children) {
            return set("children", List.of(children));
        }

        public RegionBuilder axis(String axis) {
            return set("axis", axis);
        }

        public RegionBuilder anchor(String anchor) {
            return set("anchor", anchor);
        }
    }

    /** The {@code morphologies} list. */
    public static final class Morphologies {
        final List<Object> list = new ArrayList<>();

        public MorphologyBuilder add(String file, Consumer<? super MorphologyBuilder> init) {
            MorphologyBuilder b = new MorphologyBuilder();
            b.set("file", file);
            list.add(b.map);
            init.accept(b);
            return b;
        }

        public MorphologyBuilder add(String file) {
            return add(file, b -> {});
        }
    }

    public static final class MorphologyBuilder extends Node<MorphologyBuilder> {
        private final Map<String, Object> parser = new LinkedHashMap<>();
        private final Map<String, Object> tags = new LinkedHashMap<>();

        public MorphologyBuilder name(String name) {
            return set("name", name);
        }

        public MorphologyBuilder parser(String parser) {
            parser().put("parser", parser);
            return this;
        }

        /** Maps an SWC tag to labels, e.g. {@code tags(16, "dendrites", "proximal_dendrites")}. */
        public MorphologyBuilder tags(int tag, String... labels) {
            parser().put("tags", tags);
            tags.put(Integer.toString(tag), List.of(labels));
            return this;
        }

        private Map<String, Object> parser() {
            map.put("parser", parser);
            return parser;
        }
    }

    public static final class CellTypeBuilder extends Node<CellTypeBuilder> {
        public CellTypeBuilder spatial(Consumer<? super IndicationsBuilder> init) {
            return child("spatial", new IndicationsBuilder(), init);
        }

        public CellTypeBuilder entity(boolean entity) {
            return set("entity", entity);
        }
    }

    public static final class IndicationsBuilder extends Node<IndicationsBuilder> {
        public IndicationsBuilder radius(double radius) {
            return set("radius", radius);
        }

        public IndicationsBuilder density(double density) {
            return set("density", density);
        }

        public IndicationsBuilder planarDensity(double density) {
            return set("planar_density", density);
        }

        public IndicationsBuilder count(int count) {
            return set("count", count);
        }

        public IndicationsBuilder relativeTo(String cellType) {
            return set("relative_to", cellType);
        }

        /** Adds a selector of the morphologies with these names ({@code {names: [...]}}). */
        public IndicationsBuilder morphologies(String... names) {
            @SuppressWarnings("unchecked")
            List<Object> selectors = (List<Object>) map.computeIfAbsent("morphologies", k -> new ArrayList<>());
            selectors.add(Map.of("names", List.of(names)));
            return this;
        }
    }

    public static final class PlacementBuilder extends Node<PlacementBuilder> {
        public PlacementBuilder strategy(String strategy) {
            return set("strategy", strategy);
        }

        public PlacementBuilder partitions(String... partitions) {
            return set("partitions", List.of(partitions));
        }

        public PlacementBuilder cellTypes(String... cellTypes) {
            return set("cell_types", List.of(cellTypes));
        }

        public PlacementBuilder dependsOn(String... strategies) {
            return set("depends_on", List.of(strategies));
        }

        public PlacementBuilder overrides(String cellType, Consumer<? super IndicationsBuilder> init) {
            @SuppressWarnings("unchecked")
            Map<String, Object> overrides =
                    (Map<String, Object>) map.computeIfAbsent("overrides", k -> new LinkedHashMap<>());
            IndicationsBuilder b = new IndicationsBuilder();
            overrides.put(cellType, b.map);
            init.accept(b);
            return this;
        }
    }

    public static final class ConnectivityBuilder extends Node<ConnectivityBuilder> {
        public ConnectivityBuilder strategy(String strategy) {
            return set("strategy", strategy);
        }

        public ConnectivityBuilder presynaptic(Consumer<? super HemitypeBuilder> init) {
            return child("presynaptic", new HemitypeBuilder(), init);
        }

        public ConnectivityBuilder postsynaptic(Consumer<? super HemitypeBuilder> init) {
            return child("postsynaptic", new HemitypeBuilder(), init);
        }

        public ConnectivityBuilder dependsOn(String... strategies) {
            return set("depends_on", List.of(strategies));
        }
    }

    public static final class HemitypeBuilder extends Node<HemitypeBuilder> {
        public HemitypeBuilder cellTypes(String... cellTypes) {
            return set("cell_types", List.of(cellTypes));
        }

        public HemitypeBuilder labels(String... labels) {
            return set("labels", List.of(labels));
        }

        public HemitypeBuilder morphologyLabels(String... labels) {
            return set("morphology_labels", List.of(labels));
        }
    }

    public static final class HookBuilder extends Node<HookBuilder> {
        public HookBuilder strategy(String strategy) {
            return set("strategy", strategy);
        }
    }

    public static final class SimulationBuilder extends Node<SimulationBuilder> {
        private final Named<CellModelBuilder> cellModels = new Named<>(CellModelBuilder::new);
        private final Named<ConnectionModelBuilder> connectionModels = new Named<>(ConnectionModelBuilder::new);
        private final Named<DeviceBuilder> devices = new Named<>(DeviceBuilder::new);

        SimulationBuilder() {
            map.put("cell_models", cellModels.map);
            map.put("connection_models", connectionModels.map);
            map.put("devices", devices.map);
        }

        public SimulationBuilder simulator(String simulator) {
            return set("simulator", simulator);
        }

        public SimulationBuilder duration(double ms) {
            return set("duration", ms);
        }

        public SimulationBuilder resolution(double ms) {
            return set("resolution", ms);
        }

        public SimulationBuilder temperature(double celsius) {
            return set("temperature", celsius);
        }

        public Named<CellModelBuilder> cellModels() {
            return cellModels;
        }

        public Named<ConnectionModelBuilder> connectionModels() {
            return connectionModels;
        }

        public Named<DeviceBuilder> devices() {
            return devices;
        }
    }

    public static final class CellModelBuilder extends Node<CellModelBuilder> {
        /** An import path ({@code data.Stellate.definitionStellate}) or an inline definition (a map). */
        public CellModelBuilder model(Object model) {
            return set("model", model);
        }

        public CellModelBuilder parameters(List<?> parameters) {
            return set("parameters", parameters);
        }

        public CellModelBuilder modelStrategy(String strategy) {
            return set("model_strategy", strategy);
        }
    }

    public static final class ConnectionModelBuilder extends Node<ConnectionModelBuilder> {
        /** Adds a synapse of the named type with a weight and a delay (ms). */
        public ConnectionModelBuilder synapse(String synapse, double weight, double delay) {
            @SuppressWarnings("unchecked")
            List<Object> synapses = (List<Object>) map.computeIfAbsent("synapses", k -> new ArrayList<>());
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("synapse", synapse);
            spec.put("weight", weight);
            spec.put("delay", delay);
            synapses.add(spec);
            return this;
        }
    }

    public static final class DeviceBuilder extends Node<DeviceBuilder> {
        public DeviceBuilder device(String device) {
            return set("device", device);
        }

        /** {@code targetting: {strategy: ..., <parameters>}}. */
        public DeviceBuilder targetting(String strategy, Consumer<? super ParametersBuilder> init) {
            ParametersBuilder b = new ParametersBuilder();
            b.set("strategy", strategy);
            return child("targetting", b, init);
        }

        /** {@code locations: {strategy: ..., <parameters>}}. */
        public DeviceBuilder locations(String strategy, Consumer<? super ParametersBuilder> init) {
            ParametersBuilder b = new ParametersBuilder();
            b.set("strategy", strategy);
            return child("locations", b, init);
        }
    }

    /** A node of free keys (a targetting's or location's parameters). */
    public static final class ParametersBuilder extends Node<ParametersBuilder> {}
}
