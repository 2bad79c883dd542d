package org.bsb.core.config;

import java.util.List;
import java.util.Map;
import org.bsb.api.Range;

/**
 * A cell type's {@code spatial} indications (and a placement strategy's per-type
 * {@code overrides}, which supersede them key by key). Densities are per µm³, planar densities
 * per µm² of the x-y plane.
 */
public record PlacementIndications(
        @Range(min = 0) Double radius,
        @Range(min = 0) Double density,
        @Range(min = 0) Double planarDensity,
        @Range(min = 0) Integer count,
        @Range(min = 0) Double countRatio,
        @Range(min = 0) Double localCountRatio,
        @Range(min = 0) Double densityRatio,
        String relativeTo,
        String densityKey,
        Map<String, Object> geometry,
        List<MorphologySelector> morphologies) {
    public PlacementIndications {
        geometry = Maps.copy(geometry);
        morphologies = Maps.copy(morphologies);
    }

    /** These indications with each key that {@code override} gives replaced. */
    public PlacementIndications overriddenBy(PlacementIndications o) {
        if (o == null) {
            return this;
        }
        return new PlacementIndications(
                o.radius != null ? o.radius : radius,
                o.density != null ? o.density : density,
                o.planarDensity != null ? o.planarDensity : planarDensity,
                o.count != null ? o.count : count,
                o.countRatio != null ? o.countRatio : countRatio,
                o.localCountRatio != null ? o.localCountRatio : localCountRatio,
                o.densityRatio != null ? o.densityRatio : densityRatio,
                o.relativeTo != null ? o.relativeTo : relativeTo,
                o.densityKey != null ? o.densityKey : densityKey,
                !o.geometry.isEmpty() ? o.geometry : geometry,
                !o.morphologies.isEmpty() ? o.morphologies : morphologies);
    }
}
