package org.bsb.core.config;

import org.bsb.api.Required;

/**
 * {@code storage}: the engine service ({@code hdf5}) and the network file. A null root lets the
 * engine choose (the original's hdf5 engine names it {@code scaffold_network_<date>_<id>.hdf5}).
 */
public record StorageNode(@Required String engine, String root) {}
