package org.bsb.core.connectivity;

import java.util.List;

/**
 * One side of a connection strategy: its cell types and the morphology labels that restrict
 * where connections may land (empty: every point).
 */
public record Hemitype(List<String> cellTypes, List<String> morphologyLabels) {
    public Hemitype {
        cellTypes = List.copyOf(cellTypes);
        morphologyLabels = List.copyOf(morphologyLabels);
    }
}
