package org.bsb.api.placement;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.bsb.api.Reporter;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What an {@link AfterPlacementHook} sees of the placed network. Cells are addressed by their cell
 * type's global ids (0 to count - 1, through the chunks in chunk id order), as connectivity and
 * targetting number them.
 */
@ProviderType
public interface PlacementHookJob<P> {
    /** The hook's name in the config ({@code after_placement.<name>}). */
    String name();

    P parameters();

    /** The placed cell types, in name order. */
    List<String> cellTypes();

    int count(String cellType);

    /** x, y, z per cell (length 3 * count), in global id order. */
    double[] positions(String cellType);

    /** The labels a cell carries so far. */
    Set<String> labels(String cellType, int id);

    /** Adds labels to cells; an unknown type or an id out of range is an {@link IllegalArgumentException}. */
    void label(String cellType, Collection<String> labels, int... ids);

    /** Seeded by the network seed and the hook's name: the same network gives the same draws. */
    RandomGenerator random();

    Reporter reporter();
}
