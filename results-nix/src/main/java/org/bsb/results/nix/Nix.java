package org.bsb.results.nix;

import java.util.Set;

/** Names of the NIX file format (1.2.1) and of neo's NixIO mapping onto it (see README.md). */
public final class Nix {
    private Nix() {}

    /** The file extension of neo's NIX files, as the original BSB writes them. */
    public static final String EXTENSION = "nio";

    /** Root attribute {@code format}. */
    public static final String FORMAT = "nix";
    /** Root attribute {@code version}: the NIX file format version nixpy 1.5 writes. */
    static final int[] VERSION = {1, 2, 1};
    /** The neo version whose NixIO layout this writer follows (property {@code version} of section {@code neo}). */
    static final String NEO_VERSION = "0.11.1";

    static final String DATA = "data";
    static final String METADATA = "metadata";
    static final String GROUPS = "groups";
    static final String DATA_ARRAYS = "data_arrays";
    static final String MULTI_TAGS = "multi_tags";
    static final String SECTIONS = "sections";
    static final String PROPERTIES = "properties";
    static final String DIMENSIONS = "dimensions";
    static final String POSITIONS = "positions";

    // entity attributes
    static final String NAME = "name";
    static final String TYPE = "type";
    static final String ENTITY_ID = "entity_id";
    static final String CREATED_AT = "created_at";
    static final String UPDATED_AT = "updated_at";
    static final String UNIT = "unit";
    static final String ID = "id";

    // neo types
    static final String BLOCK = "neo.block";
    static final String SEGMENT = "neo.segment";
    static final String ANALOGSIGNAL = "neo.analogsignal";
    static final String SPIKETRAIN = "neo.spiketrain";
    static final String SPIKETRAIN_TIMES = "neo.spiketrain.times";

    // neo's properties
    static final String NEO_NAME = "neo_name";
    static final String NIX_NAME = "nix_name";
    static final String T_START = "t_start";
    static final String T_STOP = "t_stop";

    /** Annotations BSB's recorders set (the original's names). */
    public static final String DEVICE = "device";

    /** Property names neo uses itself: annotations of these names are not written. */
    static final Set<String> RESERVED =
            Set.of(NEO_NAME, NIX_NAME, T_START, T_STOP, NAME, "file_datetime", "rec_datetime", "description");
}
