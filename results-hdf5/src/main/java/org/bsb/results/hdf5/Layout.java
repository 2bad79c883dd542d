package org.bsb.results.hdf5;

import java.util.Set;

/** Names of the results file's groups and attributes (see README.md). */
public final class Layout {
    private Layout() {}

    public static final String SIGNALS = "signals";
    public static final String SPIKES = "spikes";

    /** Root: the layout's name and version, so that readers can tell our files apart. */
    public static final String FORMAT = "format";

    public static final String FORMAT_NAME = "bsb-results";
    public static final String FORMAT_VERSION = "format_version";
    public static final int VERSION = 1;
    /** Root: the simulation's name in the config. */
    public static final String SIMULATION = "simulation";

    /** Per signal or spike train. */
    public static final String DEVICE = "device";

    public static final String UNITS = "units";
    public static final String T_START = "t_start";
    public static final String SAMPLING_PERIOD = "sampling_period";
    /** Number of values; a member without values holds one NaN and {@code length = 0}. */
    public static final String LENGTH = "length";

    /** Attributes that are record fields rather than annotations. */
    static final Set<String> SIGNAL_FIELDS = Set.of(DEVICE, UNITS, T_START, SAMPLING_PERIOD, LENGTH);

    static final Set<String> ROOT_FIELDS = Set.of(FORMAT, FORMAT_VERSION, SIMULATION);
}
