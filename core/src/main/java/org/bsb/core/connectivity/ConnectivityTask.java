package org.bsb.core.connectivity;

import org.bsb.api.connectivity.ConnectionStrategy;

/**
 * One connectivity node of the config, resolved: its name, strategy service, bound parameters
 * and hemitypes.
 */
public record ConnectivityTask(String name, ConnectionStrategy<?> strategy, Record parameters,
        Hemitype presynaptic, Hemitype postsynaptic) {
}
