package org.bsb.core.compile;

import java.util.List;

/**
 * What the compile pipeline needs of a cell type ({@code cell_types.<name>.spatial}). Null
 * means "not given".
 *
 * @param radius soma radius, µm
 * @param density cells per µm³
 * @param planarDensity cells per µm² of x-y footprint
 * @param count cells in all of the strategy's partitions
 * @param morphologies names (globs with {@code *}) of the morphologies to pick from; null or
 *     empty for none
 */
public record CellTypeSpec(String name, Double radius, Double density, Double planarDensity, Double count,
        List<String> morphologies) {
    public CellTypeSpec {
        morphologies = morphologies == null ? List.of() : List.copyOf(morphologies);
    }

    public static CellTypeSpec ofDensity(String name, double radius, double density, List<String> morphologies) {
        return new CellTypeSpec(name, radius, density, null, null, morphologies);
    }
}
