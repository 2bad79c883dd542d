package org.bsb.core.compile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bsb.api.UnknownServiceException;
import org.bsb.api.connectivity.AfterConnectivityHook;
import org.bsb.api.geometry.Point3;
import org.bsb.api.morphology.MorphologyParser;
import org.bsb.api.morphology.TagParameters;
import org.bsb.api.placement.AfterPlacementHook;
import org.bsb.api.placement.PlacementStrategy;
import org.bsb.core.config.CellTypeNode;
import org.bsb.core.config.ConfigException;
import org.bsb.core.config.ConfigWriter;
import org.bsb.core.config.Configuration;
import org.bsb.core.config.Distribution;
import org.bsb.core.config.LoadedConfig;
import org.bsb.core.config.MorphologyNode;
import org.bsb.core.config.MorphologySelector;
import org.bsb.core.config.PartitionNode;
import org.bsb.core.config.PlacementIndications;
import org.bsb.core.config.PlacementNode;
import org.bsb.core.config.RegionNode;
import org.bsb.core.registry.Registry;
import org.bsb.core.registry.ServiceKind;
import org.bsb.core.topology.Layer;
import org.bsb.core.topology.NetworkBox;
import org.bsb.core.topology.Partition;
import org.bsb.core.topology.RegionGroup;
import org.bsb.core.topology.Rhomboid;
import org.bsb.core.topology.Stack;
import org.bsb.core.topology.Topology;
import org.bsb.core.topology.TopologyNode;

/** Turns a loaded config into a {@link CompilePlan}: topology, cell types, strategies, morphology files. */
public final class PlanBuilder {
    private final LoadedConfig loaded;
    private final Configuration config;
    private final Registry registry;
    private final List<String> errors = new ArrayList<>();

    private PlanBuilder(LoadedConfig loaded, Registry registry) {
        this.loaded = loaded;
        this.config = loaded.config();
        this.registry = registry;
    }

    /** @throws CompileException listing every problem found */
    public static CompilePlan build(LoadedConfig loaded, Registry registry) throws CompileException {
        return new PlanBuilder(loaded, registry).build();
    }

    private CompilePlan build() throws CompileException {
        Topology topology = topology();
        Map<String, CellTypeSpec> cellTypes = new LinkedHashMap<>();
        config.cellTypes().forEach((name, node) -> {
            CellTypeSpec spec = cellType(name, node);
            if (spec != null) {
                cellTypes.put(name, spec);
            }
        });
        List<PlacementSpec> placement = new ArrayList<>();
        config.placement().forEach((name, node) -> {
            PlacementSpec spec = placement(name, node);
            if (spec != null) {
                placement.add(spec);
            }
        });
        List<MorphologySpec> morphologies = new ArrayList<>();
        for (int i = 0; i < config.morphologies().size(); i++) {
            MorphologySpec spec = morphology(i, config.morphologies().get(i));
            if (spec != null) {
                morphologies.add(spec);
            }
        }
        List<HookSpec> hooks = hooks(
                "after_placement", config.afterPlacement(), ServiceKind.AFTER_PLACEMENT, AfterPlacementHook.class);
        List<HookSpec> connectivityHooks = hooks(
                "after_connectivity",
                config.afterConnectivity(),
                ServiceKind.AFTER_CONNECTIVITY,
                AfterConnectivityHook.class);
        if (!errors.isEmpty()) {
            throw new CompileException(String.join("\n", errors));
        }
        return new CompilePlan(
                config.name(),
                ConfigWriter.toJson(config),
                null,
                topology,
                cellTypes,
                placement,
                morphologies,
                config,
                hooks,
                connectivityHooks);
    }

    private List<HookSpec> hooks(
            String key, Map<String, org.bsb.core.config.HookNode> nodes, ServiceKind kind, Class<?> type) {
        List<HookSpec> out = new ArrayList<>();
        nodes.forEach((name, node) -> {
            String path = key + "." + name;
            org.bsb.api.Parameterized<?> hook;
            try {
                hook = (org.bsb.api.Parameterized<?>) registry.resolve(kind, node.strategy(), type);
            } catch (UnknownServiceException e) {
                errors.add(path + ".strategy: " + e.getMessage());
                return;
            }
            try {
                out.add(new HookSpec(
                        name, node.strategy(), hook, node.parameters().bind(hook.parameterType(), path)));
            } catch (ConfigException e) {
                errors.add(e.getMessage());
            }
        });
        return out;
    }

    // ------------------------------------------------------------------ topology

    private Topology topology() {
        var net = config.network();
        NetworkBox box = new NetworkBox(net.origin(), new Point3(net.x(), net.y(), net.z()), net.chunkSize());
        Map<String, Partition> partitions = new LinkedHashMap<>();
        config.partitions().forEach((name, node) -> partitions.put(name, partition(name, node)));
        Map<String, RegionGroup> regions = new LinkedHashMap<>();
        for (String name : config.regions().keySet()) {
            region(name, partitions, regions, new HashSet<>());
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return Topology.build(box, partitions.values(), regions.values());
    }

    private Partition partition(String name, PartitionNode node) {
        return switch (node.type()) {
            case LAYER -> {
                if (node.thickness() == null) {
                    errors.add("partitions." + name + ": Missing required attribute 'thickness' (a layer's thickness"
                            + " in µm)");
                    yield new Layer(name, 0);
                }
                yield new Layer(name, node.thickness(), node.axis().index(), node.origin());
            }
            case RHOMBOID -> new Rhomboid(name, node.dimensions(), node.origin());
        };
    }

    private RegionGroup region(
            String name, Map<String, Partition> partitions, Map<String, RegionGroup> regions, Set<String> visiting) {
        if (regions.containsKey(name)) {
            return regions.get(name);
        }
        if (!visiting.add(name)) {
            errors.add("regions." + name + ".children: the region contains itself");
            return null;
        }
        RegionNode node = config.regions().get(name);
        List<TopologyNode> children = new ArrayList<>();
        for (String child : node.children()) {
            if (partitions.containsKey(child)) {
                children.add(partitions.get(child));
            } else if (config.regions().containsKey(child)) {
                RegionGroup r = region(child, partitions, regions, visiting);
                if (r != null) {
                    children.add(r);
                }
            } else {
                errors.add("regions." + name + ".children: Reference '" + child + "' does not exist in partitions or"
                        + " regions");
            }
        }
        TopologyNode anchor = null;
        if (node.anchor() != null) {
            anchor = partitions.containsKey(node.anchor()) ? partitions.get(node.anchor()) : regions.get(node.anchor());
        }
        RegionGroup region = switch (node.type()) {
            case GROUP -> new RegionGroup(name, children);
            case STACK -> new Stack(name, children, node.axis().index(), anchor);
        };
        regions.put(name, region);
        return region;
    }

    // ------------------------------------------------------------------ cell types and strategies

    private CellTypeSpec cellType(String name, CellTypeNode node) {
        if (node.spatial() == null) {
            return new CellTypeSpec(name, null, null, null, null, null);
        }
        return spec(name, node.spatial(), "cell_types." + name + ".spatial");
    }

    private CellTypeSpec spec(String name, PlacementIndications s, String path) {
        if (s.densityKey() != null) {
            errors.add(path + ".density_key: per-voxel densities need NRRD/Allen partitions, which are not supported;"
                    + " give count, density, planar_density or relative_to with a ratio");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < s.morphologies().size(); i++) {
            MorphologySelector sel = s.morphologies().get(i);
            if (!"by_name".equals(sel.select())) {
                errors.add(path + ".morphologies[" + i + "].select: '" + sel.select() + "' is not supported yet; use"
                        + " by_name");
            }
            names.addAll(sel.names());
        }
        return new CellTypeSpec(
                name,
                s.radius(),
                s.density(),
                s.planarDensity(),
                s.count() == null ? null : s.count().doubleValue(),
                names,
                s.relativeTo(),
                s.countRatio(),
                s.localCountRatio(),
                s.densityRatio());
    }

    private PlacementSpec placement(String name, PlacementNode node) {
        String path = "placement." + name;
        PlacementStrategy<?> strategy;
        try {
            strategy = registry.resolve(ServiceKind.PLACEMENT, node.strategy(), PlacementStrategy.class);
        } catch (UnknownServiceException e) {
            errors.add(path + ".strategy: " + e.getMessage());
            return null;
        }
        Record parameters;
        try {
            parameters = node.parameters().bind(strategy.parameterType(), path);
        } catch (ConfigException e) {
            errors.add(e.getMessage());
            return null;
        }
        Map<String, CellTypeSpec> overrides = new LinkedHashMap<>();
        node.overrides().forEach((ct, o) -> {
            CellTypeNode base = config.cellTypes().get(ct);
            PlacementIndications merged =
                    base == null || base.spatial() == null ? o : base.spatial().overriddenBy(o);
            overrides.put(ct, spec(ct, merged, path + ".overrides." + ct));
        });
        for (String d : node.dependsOn()) {
            if (!config.placement().containsKey(d)) {
                errors.add(path + ".depends_on: Reference '" + d + "' does not exist in placement");
            }
        }
        List<Distribution.Problem> problems = new ArrayList<>();
        Distribution distribution = Distribution.of(node.distribute(), path + ".distribute", problems);
        problems.forEach(p -> errors.add(p.path() + ": found " + p.found() + ", expected " + p.expected()));
        return new PlacementSpec(
                name,
                node.strategy(),
                strategy,
                parameters,
                node.cellTypes(),
                node.partitions(),
                overrides,
                node.dependsOn(),
                distribution);
    }

    private MorphologySpec morphology(int i, MorphologyNode node) {
        String path = "morphologies[" + i + "]";
        Path file = loaded.resolve(node.file());
        MorphologyParser<?> parser;
        try {
            parser = registry.resolve(
                    ServiceKind.MORPHOLOGY_PARSER, node.parser().parser(), MorphologyParser.class);
        } catch (UnknownServiceException e) {
            errors.add(path + ".parser.parser: " + e.getMessage());
            return null;
        }
        Record parameters;
        if (parser.parameterType() == TagParameters.class) {
            Map<String, List<String>> tags = new LinkedHashMap<>();
            node.parser().tags().forEach((k, v) -> tags.put(Integer.toString(k), v));
            Object skip = node.parser().parameters().get("skip_boundary_labels");
            List<String> skipLabels = null;
            if (skip instanceof List<?> l) {
                skipLabels = l.stream().map(String::valueOf).toList();
            }
            parameters = new TagParameters(tags, skipLabels);
        } else {
            try {
                parameters = node.parser().parameters().bind(parser.parameterType(), path + ".parser");
            } catch (ConfigException e) {
                errors.add(e.getMessage());
                return null;
            }
        }
        return new MorphologySpec(
                path, file, node.name() != null ? node.name() : MorphologySpec.stem(file), parser, parameters);
    }
}
