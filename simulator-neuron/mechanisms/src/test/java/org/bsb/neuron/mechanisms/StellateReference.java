package org.bsb.neuron.mechanisms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bsb.neuron.cable.CableCell;
import org.bsb.neuron.cable.CableSection;
import org.bsb.neuron.cable.IonSpec;
import org.bsb.neuron.cable.MechanismSpec;
import org.bsb.neuron.cable.TestData;

/** The tutorial's Stellate cell as NEURON built it (sections.json), with chosen mechanisms. */
final class StellateReference {
    static final String SOMA = "StellateCell_0_interval (0.0-19)";
    static final String DEND = "StellateCell_0_interval (19.0-101)";
    static final String AIS = "StellateCell_0_interval (105.0-64)";
    static final String AXON = "StellateCell_0_interval (107.0-90)";

    private StellateReference() {}

    /** @param mechanisms mechanisms per section, from the section's merged labels */
    @SuppressWarnings("unchecked")
    static CableCell cell(
            String name,
            Function<List<String>, List<MechanismSpec>> mechanisms,
            Function<List<String>, Map<String, IonSpec>> ions) {
        List<CableSection> out = new ArrayList<>();
        for (Map<String, Object> s : TestData.referenceSections()) {
            float[][] p = TestData.pt3d(s);
            List<String> labels = (List<String>) (List<?>) s.get("labels");
            out.add(new CableSection(
                    (String) s.get("name"),
                    labels,
                    ((Number) s.get("parent")).intValue(),
                    p[0],
                    p[1],
                    p[2],
                    p[3],
                    ((Number) s.get("nseg")).intValue(),
                    ((Number) s.get("Ra")).doubleValue(),
                    ((Number) s.get("cm")).doubleValue(),
                    mechanisms.apply(labels),
                    ions.apply(labels)));
        }
        return new CableCell(name, out);
    }

    /** The Stellate geometry with the mechanisms of one of our JSON models (test resource models/NAME). */
    static CableCell withModel(String name, String modelFile) {
        org.bsb.neuron.model.ModelDefinition model = org.bsb.neuron.model.ModelDefinition.fromData(
                org.bsb.neuron.model.LiteralReader.parse(TestData.text("models/" + modelFile), modelFile), modelFile);
        return cell(
                name,
                labels -> {
                    List<MechanismSpec> out = new ArrayList<>();
                    for (var e : model.merge(labels).mechanisms().entrySet()) {
                        out.add(new MechanismSpec(
                                org.bsb.neuron.cable.CellBuilder.defaultName(e.getKey()), e.getValue()));
                    }
                    return out;
                },
                labels -> Map.of());
    }

    /** Upward crossings of a threshold, linearly interpolated between samples. */
    static List<Double> crossings(double[] v, double dt, double thr) {
        List<Double> out = new ArrayList<>();
        for (int k = 1; k < v.length; k++) {
            if (v[k - 1] <= thr && v[k] > thr) {
                out.add((k - 1) * dt + dt * (thr - v[k - 1]) / (v[k] - v[k - 1]));
            }
        }
        return out;
    }

    /** Scenario d: the Leak conductances as {@code pas}. */
    static CableCell passive() {
        return cell(
                "passive",
                labels -> List.of(
                        labels.contains("soma")
                                ? new MechanismSpec("pas", Map.of("g", 3e-5, "e", -52.0))
                                : new MechanismSpec("pas", Map.of("g", 8e-6, "e", -48.0))),
                labels -> Map.of());
    }
}
