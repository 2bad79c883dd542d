package org.bsb.core.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bsb.api.UnknownServiceException;
import org.bsb.api.connectivity.ConnectionStrategy;
import org.bsb.api.connectivity.ConnectivityException;
import org.bsb.api.storage.ConnectivityBlock;
import org.bsb.core.config.ConfigException;
import org.bsb.core.config.Configuration;
import org.bsb.core.config.ConnectivityNode;
import org.bsb.core.config.DependencyOrder;
import org.bsb.core.connectivity.ConnectivityRunner;
import org.bsb.core.connectivity.ConnectivityTask;
import org.bsb.core.connectivity.Hemitype;
import org.bsb.core.network.PlacedCells;
import org.bsb.core.registry.Registry;
import org.bsb.core.registry.ServiceKind;

/**
 * The connectivity phase for plans built from a config: each {@code connectivity.<name>} node
 * becomes a task of the connectivity framework ({@link ConnectivityRunner}), run in
 * {@code depends_on} order (ties by name, as the original).
 */
public final class ConfigConnectivityPhase implements ConnectivityPhase {
    private final Registry registry;

    public ConfigConnectivityPhase(Registry registry) {
        this.registry = registry;
    }

    private static Map<String, ConnectivityNode> nodes(CompilePlan plan) {
        if (plan.config() instanceof Configuration c) {
            return c.connectivity();
        }
        return Map.of();
    }

    @Override
    public List<String> strategyNames(CompilePlan plan) throws CompileException {
        return order(nodes(plan));
    }

    @Override
    public List<RedoClosure.Strategy> describe(CompilePlan plan) {
        List<RedoClosure.Strategy> out = new ArrayList<>();
        nodes(plan).forEach((name, node) -> {
            List<String> types = new ArrayList<>(node.presynaptic().cellTypes());
            types.addAll(node.postsynaptic().cellTypes());
            out.add(new RedoClosure.Strategy(name, types, node.dependsOn(), node.setNames(name)));
        });
        return out;
    }

    @Override
    public List<ConnectivityBlock> run(PlacedNetwork network) throws CompileException {
        Map<String, ConnectivityNode> nodes = nodes(network.plan());
        if (network.only() != null) {
            for (String name : network.only()) {
                if (!nodes.containsKey(name)) {
                    throw new CompileException("--only-connectivity: unknown connectivity strategy '" + name
                            + "'; known: " + String.join(", ", nodes.keySet()));
                }
            }
        }
        List<ConnectivityTask> tasks = tasks(network.plan(), network.only());
        PlacedCells cells = new PlacedCells(
                network.plan().topology().network().chunkSize(),
                network.placement(),
                network.morphologies().all());
        ConnectivityRunner runner =
                new ConnectivityRunner(cells, network.seed(), network.threads(), network.reporter());
        if (network.cluster() != null) {
            Map<String, String> services = new LinkedHashMap<>();
            nodes.forEach((name, node) -> services.put(name, node.strategy()));
            runner.remote(network.cluster().connectivity(network.seed(), services));
            // the jobs wait on the members: as many in flight as the cluster can take
            int inFlight = Math.max(network.threads(), 4 * network.cluster().size());
            java.util.concurrent.ExecutorService pool =
                    org.bsb.api.concurrent.ThreadPools.fixed("bsb-compile-dispatch", inFlight);
            try {
                return runner.run(tasks, pool);
            } catch (ConnectivityException e) {
                throw new CompileException(e.getMessage(), e);
            } finally {
                pool.shutdownNow();
            }
        }
        try {
            return runner.run(tasks);
        } catch (ConnectivityException e) {
            throw new CompileException(e.getMessage(), e);
        }
    }

    /**
     * The plan's connectivity tasks in {@code depends_on} order (only those in {@code only}, null for all), each
     * strategy resolved through the registry; every unknown strategy and bad parameter reported at once.
     */
    public List<ConnectivityTask> tasks(CompilePlan plan, java.util.Set<String> only) throws CompileException {
        Map<String, ConnectivityNode> nodes = nodes(plan);
        List<ConnectivityTask> tasks = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String name : order(nodes)) {
            if (only != null && !only.contains(name)) {
                continue;
            }
            ConnectivityNode node = nodes.get(name);
            String path = "connectivity." + name;
            try {
                ConnectionStrategy<?> strategy =
                        registry.resolve(ServiceKind.CONNECTIVITY, node.strategy(), ConnectionStrategy.class);
                Record parameters = node.parameters().bind(strategy.parameterType(), path);
                tasks.add(new ConnectivityTask(
                        name,
                        strategy,
                        parameters,
                        hemitype(node.presynaptic()),
                        hemitype(node.postsynaptic()),
                        node.outputNaming()));
            } catch (UnknownServiceException e) {
                errors.add(path + ".strategy: " + e.getMessage());
            } catch (ConfigException e) {
                errors.add(e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new CompileException(String.join("\n", errors));
        }
        return tasks;
    }

    /** Names sorted by name, each after what it depends on. */
    static List<String> order(Map<String, ConnectivityNode> nodes) throws CompileException {
        Map<String, List<String>> deps = new LinkedHashMap<>();
        nodes.forEach((name, node) -> deps.put(name, node.dependsOn()));
        try {
            return DependencyOrder.sort(deps);
        } catch (DependencyOrder.CycleException e) {
            throw new CompileException("connectivity." + e.cycle().get(0) + ".depends_on: " + e.getMessage());
        }
    }

    private static Hemitype hemitype(org.bsb.core.config.Hemitype node) {
        return new Hemitype(
                node.cellTypes(),
                node.labels() == null ? List.of() : node.labels(),
                node.morphologyLabels() == null ? List.of() : node.morphologyLabels());
    }
}
