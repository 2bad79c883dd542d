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
 * @param relativeTo the cell type whose numbers the ratios below apply to
 * @param countRatio cells per cell of {@code relativeTo} placed in total
 * @param localCountRatio cells per cell of {@code relativeTo} estimated in the same chunk
 * @param densityRatio density (or planar density) as a multiple of {@code relativeTo}'s
 */
public record CellTypeSpec(
        String name,
        Double radius,
        Double density,
        Double planarDensity,
        Double count,
        List<String> morphologies,
        String relativeTo,
        Double countRatio,
        Double localCountRatio,
        Double densityRatio) {
    public CellTypeSpec {
        morphologies = morphologies == null ? List.of() : List.copyOf(morphologies);
    }

    /** Without relative indications. */
    public CellTypeSpec(
            String name, Double radius, Double density, Double planarDensity, Double count, List<String> morphologies) {
        this(name, radius, density, planarDensity, count, morphologies, null, null, null, null);
    }

    public static CellTypeSpec ofDensity(String name, double radius, double density, List<String> morphologies) {
        return new CellTypeSpec(name, radius, density, null, null, morphologies);
    }
}
