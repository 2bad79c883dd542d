package org.bsb.api.simulation;

import org.bsb.api.Parameterized;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A device a simulation can attach (spike generator, clamp, recorder), selected by a device
 * node's {@code device} key. How it attaches is up to the backend named by {@link #simulator()}.
 */
@ConsumerType
public interface DeviceType<P extends Record> extends Parameterized<P> {
    /** The simulator backend this device belongs to, e.g. {@code neuron}. */
    String simulator();
}
