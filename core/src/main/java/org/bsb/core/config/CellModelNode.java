package org.bsb.core.config;

import java.util.List;
import org.bsb.api.Default;

/**
 * A cell model, keyed by the cell type it models. {@code model} names a model definition
 * ({@code data.Stellate.definitionStellate}, resolved against the config's folder) or is an
 * inline definition (kept as a plain value); required unless {@code model_strategy} is
 * {@code shim}.
 */
public record CellModelNode(
        @Default("arborize") String modelStrategy, Object model, List<Object> parameters, Parameters extra) {
    public CellModelNode {
        parameters = Maps.copy(parameters);
        extra = extra == null ? Parameters.none() : extra;
    }
}
