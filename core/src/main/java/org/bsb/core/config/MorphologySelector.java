package org.bsb.core.config;

import java.util.List;
import org.bsb.api.Default;

/**
 * An entry of a cell type's {@code morphologies}: {@code select: by_name} (the default) picks the
 * stored morphologies named in {@code names}; other selectors keep their keys in
 * {@link #parameters()}.
 */
public record MorphologySelector(@Default("by_name") String select, List<String> names, Parameters parameters) {
    public MorphologySelector {
        names = Maps.copy(names);
        parameters = parameters == null ? Parameters.none() : parameters;
    }
}
