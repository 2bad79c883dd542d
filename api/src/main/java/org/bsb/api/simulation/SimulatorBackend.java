package org.bsb.api.simulation;

import org.bsb.api.Parameterized;
import org.osgi.annotation.versioning.ConsumerType;

/** Runs simulations (e.g. {@code neuron}); selected by a simulation's {@code simulator} key. */
@ConsumerType
public interface SimulatorBackend<P extends Record> extends Parameterized<P> {
    /**
     * Runs the request. In a run split over processes ({@link SimulationRequest#cluster()} not empty) every
     * process calls it with the same request; the coordinator (rank 0) gets the whole results, every other
     * process {@code null}.
     */
    SimulationResults run(SimulationRequest<P> request) throws SimulationException;

    /**
     * Whether this backend can split a run over processes ({@link SimulationRequest#cluster()}); a backend that
     * cannot is never given a cluster (the request is refused before it runs).
     */
    default boolean runsSplit() {
        return false;
    }
}
