package org.bsb.api.placement;

import org.bsb.api.Parameterized;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An {@code after_placement} hook (the original's {@code AfterPlacementHook}): runs once after every
 * placement strategy and before connectivity, in config order, and may label cells, e.g. by region
 * (a microzone), so that connection hemitypes' {@code labels} and {@code by_label} targetting can
 * select them. Like the original, the framework ships no built-in hook: labs provide them in bundles.
 */
@ConsumerType
public interface AfterPlacementHook<P extends Record> extends Parameterized<P> {
    void postprocess(PlacementHookJob<P> job) throws PlacementException;
}
