package org.bsb.api.connectivity;

import org.bsb.api.Parameterized;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An {@code after_connectivity} hook (the original's {@code AfterConnectivityHook}): runs once after
 * every connection strategy, in config order, and may add connectivity sets made from the existing
 * ones (e.g. {@code merge_connections}: A → B and B → C fused into A → C).
 */
@ConsumerType
public interface AfterConnectivityHook<P extends Record> extends Parameterized<P> {
    void postprocess(ConnectivityHookJob<P> job) throws ConnectivityException;
}
