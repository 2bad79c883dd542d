package org.bsb.neuron.cable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.bsb.api.morphology.Morphology;
import org.junit.jupiter.api.Test;

/** SWC + Stellate.py through the cell builder give NEURON's cell: sections, nseg, Ra, cm, areas, ri. */
class StellateBuildTest {

    /** The project's SWC parser service (bsb-core), with the tutorial's parser tags. */
    @Test
    void withTheSwcParserService() throws Exception {
        try (java.io.InputStream in = getClass().getResourceAsStream("/StellateCell.swc")) {
            check(new org.bsb.morphology.swc.SwcParser()
                    .parse(
                            "StellateCell.swc",
                            "StellateCell",
                            in,
                            org.bsb.api.morphology.TagParameters.ofTags(Map.of(
                                    "16",
                                    List.of("dendrites", "proximal_dendrites"),
                                    "17",
                                    List.of("dendrites", "distal_dendrites"),
                                    "18",
                                    List.of("axon", "axon_initial_segment")))));
        }
    }

    @SuppressWarnings("unchecked")
    private static void check(Morphology m) {
        List<CellBuilder.RawSection> raw = CellBuilder.sections(m, "StellateCell_0");
        CableCell cell =
                CellBuilder.build("StellateCell_0", raw, ModelDefinitionTest.stellate(), CellBuilder::defaultName);
        List<Map<String, Object>> ref = TestData.referenceSections();
        assertEquals(ref.size(), cell.sections().size());
        assertEquals(208, cell.segmentCount());
        for (int i = 0; i < ref.size(); i++) {
            Map<String, Object> r = ref.get(i);
            CableSection s = cell.sections().get(i);
            assertEquals(r.get("name"), s.name());
            assertEquals(((Number) r.get("parent")).intValue(), s.parent(), s.name());
            assertEquals(r.get("labels"), s.labels(), s.name());
            assertEquals(((Number) r.get("nseg")).intValue(), s.nseg(), s.name());
            assertEquals(((Number) r.get("Ra")).doubleValue(), s.ra(), s.name());
            assertEquals(((Number) r.get("cm")).doubleValue(), s.cm(), s.name());
            float[][] p = TestData.pt3d(r);
            assertArrayEquals(p[0], s.x(), s.name());
            assertArrayEquals(p[1], s.y(), s.name());
            assertArrayEquals(p[2], s.z(), s.name());
            assertArrayEquals(p[3], s.diam(), s.name());
        }
        // locations: bsb's current clamp at the soma's first point sits at soma(0.026) (README §5)
        assertEquals(0.026, cell.sections().get(0).locationArc(0, 0.5), 5e-4);
        assertEquals(
                1.0, cell.sections().get(0).locationArc(cell.sections().get(0).x().length - 1, 0.5));
        assertEquals(19, raw.get(19).branch());
        assertEquals(0, raw.get(19).firstPoint());
        // per-segment areas and resistances through the cell's node layout
        CellLayout layout = new CellLayout(cell);
        List<String[]> rows = TestData.csv("neuron-reference/segments.csv");
        int row = 1;
        for (int s = 0; s < cell.sections().size(); s++) {
            for (int k = 0; k < cell.sections().get(s).nseg(); k++, row++) {
                double x = (k + 0.5) / cell.sections().get(s).nseg();
                int node = layout.nodeAt(s, x);
                double area = Double.parseDouble(rows.get(row)[5]);
                double ri = Double.parseDouble(rows.get(row)[6]);
                assertEquals(area, layout.membraneArea(node), 1e-6 * area);
                assertEquals(ri, -1e2 / (layout.b[node] * layout.area[node]), 1e-6 * ri);
            }
        }
    }
}
