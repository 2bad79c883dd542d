package org.bsb.api.targetting;

import java.util.List;

/** The cells a targetting strategy chooses from: every placed cell with a cell model. */
public interface TargetCells {
    /** Cell model (= cell type) names. */
    List<String> cellModels();

    int count(String cellModel);

    /** Position x, y, z of the cell with global id {@code id} of the cell model. */
    double[] position(String cellModel, int id);

    /** Whether the cell carries the cell label (placement labels). */
    boolean hasLabel(String cellModel, int id, String label);
}
