package org.bsb.core.connectivity;

import org.bsb.api.connectivity.ConnectionStrategy;

/**
 * One connectivity node of the config, resolved: its name, strategy service, bound parameters,
 * hemitypes and {@code output_naming} (null, a name, or {pre: {post: name}}).
 */
public record ConnectivityTask(
        String name,
        ConnectionStrategy<?> strategy,
        Record parameters,
        Hemitype presynaptic,
        Hemitype postsynaptic,
        Object outputNaming) {
    public ConnectivityTask(
            String name,
            ConnectionStrategy<?> strategy,
            Record parameters,
            Hemitype presynaptic,
            Hemitype postsynaptic) {
        this(name, strategy, parameters, presynaptic, postsynaptic, null);
    }
}
