package org.bsb.neuron.cable;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SectionGeometryTest {

    @Test
    void cylinderHasAnalyticAreaAndResistance() {
        // 100 µm long, 2 µm diameter cylinder, Ra 100 Ω·cm, 4 segments
        float[] x = {0, 100};
        float[] z = {0, 0};
        float[] d = {2, 2};
        SectionGeometry g = SectionGeometry.compute(x, z, z, d, 4, 100);
        assertEquals(100, g.length(), 1e-12);
        double segArea = Math.PI * 2 * 25;
        double halfR = 100 * 12.5e-4 / (Math.PI * 1e-8) * 1e-6; // Ω·cm * cm / cm² -> MΩ
        for (int i = 0; i < 4; i++) {
            assertEquals(segArea, g.area()[i], 1e-9);
            assertEquals(2, g.diam()[i], 1e-12);
            assertEquals(i == 0 ? halfR : 2 * halfR, g.ri()[i], 1e-9);
        }
        assertEquals(halfR, g.ri()[4], 1e-9);
    }

    @Test
    void stellateSegmentsMatchNeuron() {
        List<Map<String, Object>> secs = TestData.referenceSections();
        List<String[]> rows = TestData.csv("neuron-reference/segments.csv");
        int row = 1;
        int total = 0;
        for (Map<String, Object> s : secs) {
            float[][] p = TestData.pt3d(s);
            SectionGeometry g0 = SectionGeometry.compute(p[0], p[1], p[2], p[3], 1, 1);
            int nseg = SectionGeometry.nsegFor(g0.length());
            assertEquals(((Number) s.get("nseg")).intValue(), nseg, "nseg of " + s.get("name"));
            assertEquals(((Number) s.get("L")).doubleValue(), g0.length(), 1e-12 * g0.length());
            double ra = ((Number) s.get("Ra")).doubleValue();
            SectionGeometry g = SectionGeometry.compute(p[0], p[1], p[2], p[3], nseg, ra);
            for (int k = 0; k < nseg; k++, row++, total++) {
                String[] r = rows.get(row);
                assertEquals(Integer.parseInt(r[0]), ((Number) s.get("index")).intValue());
                double area = Double.parseDouble(r[5]);
                double ri = Double.parseDouble(r[6]);
                double diam = Double.parseDouble(r[7]);
                assertEquals(area, g.area()[k], 1e-9 * area, "area " + s.get("name") + " seg " + k);
                assertEquals(ri, g.ri()[k], 1e-9 * ri, "ri " + s.get("name") + " seg " + k);
                assertEquals(diam, g.diam()[k], 1e-9 * diam, "diam " + s.get("name") + " seg " + k);
            }
        }
        assertEquals(120, secs.size());
        assertEquals(208, total);
    }
}
