package org.bsb.api.connectivity;

import java.util.List;
import org.bsb.api.Reporter;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What an {@link AfterConnectivityHook} sees of the connected network. Locations are (global cell id,
 * branch, point) rows, as stored: ids number a cell type's cells through its chunks in chunk id order.
 */
@ProviderType
public interface ConnectivityHookJob<P> {
    /** The hook's name in the config ({@code after_connectivity.<name>}). */
    String name();

    P parameters();

    /** The connectivity sets so far, in name order. */
    List<String> sets();

    String presynapticType(String set);

    String postsynapticType(String set);

    /** The set's presynaptic locations (length 3n), in stored order. */
    int[] presynapticLocations(String set);

    /** The set's postsynaptic locations (length 3n), parallel to the presynaptic ones. */
    int[] postsynapticLocations(String set);

    /** Adds a connectivity set (replacing one of the same name). */
    void connect(String set, String preType, String postType, int[] preLocations, int[] postLocations);

    Reporter reporter();
}
