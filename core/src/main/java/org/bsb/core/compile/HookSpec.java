package org.bsb.core.compile;

import org.bsb.api.Parameterized;

/**
 * An {@code after_placement.<name>} or {@code after_connectivity.<name>} node with its hook service
 * resolved and its parameters bound.
 */
public record HookSpec(String name, String strategyName, Parameterized<?> hook, Record parameters) {}
