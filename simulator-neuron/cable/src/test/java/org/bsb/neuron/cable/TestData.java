package org.bsb.neuron.cable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bsb.neuron.model.LiteralReader;

/** Test resources: NEURON's reference files. */
public final class TestData {
    private TestData() {}

    public static String text(String resource) {
        try (InputStream in = TestData.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> referenceSections() {
        Map<String, Object> root =
                (Map<String, Object>) LiteralReader.parse(text("neuron-reference/sections.json"), "sections.json");
        return (List<Map<String, Object>>) root.get("sections");
    }

    /** Rows of a CSV with a header, as strings. */
    public static List<String[]> csv(String resource) {
        List<String[]> rows = new ArrayList<>();
        for (String line : text(resource).split("\n")) {
            if (!line.isBlank()) {
                rows.add(line.split(","));
            }
        }
        return rows;
    }

    /** Numeric columns of a CSV (header skipped). */
    public static double[][] numericColumns(String resource) {
        List<String[]> rows = csv(resource);
        int n = rows.size() - 1;
        int m = rows.get(0).length;
        double[][] cols = new double[m][n];
        for (int i = 0; i < n; i++) {
            String[] r = rows.get(i + 1);
            for (int k = 0; k < m; k++) {
                cols[k][i] = Double.parseDouble(r[k]);
            }
        }
        return cols;
    }

    public static float[][] pt3d(Map<String, Object> section) {
        @SuppressWarnings("unchecked")
        List<List<Number>> pts = (List<List<Number>>) section.get("pt3d");
        float[][] out = new float[4][pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            for (int k = 0; k < 4; k++) {
                out[k][i] = pts.get(i).get(k).floatValue();
            }
        }
        return out;
    }
}
