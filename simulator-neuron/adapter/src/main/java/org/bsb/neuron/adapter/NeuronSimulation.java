package org.bsb.neuron.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bsb.api.BsbName;
import org.bsb.api.Default;
import org.bsb.api.ProjectFile;
import org.bsb.api.Reporter;
import org.bsb.api.Required;
import org.bsb.api.simulation.SimulationException;
import org.bsb.api.simulation.SimulationRequest;
import org.bsb.api.simulation.SimulationResults;
import org.bsb.api.simulation.SimulatorBackend;
import org.bsb.core.config.ConfigException;
import org.bsb.core.config.ConfigLoader;
import org.bsb.core.config.SimulationNode;
import org.bsb.core.registry.Registry;
import org.bsb.neuron.cable.cluster.ClusterRunner;
import org.bsb.neuron.cable.cluster.DryRunClusterRunner;
import org.bsb.neuron.devices.DeviceException;
import org.bsb.neuron.nmodl.catalogue.NmodlCatalogue;
import org.bsb.neuron.spi.MechanismCatalogue;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The {@code neuron} simulator backend: runs a simulation node of a compiled network on the
 * NEURON-compatible cable simulator with the installed mechanism catalogues (built-ins, mod files
 * of {@code BSB_MECHANISM_PATH}, bundles carrying mechanisms).
 *
 * <p>Unlike the original, which always initialises at -65 mV, {@code initial} is honoured
 * (default -65 mV).
 */
@Component(service = SimulatorBackend.class)
@BsbName({"bsb_neuron.simulation.NeuronSimulation", "neuron"})
public class NeuronSimulation implements SimulatorBackend<NeuronSimulation.Parameters> {
    /**
     * @param mechanisms {@code .mod} files or folders of them, relative to the project folder, compiled
     *     at run time and preferred over the installed catalogues (validate, compile and reconfigure check
     *     that each is one)
     */
    public record Parameters(
            @Required Double temperature,
            @Default("-65") double initial,

            @Default("[]") @ProjectFile(extensions = ".mod", folders = true)
            List<String> mechanisms) {}

    private final List<MechanismCatalogue> catalogues = new CopyOnWriteArrayList<>();
    private final List<ClusterRunner> clusterRunners = new CopyOnWriteArrayList<>();
    private volatile boolean osgi;

    /** Outside OSGi the catalogues come from {@link ServiceLoader}. */
    public NeuronSimulation() {}

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCatalogue(MechanismCatalogue catalogue) {
        osgi = true;
        catalogues.add(catalogue);
    }

    void removeCatalogue(MechanismCatalogue catalogue) {
        catalogues.remove(catalogue);
    }

    /** A cluster transport (the cluster-hazelcast bundle), for runs split over processes. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addClusterRunner(ClusterRunner runner) {
        osgi = true;
        clusterRunners.add(runner);
    }

    void removeClusterRunner(ClusterRunner runner) {
        clusterRunners.remove(runner);
    }

    @Override
    public boolean runsSplit() {
        return true;
    }

    /** The first cluster transport: a service in OSGi, else a {@link ServiceLoader} entry on the class path. */
    private ClusterRunner clusterRunner() throws SimulationException {
        List<ClusterRunner> found = new ArrayList<>(clusterRunners);
        if (found.isEmpty() && !osgi) {
            ServiceLoader.load(ClusterRunner.class, NeuronSimulation.class.getClassLoader())
                    .forEach(found::add);
        }
        if (found.isEmpty()) {
            throw new SimulationException("a run split over processes (--cluster) needs a cluster transport,"
                    + " the bundle org.bsb.cluster.hazelcast, and none is installed");
        }
        return found.get(0);
    }

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    private List<MechanismCatalogue> catalogues() {
        if (osgi) {
            return List.copyOf(catalogues);
        }
        List<MechanismCatalogue> out = new ArrayList<>();
        ServiceLoader.load(MechanismCatalogue.class, NeuronSimulation.class.getClassLoader())
                .forEach(out::add);
        return out;
    }

    @Override
    public SimulationResults run(SimulationRequest<Parameters> request) throws SimulationException {
        if (!(request.services() instanceof Registry registry)) {
            throw new SimulationException("the neuron backend needs the core's service registry");
        }
        SimulationNode node;
        try {
            node = ConfigLoader.fromJson(request.network().configJson(), "network config", registry)
                    .config()
                    .simulations()
                    .get(request.name());
        } catch (ConfigException e) {
            throw new SimulationException(e.getMessage(), e);
        }
        if (node == null) {
            throw new SimulationException("the network's config has no simulation '" + request.name() + "'");
        }
        List<MechanismCatalogue> installed = catalogues();
        List<String> files = request.parameters().mechanisms();
        if (files != null && !files.isEmpty()) {
            List<MechanismCatalogue> all = new ArrayList<>();
            try {
                all.add(NmodlCatalogue.forConfig(
                        request.baseDirectory(), files, "simulations." + request.name() + ".mechanisms"));
            } catch (IllegalArgumentException e) {
                throw new SimulationException(e.getMessage(), e);
            }
            all.addAll(installed);
            installed = all;
        }
        if (request.cluster().isEmpty()) {
            try {
                return new NeuronRun(
                                request.name(),
                                node,
                                request.network(),
                                request.baseDirectory(),
                                registry,
                                request.reporter(),
                                installed)
                        .run(
                                request.parameters().temperature(),
                                request.parameters().initial(),
                                request.threads(),
                                request.seed());
            } catch (DeviceException | IllegalArgumentException e) {
                throw new SimulationException(e.getMessage(), e);
            }
        }
        ClusterRunner runner =
                DryRunClusterRunner.selects(request.cluster()) ? new DryRunClusterRunner() : clusterRunner();
        ClusterRunner.Session session;
        try {
            session = runner.join(request.cluster(), request.reporter());
        } catch (RuntimeException e) {
            throw new SimulationException(runner.name() + " cluster: " + e.getMessage(), e);
        }
        try (session) {
            Reporter reporter = NeuronRun.memberReporter(request.reporter(), session.rank());
            return new NeuronRun(
                            request.name(),
                            node,
                            request.network(),
                            request.baseDirectory(),
                            registry,
                            reporter,
                            installed)
                    .run(
                            request.parameters().temperature(),
                            request.parameters().initial(),
                            request.threads(),
                            request.seed(),
                            session);
        } catch (DeviceException | IllegalArgumentException e) {
            throw new SimulationException(e.getMessage(), e);
        } catch (RuntimeException e) {
            // a lost member, another rank's failure: the message names it
            throw new SimulationException(e.getMessage(), e);
        }
    }
}
