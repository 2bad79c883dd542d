package org.bsb.api.simulation;

import java.util.List;
import java.util.Map;

/** Everything a simulation run recorded, with its provenance in {@code attributes}. */
public record SimulationResults(
        String simulation, Map<String, Object> attributes, List<Signal> signals, List<SpikeTrain> spikes) {}
