package org.bsb.api.simulation;

import java.util.Map;

/** Spike times (ms) of one cell recorded by one device. */
public record SpikeTrain(String device, Map<String, Object> annotations, double[] times) {}
