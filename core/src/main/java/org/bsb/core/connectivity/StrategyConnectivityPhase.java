package org.bsb.core.connectivity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bsb.api.ServiceKind;
import org.bsb.api.UnknownServiceException;
import org.bsb.api.connectivity.ConnectionStrategy;
import org.bsb.api.connectivity.ConnectivityException;
import org.bsb.api.storage.ConnectivityBlock;
import org.bsb.core.compile.CompileException;
import org.bsb.core.compile.CompilePlan;
import org.bsb.core.compile.ConnectivityPhase;
import org.bsb.core.compile.PlacedNetwork;
import org.bsb.core.config.ConfigError;
import org.bsb.core.config.ConfigException;
import org.bsb.core.config.Configuration;
import org.bsb.core.config.ConnectivityNode;
import org.bsb.core.registry.Registry;
import org.bsb.core.registry.ServiceLoaderRegistry;

/**
 * The compile pipeline's connectivity phase: resolves the config's {@code connectivity} nodes
 * to strategy services, binds their parameters and runs them (dependencies first, then in
 * config order) with {@link ConnectivityRunner} on the pipeline's pool.
 */
public final class StrategyConnectivityPhase implements ConnectivityPhase {
    private Registry registry;

    /** Finds strategies through {@code ServiceLoader} (outside OSGi). */
    public StrategyConnectivityPhase() {
        this(null);
    }

    public StrategyConnectivityPhase(Registry registry) {
        this.registry = registry;
    }

    private synchronized Registry registry() {
        if (registry == null) {
            registry = ServiceLoaderRegistry.load(getClass().getClassLoader());
        }
        return registry;
    }

    @Override
    public List<String> strategyNames(CompilePlan plan) {
        List<String> out = new ArrayList<>();
        if (plan.config() instanceof Configuration c) {
            c.connectivity().forEach((name, node) -> out.addAll(node.setNames(name)));
        }
        return out;
    }

    @Override
    public List<ConnectivityBlock> run(PlacedNetwork network) throws CompileException {
        if (!(network.plan().config() instanceof Configuration config)) {
            return List.of();
        }
        List<ConnectivityTask> tasks = new ArrayList<>();
        for (String name : ordered(config.connectivity())) {
            ConnectivityNode node = config.connectivity().get(name);
            if (network.only() != null && !network.only().contains(name)
                    && node.setNames(name).stream().noneMatch(network.only()::contains)) {
                continue;
            }
            tasks.add(task(name, node, network));
        }
        PlacedCells cells = new PlacedCells(network.plan().topology().network().chunkSize(), network.placement(),
                network.morphologies().all());
        try {
            return new ConnectivityRunner(cells, network.seed(), 1, network.reporter()).run(tasks, network.pool());
        } catch (ConnectivityException e) {
            throw new CompileException(e.getMessage(), e);
        }
    }

    private ConnectivityTask task(String name, ConnectivityNode node, PlacedNetwork network) throws CompileException {
        String path = "connectivity." + name;
        ConnectionStrategy<?> strategy;
        try {
            strategy = (ConnectionStrategy<?>) registry().resolve(ServiceKind.CONNECTIVITY, node.strategy());
        } catch (UnknownServiceException e) {
            throw new CompileException(path + ".strategy: " + e.getMessage(), e);
        }
        Record parameters;
        try {
            parameters = node.parameters().bind(strategy.parameterType(), path);
        } catch (ConfigException e) {
            throw new CompileException(String.join("\n", e.onlyErrors().stream().map(ConfigError::message).toList()), e);
        }
        for (String side : List.of("presynaptic", "postsynaptic")) {
            var h = side.equals("presynaptic") ? node.presynaptic() : node.postsynaptic();
            for (String t : h.cellTypes()) {
                if (network.plan().cellTypes().get(t) == null) {
                    throw new CompileException(path + "." + side + ".cell_types: unknown cell type '" + t + "'");
                }
            }
            if (!h.labels().isEmpty()) {
                network.reporter().warn(path + "." + side + ".labels: cell labels are not supported yet; ignored");
            }
        }
        return new ConnectivityTask(name, strategy, parameters,
                new Hemitype(node.presynaptic().cellTypes(), node.presynaptic().morphologyLabels()),
                new Hemitype(node.postsynaptic().cellTypes(), node.postsynaptic().morphologyLabels()),
                node.outputNaming());
    }

    /** Strategy names with every {@code depends_on} before its dependents, otherwise in config order. */
    static List<String> ordered(Map<String, ConnectivityNode> nodes) throws CompileException {
        Set<String> done = new LinkedHashSet<>();
        Map<String, Boolean> visiting = new LinkedHashMap<>();
        for (String n : nodes.keySet()) {
            visit(n, nodes, done, visiting);
        }
        return new ArrayList<>(done);
    }

    private static void visit(String n, Map<String, ConnectivityNode> nodes, Set<String> done,
            Map<String, Boolean> visiting) throws CompileException {
        if (done.contains(n)) {
            return;
        }
        if (visiting.containsKey(n)) {
            throw new CompileException("connectivity." + n + ".depends_on: dependency cycle through " + visiting.keySet());
        }
        visiting.put(n, true);
        for (String d : nodes.get(n).dependsOn()) {
            if (!nodes.containsKey(d)) {
                throw new CompileException("connectivity." + n + ".depends_on: unknown connectivity strategy '" + d + "'");
            }
            visit(d, nodes, done, visiting);
        }
        visiting.remove(n);
        done.add(n);
    }
}
