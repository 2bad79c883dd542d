package org.bsb.core.config;

import java.util.List;
import org.bsb.api.Required;

/**
 * One side of a connection strategy: the cell types, optionally filtered by cell labels, and the
 * morphology labels whose points may form contacts ({@code axon}, {@code dendrites}).
 */
public record Hemitype(@Required List<String> cellTypes, List<String> labels, List<String> morphologyLabels) {
    public Hemitype {
        cellTypes = Maps.copy(cellTypes);
        labels = Maps.copy(labels);
        morphologyLabels = Maps.copy(morphologyLabels);
    }
}
