package org.bsb.neuron.cable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.bsb.neuron.model.LiteralReader;
import org.bsb.neuron.model.MechanismId;
import org.bsb.neuron.model.MergedCable;
import org.bsb.neuron.model.ModelDefinition;
import org.junit.jupiter.api.Test;

class ModelDefinitionTest {
    static ModelDefinition stellate() {
        return ModelDefinition.fromData(
                LiteralReader.parseAssignment(TestData.text("Stellate.py"), null, "Stellate.py"), "Stellate.py");
    }

    @Test
    void stellatePythonFileReadsAsData() {
        ModelDefinition m = stellate();
        assertEquals(
                List.of("soma", "dendrites", "proximal_dendrites", "distal_dendrites", "axon", "axon_initial_segment"),
                List.copyOf(m.cableTypes().keySet()));
        assertEquals(
                new MechanismId("NMDA", "stellate"),
                m.synapseTypes().get("NMDA").mechanism());
        assertEquals(3230.0, m.synapseTypes().get("GABA").parameters().get("gmaxA1"));
    }

    /** Every section's merged Ra, cm, ions and mechanism parameters equal what NEURON got (sections.json). */
    @Test
    @SuppressWarnings("unchecked")
    void mergedCableTypesMatchTheReferenceSections() {
        ModelDefinition m = stellate();
        for (Map<String, Object> s : TestData.referenceSections()) {
            List<String> labels = (List<String>) (List<?>) s.get("labels");
            MergedCable mc = m.merge(new HashSet<>(labels));
            assertEquals(labels, m.mergeOrder(new HashSet<>(labels)));
            assertEquals(((Number) s.get("Ra")).doubleValue(), mc.ra());
            assertEquals(((Number) s.get("cm")).doubleValue(), mc.cm());
            Map<String, Map<String, Object>> mechs = (Map<String, Map<String, Object>>) s.get("mechanisms");
            assertEquals(
                    mechs.keySet(),
                    mc.mechanisms().keySet().stream()
                            .map(MechanismId::name)
                            .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)));
            for (var e : mc.mechanisms().entrySet()) {
                Map<String, Object> params =
                        (Map<String, Object>) mechs.get(e.getKey().name()).get("params");
                for (var p : e.getValue().entrySet()) {
                    assertEquals(((Number) params.get(p.getKey())).doubleValue(), p.getValue());
                }
            }
            Map<String, Map<String, Object>> ions = (Map<String, Map<String, Object>>) s.get("ions");
            assertEquals(ions.keySet(), mc.ions().keySet());
            for (var e : mc.ions().entrySet()) {
                assertEquals(
                        ((Number) ions.get(e.getKey()).get("rev_pot")).doubleValue(),
                        e.getValue().revPot());
                assertEquals(
                        ((Number) ions.get(e.getKey()).get("int_con")).doubleValue(),
                        e.getValue().intCon());
            }
        }
    }

    @Test
    void yamlJsonAndPythonGiveTheSameDefinition(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        String yaml = "cable_types:\n  soma:\n    cable: {Ra: 110, cm: 1}\n    mechanisms:\n      hh: {gnabar: 0.2}\n"
                + "synapse_types:\n  AMPA:\n    mechanism: [NMDA, stellate]\n    parameters: {gmax: 2}\n";
        String json = "{\"cable_types\": {\"soma\": {\"cable\": {\"Ra\": 110, \"cm\": 1}, \"mechanisms\": "
                + "{\"hh\": {\"gnabar\": 0.2}}}}, \"synapse_types\": {\"AMPA\": {\"mechanism\": [\"NMDA\", "
                + "\"stellate\"], \"parameters\": {\"gmax\": 2}}}}";
        String py =
                "from arborize import define_model\nm = define_model({'cable_types': {'soma': {'cable': {'Ra': 110, "
                        + "'cm': 1}, 'mechanisms': {'hh': {'gnabar': 0.2}}}}, 'synapse_types': {'AMPA': {'mechanism': "
                        + "('NMDA', 'stellate'), 'parameters': {'gmax': 2}}}})\n";
        java.nio.file.Files.writeString(dir.resolve("m.yaml"), yaml);
        java.nio.file.Files.writeString(dir.resolve("m.json"), json);
        java.nio.file.Files.writeString(dir.resolve("m.py"), py);
        ModelDefinition a = ModelDefinition.read(dir.resolve("m.yaml"), null);
        assertEquals(a, ModelDefinition.read(dir.resolve("m.json"), null));
        assertEquals(a, ModelDefinition.read(dir.resolve("m.py"), "m"));
        assertEquals(
                0.2,
                a.merge(List.of("soma")).mechanisms().get(MechanismId.of("hh")).get("gnabar"));
        assertEquals(110.0, a.merge(List.of("soma")).ra());
    }

    @Test
    void badInputNamesTheFileAndPath() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ModelDefinition.fromData(
                        LiteralReader.parse("{'cable_types': {'soma': {'cable': {'Ra': 'x'}}}}", "m.py"), "m.py"));
        assertTrue(e.getMessage().contains("m.py: cable_types.soma.cable.Ra: expected a number"), e.getMessage());
        IllegalArgumentException e2 =
                assertThrows(IllegalArgumentException.class, () -> LiteralReader.parse("{'a': foo(1)}", "m.py"));
        assertTrue(e2.getMessage().startsWith("m.py:1:7"), e2.getMessage());
    }
}
