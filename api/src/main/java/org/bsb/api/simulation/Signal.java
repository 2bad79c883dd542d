package org.bsb.api.simulation;

import java.util.Map;

/**
 * One recorded analog signal.
 *
 * @param annotations cell_id, cell_type, location, synapse_type, ...
 * @param tStart time of the first sample, ms
 * @param samplingPeriod ms
 */
public record Signal(
        String device,
        Map<String, Object> annotations,
        String units,
        double tStart,
        double samplingPeriod,
        double[] values) {}
