package org.bsb.core.connectivity;

import java.util.List;

/**
 * One side of a connection strategy: its cell types, the cell labels that select which of their
 * cells take part (a cell with any of them; empty: every cell), and the morphology labels that
 * restrict where connections may land (empty: every point).
 */
public record Hemitype(List<String> cellTypes, List<String> labels, List<String> morphologyLabels) {
    public Hemitype {
        cellTypes = List.copyOf(cellTypes);
        labels = List.copyOf(labels);
        morphologyLabels = List.copyOf(morphologyLabels);
    }

    /** A hemitype of every cell of its types. */
    public Hemitype(List<String> cellTypes, List<String> morphologyLabels) {
        this(cellTypes, List.of(), morphologyLabels);
    }
}
