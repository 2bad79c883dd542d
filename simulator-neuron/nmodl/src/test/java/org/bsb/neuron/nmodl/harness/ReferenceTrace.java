package org.bsb.neuron.nmodl.harness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A CSV trace written by nmodl-reference/make_reference.py (header row, then numbers). */
public final class ReferenceTrace {
    public final List<String> columns;
    public final List<double[]> rows = new ArrayList<>();

    public ReferenceTrace(String csv) {
        String[] lines = csv.split("\n");
        columns = Arrays.asList(lines[0].trim().split(","));
        for (int k = 1; k < lines.length; k++) {
            if (lines[k].isBlank()) continue;
            rows.add(Arrays.stream(lines[k].trim().split(","))
                    .mapToDouble(Double::parseDouble)
                    .toArray());
        }
    }

    public static ReferenceTrace load(String name) {
        return new ReferenceTrace(SingleCompartment.resource("/nmodl-reference/" + name + ".csv"));
    }

    public double get(int row, String column) {
        int c = columns.indexOf(column);
        if (c < 0) throw new IllegalArgumentException("no column " + column);
        return rows.get(row)[c];
    }
}
