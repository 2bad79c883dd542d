package org.bsb.core.compile;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.bsb.api.Reporter;
import org.bsb.api.concurrent.ThreadPools;
import org.bsb.api.morphology.Morphology;
import org.bsb.api.storage.ConnectivityBlock;
import org.bsb.api.storage.NetworkData;
import org.bsb.api.storage.PlacementBlock;
import org.bsb.api.storage.StorageEngine;
import org.bsb.api.storage.StorageException;
import org.bsb.core.compile.CompileOptions.Mode;
import org.bsb.core.network.Blocks;
import org.bsb.core.network.Seeds;

/**
 * The compile pipeline: morphologies, placement, connectivity, then one atomic write of the
 * whole network through the storage engine (which never leaves a half-written file).
 */
public final class Compiler {
    /** Root attribute keys the pipeline stores. */
    public static final String SEED = "seed";

    public static final String NAME = "name";
    public static final String VERSION = "bsb_version";
    public static final String BSB_VERSION = "java-0.1.0";

    private final StorageEngine engine;
    private final String engineName;
    private final ConnectivityPhase connectivity;
    private final Reporter reporter;
    private ClusterCompile cluster;

    /**
     * Runs the placement and connectivity jobs on a cluster's members (this process is rank 0, the only writer); null
     * to run them here. A split compile makes a new network: {@code --append} and {@code --redo} are refused.
     */
    public Compiler cluster(ClusterCompile cluster) {
        this.cluster = cluster;
        return this;
    }

    /** @param connectivity null to skip connectivity (with a warning if the config has some) */
    public Compiler(StorageEngine engine, String engineName, ConnectivityPhase connectivity, Reporter reporter) {
        this.engine = engine;
        this.engineName = engineName;
        this.connectivity = connectivity;
        this.reporter = reporter;
    }

    /** What a compile produced. */
    public record Result(NetworkData network, long seed, Map<String, Double> phaseSeconds) {}

    public Result compile(CompilePlan plan, CompileOptions options) throws CompileException {
        long start = System.nanoTime();
        Map<String, Double> timings = new LinkedHashMap<>();
        boolean exists = Files.exists(options.output());
        if (exists && options.mode() == Mode.NEW) {
            throw new CompileException("The `" + engineName + "` storage at `" + options.output()
                    + "` already exists. Either move/delete it, or pass one of the `--clear`, `--append` or `--redo`"
                    + " arguments to overwrite it, add to it or redo parts of it.");
        }
        if (cluster != null && (options.mode() == Mode.APPEND || options.mode() == Mode.REDO)) {
            throw new CompileException("--cluster: a compile split over processes makes a new network;"
                    + " --append and --redo run in one process");
        }
        NetworkData previous = null;
        if (exists && options.mode() != Mode.CLEAR && options.mode() != Mode.NEW) {
            previous = read(options);
        }
        if (exists && options.mode() == Mode.CLEAR) {
            reporter.report(2, "Clearing data");
        }
        long seed =
                options.seed() != null ? options.seed() : plan.seed() != null ? plan.seed() : previousSeed(previous);
        reporter.report(2, "Network seed: " + seed);

        List<String> placementNames =
                plan.placement().stream().map(PlacementSpec::name).toList();
        List<String> connectivityNames = connectivity == null ? List.of() : connectivity.strategyNames(plan);
        reporter.report(
                2,
                "Compiling the following strategies: "
                        + String.join(
                                ", ",
                                concat(
                                        options.skipPlacement()
                                                ? List.of()
                                                : filter(placementNames, options.onlyPlacement()),
                                        options.skipConnectivity()
                                                ? List.of()
                                                : filter(connectivityNames, options.onlyConnectivity()))));

        long t = System.nanoTime();
        MorphologyRepository repo =
                previous == null ? new MorphologyRepository() : new MorphologyRepository(previous.morphologies());
        for (Morphology m : MorphologyRepository.load(plan.morphologies()).all()) {
            repo.put(m);
        }
        timings.put("morphologies", seconds(t));
        reporter.report(
                2,
                "Loaded " + plan.morphologies().size() + " morphologies in " + fmt(timings.get("morphologies")) + " s");

        Set<String> onlyPlacement = options.onlyPlacement();
        Set<String> onlyConnectivity = options.onlyConnectivity();
        RedoClosure redo = null;
        if (options.mode() == Mode.REDO && previous != null) {
            redo = redoClosure(plan, options, placementNames, connectivityNames);
            onlyPlacement = redo.placement();
            onlyConnectivity = redo.connectivity();
        }

        // a split compile's pool only waits on the members: as many jobs in flight as they can take
        ExecutorService pool = ThreadPools.fixed(
                "bsb-compile", cluster == null ? options.threads() : Math.max(options.threads(), 4 * cluster.size()));
        try {
            List<PlacementBlock> placement = previous == null ? List.of() : previous.placement();
            if (redo != null) {
                Set<String> wipe = redo.placementWipe();
                placement = placement.stream()
                        .filter(b -> !wipe.contains(b.cellType()))
                        .toList();
            }
            if (!options.skipPlacement()) {
                PlacementPhase phase = new PlacementPhase(plan, repo, seed, reporter)
                        .remote(cluster == null ? null : cluster.placement(seed));
                List<PlacementSpec> run = phase.selected(onlyPlacement);
                reporter.report(
                        2,
                        "Starting placement strategies: "
                                + String.join(
                                        ", ",
                                        run.stream().map(PlacementSpec::name).toList()));
                t = System.nanoTime();
                List<PlacementBlock> placed = phase.run(run, pool);
                timings.put("placement", seconds(t));
                reporter.report(
                        2, "Placement finished in " + fmt(timings.get("placement")) + " s: " + Blocks.counts(placed));
                List<PlacementBlock> combined = new ArrayList<>(placement);
                combined.addAll(placed);
                placement = Blocks.merge(combined);
                if (!plan.afterPlacement().isEmpty()) {
                    t = System.nanoTime();
                    placement = PlacementHooks.run(plan.afterPlacement(), placement, seed, reporter);
                    timings.put("after_placement", seconds(t));
                }
            }

            if (cluster != null && !options.skipConnectivity() && connectivity != null) {
                cluster.publishPlacement(placement);
            }
            List<ConnectivityBlock> connections = previous == null ? List.of() : previous.connectivity();
            if (redo != null) {
                connections =
                        cleared(connections, redo, connectivity == null ? List.of() : connectivity.describe(plan));
            }
            if (!options.skipConnectivity()) {
                if (connectivity == null) {
                    reporter.warn("no connectivity phase is installed: connectivity skipped");
                } else if (!connectivityNames.isEmpty()) {
                    Set<String> only = onlyConnectivity;
                    List<String> run = filter(connectivityNames, only);
                    reporter.report(2, "Starting connectivity strategies: " + String.join(", ", run));
                    t = System.nanoTime();
                    List<ConnectivityBlock> made = connectivity.run(new PlacedNetwork(
                            plan,
                            seed,
                            placement,
                            repo,
                            pool,
                            Math.max(1, options.threads()),
                            reporter,
                            only,
                            cluster));
                    timings.put("connectivity", seconds(t));
                    reporter.report(2, "Connectivity finished in " + fmt(timings.get("connectivity")) + " s");
                    List<ConnectivityBlock> combined = new ArrayList<>(connections);
                    combined.addAll(made);
                    connections = combined;
                }
                if (!plan.afterConnectivity().isEmpty()) {
                    t = System.nanoTime();
                    connections = ConnectivityHooks.run(plan.afterConnectivity(), placement, connections, reporter);
                    timings.put("after_connectivity", seconds(t));
                }
            }

            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put(SEED, Long.toString(seed));
            if (plan.name() != null) {
                attributes.put(NAME, plan.name());
            }
            attributes.put(VERSION, BSB_VERSION);
            NetworkData network = new NetworkData(
                    plan.configJson(),
                    plan.topology().network().chunkSize(),
                    repo.all(),
                    placement,
                    connections,
                    attributes);
            t = System.nanoTime();
            try {
                engine.write(options.output(), network);
            } catch (StorageException e) {
                throw new CompileException(e.getMessage(), e);
            }
            timings.put("storage", seconds(t));
            reporter.report(2, "Wrote " + options.output() + " in " + fmt(timings.get("storage")) + " s");
            timings.put("total", seconds(start));
            reporter.report(2, "Compiled in " + fmt(timings.get("total")) + " s");
            return new Result(network, seed, timings);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The redo closure of what the options ask for; reported at verbosity 2, checked unless forced. */
    private RedoClosure redoClosure(
            CompilePlan plan, CompileOptions options, List<String> placementNames, List<String> connectivityNames)
            throws CompileException {
        unknown("--only-placement", "placement", options.onlyPlacement(), placementNames);
        unknown("--only-connectivity", "connectivity", options.onlyConnectivity(), connectivityNames);
        List<String> requestedPlacement =
                options.skipPlacement() ? List.of() : filter(placementNames, options.onlyPlacement());
        List<String> requestedConnectivity =
                options.skipConnectivity() ? List.of() : filter(connectivityNames, options.onlyConnectivity());
        List<RedoClosure.Strategy> placement = plan.placement().stream()
                .map(p -> new RedoClosure.Strategy(p.name(), p.cellTypes(), p.dependsOn(), List.of()))
                .toList();
        RedoClosure redo = RedoClosure.of(
                placement,
                connectivity == null ? List.of() : connectivity.describe(plan),
                requestedPlacement,
                requestedConnectivity);
        List<String> lines = redo.reportLines();
        reporter.report(2, lines.get(0));
        reporter.report(2, lines.get(1));
        if (!options.force()) {
            redo.check(requestedPlacement, requestedConnectivity);
        }
        for (String line : lines.subList(2, lines.size())) {
            reporter.report(2, line);
        }
        return redo;
    }

    /** The phases check this too, but a redo must not silently drop a misspelt name from its closure. */
    private static void unknown(String option, String kind, Set<String> only, List<String> known)
            throws CompileException {
        if (only == null) {
            return;
        }
        for (String name : only) {
            if (!known.contains(name)) {
                throw new CompileException(
                        option + ": unknown " + kind + " strategy '" + name + "'; known: " + String.join(", ", known));
            }
        }
    }

    /**
     * The stored connections a redo keeps: none touching a wiped cell type (their cell ids are
     * about to change or their sets are recomputed) and none in a set a redone strategy writes.
     */
    static List<ConnectivityBlock> cleared(
            List<ConnectivityBlock> stored, RedoClosure redo, List<RedoClosure.Strategy> strategies) {
        Set<String> sets = new HashSet<>(redo.connectivity());
        for (RedoClosure.Strategy s : strategies) {
            if (redo.connectivity().contains(s.name())) {
                sets.addAll(s.sets());
            }
        }
        Set<String> wipe = redo.connectivityWipe();
        return stored.stream()
                .filter(c -> !wipe.contains(c.preType()) && !wipe.contains(c.postType()) && !sets.contains(c.set()))
                .toList();
    }

    private NetworkData read(CompileOptions options) throws CompileException {
        try {
            return engine.read(options.output());
        } catch (StorageException e) {
            throw new CompileException(e.getMessage(), e);
        }
    }

    private static long previousSeed(NetworkData previous) {
        if (previous != null && previous.attributes().containsKey(SEED)) {
            try {
                return Long.parseLong(previous.attributes().get(SEED));
            } catch (NumberFormatException ignored) {
                // fall through to a fresh seed
            }
        }
        return Seeds.draw();
    }

    private static List<String> filter(List<String> names, Set<String> only) {
        return only == null ? names : names.stream().filter(only::contains).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static String fmt(double s) {
        return String.format(java.util.Locale.ROOT, "%.3f", s);
    }
}
