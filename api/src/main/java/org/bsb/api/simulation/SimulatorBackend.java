package org.bsb.api.simulation;

import org.bsb.api.Parameterized;
import org.osgi.annotation.versioning.ConsumerType;

/** Runs simulations (e.g. {@code neuron}); selected by a simulation's {@code simulator} key. */
@ConsumerType
public interface SimulatorBackend<P extends Record> extends Parameterized<P> {
    SimulationResults run(SimulationRequest<P> request) throws SimulationException;
}
