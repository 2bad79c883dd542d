/**
 * The devices of the {@code neuron} simulator (spike_generator, voltage_recorder,
 * synapse_recorder, current_clamp, voltage_clamp, spike_recorder) written against
 * {@link org.bsb.neuron.devices.DeviceContext}, which the backend implements over its cable
 * network; so devices are testable without running a simulation.
 */
@Export
@Version("0.1.0")
package org.bsb.neuron.devices;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
