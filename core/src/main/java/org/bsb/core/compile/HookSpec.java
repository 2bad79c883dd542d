package org.bsb.core.compile;

import org.bsb.api.placement.AfterPlacementHook;

/** An {@code after_placement.<name>} node with its hook service resolved and its parameters bound. */
public record HookSpec(String name, String strategyName, AfterPlacementHook<?> hook, Record parameters) {}
