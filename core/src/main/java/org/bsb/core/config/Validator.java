package org.bsb.core.config;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bsb.api.Parameterized;
import org.bsb.api.ProjectFile;
import org.bsb.api.UnknownServiceException;
import org.bsb.api.simulation.DeviceType;
import org.bsb.core.registry.NameSuggester;
import org.bsb.core.registry.Registry;
import org.bsb.core.registry.RegistryEntry;
import org.bsb.core.registry.ServiceKind;

/**
 * The checks that need the whole config: references between nodes (with "did you mean"),
 * requirements that depend on other keys, files named by the config, and the services it names
 * (each resolved through the registry and its parameters bound to the service's record).
 * Reports into the {@link Binder} that read the config, so positions are known; a problem at a
 * path that already has an error is not reported twice.
 */
final class Validator {
    private final Binder binder;
    private final Registry registry;
    private final Path baseDirectory;
    private final List<ServiceUse> services = new ArrayList<>();

    /**
     * @param registry null to skip service resolution
     * @param baseDirectory the config file's folder, or null to skip file checks
     */
    Validator(Binder binder, Registry registry, Path baseDirectory) {
        this.binder = binder;
        this.registry = registry;
        this.baseDirectory = baseDirectory;
    }

    List<ServiceUse> services() {
        return services;
    }

    void validate(Configuration c) {
        if (c.storage() != null && c.storage().engine() != null) {
            resolve(ServiceKind.STORAGE, c.storage().engine(), "storage.engine");
        }
        partitions(c);
        regions(c);
        Set<String> morphologyNames = morphologies(c);
        cellTypes(c, morphologyNames);
        placement(c);
        afterPlacement(c);
        connectivity(c);
        dependencyCycles(c);
        simulations(c);
    }

    private void partitions(Configuration c) {
        c.partitions().forEach((name, p) -> {
            String path = "partitions." + name;
            if (p.type() == PartitionType.LAYER && p.thickness() == null) {
                error(path + ".thickness", "nothing", "a number >= 0 (required for a layer)");
            }
        });
    }

    private void regions(Configuration c) {
        Set<String> targets = new LinkedHashSet<>(c.regions().keySet());
        targets.addAll(c.partitions().keySet());
        c.regions().forEach((name, r) -> {
            String path = "regions." + name;
            references(r.children(), path + ".children", targets, "partition or region");
            if (r.children().contains(name)) {
                error(path + ".children", "'" + name + "'", "children other than the region itself");
            }
            if (r.anchor() != null && !r.children().contains(r.anchor())) {
                error(path + ".anchor", "'" + r.anchor() + "'", "one of the region's children " + r.children());
            }
        });
        // A region nested in itself through other regions would lay out forever.
        for (String start : c.regions().keySet()) {
            if (reaches(c.regions(), start, start, new HashSet<>())) {
                error(
                        "regions." + start + ".children",
                        "a cycle through '" + start + "'",
                        "regions that do not contain themselves");
            }
        }
    }

    private static boolean reaches(Map<String, RegionNode> regions, String from, String target, Set<String> seen) {
        RegionNode r = regions.get(from);
        if (r == null || !seen.add(from)) {
            return false;
        }
        for (String child : r.children()) {
            if (child.equals(target) && !from.equals(target) || reaches(regions, child, target, seen)) {
                return true;
            }
        }
        return false;
    }

    private Set<String> morphologies(Configuration c) {
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < c.morphologies().size(); i++) {
            MorphologyNode m = c.morphologies().get(i);
            String path = "morphologies[" + i + "]";
            if (m.name() != null && !names.add(m.name())) {
                error(path + ".name", "'" + m.name() + "'", "a name no other morphology has");
            }
            if (m.file() != null && baseDirectory != null) {
                Path file = baseDirectory.resolve(m.file());
                if (Files.isDirectory(file)) {
                    error(path + ".file", "'" + m.file() + "'", "a morphology file (" + file + " is a directory)");
                } else if (!Files.isRegularFile(file)) {
                    error(
                            path + ".file",
                            "'" + m.file() + "'",
                            "an existing file (not found in " + baseDirectory + ")");
                }
            }
            ParserNode parser = m.parser();
            if (parser.parser() != null) {
                serviceWithParameters(
                        ServiceKind.MORPHOLOGY_PARSER,
                        parser.parser(),
                        path + ".parser.parser",
                        parser.parameters(),
                        path + ".parser",
                        null);
            }
        }
        return names;
    }

    private void cellTypes(Configuration c, Set<String> morphologyNames) {
        c.cellTypes().forEach((name, ct) -> {
            String path = "cell_types." + name;
            if (ct.spatial() == null) {
                if (!ct.entity()) {
                    error(
                            path + ".spatial",
                            "nothing",
                            "a mapping of placement indications (required unless entity: true)");
                }
                return;
            }
            indications(c, ct.spatial(), path + ".spatial", morphologyNames);
        });
    }

    private void indications(Configuration c, PlacementIndications s, String path, Set<String> morphologyNames) {
        if (s.relativeTo() != null) {
            reference(s.relativeTo(), path + ".relative_to", c.cellTypes().keySet(), "cell type");
        }
        for (int i = 0; i < s.morphologies().size(); i++) {
            MorphologySelector sel = s.morphologies().get(i);
            String selPath = path + ".morphologies[" + i + "]";
            if ("by_name".equals(sel.select())) {
                if (sel.names().isEmpty()) {
                    error(selPath + ".names", "nothing", "a list of morphology names (required by select: by_name)");
                }
                for (int j = 0; j < sel.names().size(); j++) {
                    String n = sel.names().get(j);
                    if (!n.contains("*")) {
                        reference(n, selPath + ".names[" + j + "]", morphologyNames, "morphology");
                    }
                }
            } else if (!"from_neuromorpho".equals(sel.select())) {
                error(selPath + ".select", "'" + sel.select() + "'", "one of by_name, from_neuromorpho");
            }
        }
    }

    private void placement(Configuration c) {
        c.placement().forEach((name, p) -> {
            String path = "placement." + name;
            if (p.strategy() != null) {
                serviceWithParameters(
                        ServiceKind.PLACEMENT, p.strategy(), path + ".strategy", p.parameters(), path, null);
            }
            references(p.partitions(), path + ".partitions", c.partitions().keySet(), "partition");
            references(p.cellTypes(), path + ".cell_types", c.cellTypes().keySet(), "cell type");
            references(p.dependsOn(), path + ".depends_on", c.placement().keySet(), "placement strategy");
            List<Distribution.Problem> problems = new ArrayList<>();
            Distribution.of(p.distribute(), path + ".distribute", problems);
            problems.forEach(d -> error(d.path(), d.found(), d.expected()));
            p.overrides().forEach((type, o) -> {
                String oPath = path + ".overrides." + type;
                reference(type, oPath, p.cellTypes(), "cell type of this strategy");
                Set<String> morphologyNames = new HashSet<>();
                c.morphologies().forEach(m -> morphologyNames.add(m.name()));
                indications(c, o, oPath, morphologyNames);
            });
        });
    }

    private void afterPlacement(Configuration c) {
        hooks("after_placement", c.afterPlacement(), ServiceKind.AFTER_PLACEMENT);
        hooks("after_connectivity", c.afterConnectivity(), ServiceKind.AFTER_CONNECTIVITY);
    }

    private void hooks(String key, Map<String, HookNode> hooks, ServiceKind kind) {
        hooks.forEach((name, h) -> {
            String path = key + "." + name;
            if (h.strategy() != null) {
                serviceWithParameters(kind, h.strategy(), path + ".strategy", h.parameters(), path, null);
            }
        });
    }

    private void connectivity(Configuration c) {
        c.connectivity().forEach((name, s) -> {
            String path = "connectivity." + name;
            if (s.strategy() != null) {
                serviceWithParameters(
                        ServiceKind.CONNECTIVITY, s.strategy(), path + ".strategy", s.parameters(), path, null);
            }
            if (s.presynaptic() != null) {
                references(
                        s.presynaptic().cellTypes(),
                        path + ".presynaptic.cell_types",
                        c.cellTypes().keySet(),
                        "cell type");
            }
            if (s.postsynaptic() != null) {
                references(
                        s.postsynaptic().cellTypes(),
                        path + ".postsynaptic.cell_types",
                        c.cellTypes().keySet(),
                        "cell type");
            }
            references(s.dependsOn(), path + ".depends_on", c.connectivity().keySet(), "connectivity strategy");
        });
    }

    /** A {@code depends_on} cycle would leave its strategies waiting on each other forever. */
    private void dependencyCycles(Configuration c) {
        Map<String, List<String>> placement = new LinkedHashMap<>();
        c.placement().forEach((name, p) -> placement.put(name, p.dependsOn()));
        cycle("placement", placement);
        Map<String, List<String>> connectivity = new LinkedHashMap<>();
        c.connectivity().forEach((name, s) -> connectivity.put(name, s.dependsOn()));
        cycle("connectivity", connectivity);
    }

    private void cycle(String section, Map<String, List<String>> dependsOn) {
        List<String> cycle = DependencyOrder.cycle(dependsOn);
        if (cycle != null) {
            error(
                    section + "." + cycle.get(0) + ".depends_on",
                    "the cycle " + String.join(" -> ", cycle),
                    section + " strategies that do not depend on themselves");
        }
    }

    private void simulations(Configuration c) {
        Set<String> sets = new LinkedHashSet<>();
        c.connectivity().forEach((name, s) -> {
            if (s.presynaptic() != null && s.postsynaptic() != null) {
                sets.addAll(s.setNames(name));
            }
        });
        c.simulations().forEach((name, sim) -> {
            String path = "simulations." + name;
            if (sim.simulator() != null) {
                serviceWithParameters(
                        ServiceKind.SIMULATOR, sim.simulator(), path + ".simulator", sim.parameters(), path, null);
            }
            sim.cellModels().forEach((type, model) -> {
                String mPath = path + ".cell_models." + type;
                reference(
                        type,
                        mPath,
                        c.cellTypes().keySet(),
                        "cell type (a cell model is named after the cell type it models)");
                if (model.model() == null && !"shim".equals(model.modelStrategy())) {
                    error(mPath + ".model", "nothing", "a model definition (required unless model_strategy: shim)");
                }
                if (model.model() instanceof String dotted) {
                    modelFile(dotted, mPath + ".model");
                }
                // No service reads a cell model's other keys (yet): they are most likely typos.
                List<String> known = List.of("model_strategy", "model", "parameters");
                model.extra().values().keySet().forEach(k -> {
                    String suggestion = NameSuggester.closest(k, known);
                    binder.unknown(
                            mPath + "." + k,
                            k,
                            suggestion != null
                                    ? "a known key (did you mean '" + suggestion + "'?)"
                                    : "one of the keys " + String.join(", ", known));
                });
            });
            sim.connectionModels()
                    .forEach((set, model) -> reference(
                            set,
                            path + ".connection_models." + set,
                            sets,
                            "connectivity set (a connection model is named after the set it models)"));
            sim.devices().forEach((dname, d) -> device(sim, d, path + ".devices." + dname));
        });
    }

    private void device(SimulationNode sim, DeviceNode d, String path) {
        if (d.device() != null) {
            serviceWithParameters(
                    ServiceKind.DEVICE, d.device(), path + ".device", d.parameters(), path, sim.simulator());
        }
        if (d.targetting() != null) {
            TargettingNode t = d.targetting();
            String tPath = path + ".targetting";
            serviceWithParameters(
                    ServiceKind.CELL_TARGETTING, t.strategy(), tPath + ".strategy", t.parameters(), tPath, null);
            // Targetting strategies name cell models in these two keys, whatever their record.
            if (t.parameters().get("cell_models") instanceof List<?> models) {
                for (int i = 0; i < models.size(); i++) {
                    reference(
                            String.valueOf(models.get(i)),
                            tPath + ".cell_models[" + i + "]",
                            sim.cellModels().keySet(),
                            "cell model of this simulation");
                }
            }
            if (t.parameters().get("ids") instanceof Map<?, ?> ids) {
                for (Object model : ids.keySet()) {
                    reference(
                            String.valueOf(model),
                            tPath + ".ids." + model,
                            sim.cellModels().keySet(),
                            "cell model of this simulation");
                }
            }
        }
        if (d.locations() != null) {
            LocationsNode l = d.locations();
            serviceWithParameters(
                    ServiceKind.LOCATION_TARGETTING,
                    l.strategy(),
                    path + ".locations.strategy",
                    l.parameters(),
                    path + ".locations",
                    null);
        }
    }

    /** {@code data.Stellate.definitionStellate} is looked for as {@code data/Stellate.py}. */
    private void modelFile(String dotted, String path) {
        int last = dotted.lastIndexOf('.');
        if (baseDirectory == null || last <= 0) {
            return;
        }
        String module = dotted.substring(0, last).replace('.', '/');
        if (!Files.isRegularFile(baseDirectory.resolve(module + ".py"))
                && !Files.isRegularFile(baseDirectory.resolve(module + ".json"))
                && !Files.isRegularFile(baseDirectory.resolve(module + ".yaml"))) {
            binder.warning(
                    path,
                    "'" + dotted + "'",
                    "a model definition in " + module + ".py (or .json/.yaml) under " + baseDirectory + " (not found)");
        }
    }

    // ---------------------------------------------------------------------------------------

    /**
     * Resolves a service and binds the node's remaining keys to its parameter record. Devices
     * are looked up among those of {@code simulator} when several share a name.
     */
    private void serviceWithParameters(
            ServiceKind kind, String name, String namePath, Parameters parameters, String nodePath, String simulator) {
        RegistryEntry entry = resolve(kind, name, namePath, simulator);
        if (entry == null) {
            return;
        }
        if (entry.service() instanceof Parameterized<?> p) {
            Class<? extends Record> type = p.parameterType();
            if (type != null) {
                int before = binder.problems().size();
                Record bound = binder.bindParameters(parameters.node(), type, nodePath, parameters.coreKeys());
                boolean clean = binder
                        .problems()
                        .subList(before, binder.problems().size())
                        .stream()
                        .noneMatch(ConfigError::isError);
                services.set(services.size() - 1, new ServiceUse(kind, name, namePath, entry, clean ? bound : null));
                if (clean && bound != null) {
                    projectFiles(bound, nodePath);
                }
            }
        } else {
            parameters
                    .values()
                    .keySet()
                    .forEach(k -> binder.unknown(
                            nodePath + "." + k,
                            k,
                            "no further keys (" + kind.label() + " '" + name + "' takes no parameters)"));
        }
    }

    /** The files a service's parameters name ({@link ProjectFile}) exist and are what it reads. */
    private void projectFiles(Record parameters, String nodePath) {
        if (baseDirectory == null) {
            return;
        }
        for (RecordComponent c : parameters.getClass().getRecordComponents()) {
            ProjectFile kind = c.getAnnotation(ProjectFile.class);
            if (kind == null) {
                continue;
            }
            Object value;
            try {
                java.lang.reflect.Method accessor = c.getAccessor();
                accessor.setAccessible(true);
                value = accessor.invoke(parameters);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            String path = Names.child(nodePath, Names.snake(c.getName()));
            if (value instanceof String name) {
                projectFile(name, path, kind);
            } else if (value instanceof List<?> names) {
                for (int i = 0; i < names.size(); i++) {
                    if (names.get(i) instanceof String name) {
                        projectFile(name, Names.index(path, i), kind);
                    }
                }
            }
        }
    }

    private void projectFile(String name, String path, ProjectFile kind) {
        List<String> endings = List.of(kind.extensions());
        String files = endings.isEmpty() ? "file" : String.join(" or ", endings) + " file";
        String expected = "a " + files + (kind.folders() ? " or a folder of " + files + "s" : "") + " (relative to "
                + baseDirectory + ")";
        Path p;
        try {
            p = baseDirectory.resolve(name).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            error(path, "'" + name + "' (not a file name)", expected);
            return;
        }
        java.util.function.Predicate<Path> matches = f -> Files.isRegularFile(f)
                && (endings.isEmpty()
                        || endings.stream()
                                .anyMatch(x -> f.getFileName().toString().endsWith(x)));
        if (Files.isDirectory(p)) {
            if (!kind.folders()) {
                error(path, "'" + name + "' (a folder)", expected);
                return;
            }
            try (java.util.stream.Stream<Path> listed = Files.list(p)) {
                if (listed.noneMatch(matches)) {
                    error(path, "'" + name + "' (a folder without any " + files + ")", expected);
                }
            } catch (java.io.IOException | RuntimeException e) {
                error(path, "'" + name + "' (a folder that cannot be read)", expected);
            }
        } else if (!Files.exists(p)) {
            error(path, "'" + name + "' (not found)", expected);
        } else if (!matches.test(p)) {
            error(
                    path,
                    "'" + name + "' (" + (Files.isRegularFile(p) ? "not a " + files : "not a file") + ")",
                    expected);
        }
    }

    private RegistryEntry resolve(ServiceKind kind, String name, String path) {
        return resolve(kind, name, path, null);
    }

    private RegistryEntry resolve(ServiceKind kind, String name, String path, String simulator) {
        if (registry == null) {
            return null;
        }
        try {
            RegistryEntry entry = registry.entry(kind, name);
            if (simulator != null
                    && entry.service() instanceof DeviceType<?> device
                    && !simulator.equals(device.simulator())) {
                for (RegistryEntry other : registry.entries(kind)) {
                    if (other.answersTo(name)
                            && other.service() instanceof DeviceType<?> d
                            && simulator.equals(d.simulator())) {
                        entry = other;
                        break;
                    }
                }
            }
            services.add(new ServiceUse(kind, name, path, entry, null));
            return entry;
        } catch (UnknownServiceException e) {
            services.add(new ServiceUse(kind, name, path, null, null));
            String expected = "an installed " + kind.label()
                    + (e.suggestion() != null
                            ? " (did you mean '" + e.suggestion() + "'?)"
                            : e.known().isEmpty()
                                    ? " (none is installed)"
                                    : " (installed: " + String.join(", ", e.known()) + ")");
            error(path, "'" + name + "'", expected);
            return null;
        }
    }

    private void references(List<String> names, String path, Collection<String> known, String what) {
        for (int i = 0; i < names.size(); i++) {
            reference(names.get(i), path + "[" + i + "]", known, what);
        }
    }

    private void reference(String name, String path, Collection<String> known, String what) {
        if (name == null || known.contains(name)) {
            return;
        }
        String suggestion = NameSuggester.closest(name, known);
        String expected = "the name of a " + what
                + (suggestion != null
                        ? " (did you mean '" + suggestion + "'?)"
                        : known.isEmpty() ? " (there are none)" : ": " + String.join(", ", known));
        error(path, "'" + name + "'", expected);
    }

    private void error(String path, String found, String expected) {
        for (ConfigError e : binder.problems()) {
            if (e.isError()
                    && (e.path().equals(path) || path.startsWith(e.path() + ".") || path.startsWith(e.path() + "["))) {
                return;
            }
        }
        binder.error(path, found, expected);
    }
}
