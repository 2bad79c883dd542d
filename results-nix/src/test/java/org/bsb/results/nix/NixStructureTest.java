package org.bsb.results.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bsb.api.simulation.Signal;
import org.bsb.api.simulation.SimulationResults;
import org.bsb.api.simulation.SpikeTrain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our writer's file has the structure of the one neo's NixIO writes for the same content
 * ({@code src/test/resources/neo-reference.nio}, written by {@code crosscheck/make_reference.py}
 * with neo 0.11.1 and nixpy 1.5): the same groups, datasets and attributes with their types and
 * shapes, the same dimension entries and metadata property layout, the same hard links; ids,
 * times and values aside.
 */
class NixStructureTest {
    static final Path REFERENCE = Path.of("src/test/resources/neo-reference.nio");

    @TempDir
    Path dir;

    /** The content of the reference file, as our simulator would hand it over. */
    static SimulationResults referenceContent() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("config", "{\"simulator\":\"neuron\",\"duration\":100.0}");
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("cell_id", 3);
        v.put("cell_type", "stellate_cell");
        v.put("location", new int[] {0, 1});
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("cell_id", 3);
        i.put("cell_type", "stellate_cell");
        i.put("location", new int[] {2, 5});
        i.put("synapse_type", "AMPA");
        return new SimulationResults(
                "neuronsim",
                attributes,
                List.of(
                        new Signal("vrecorder", v, "mV", 0, 0.025, new double[] {-65, -64.5, -64, -63, -62}),
                        new Signal("synapses_rec", i, "nA", 0, 0.025, new double[] {0, -0.01, -0.02, -0.015, -0.01})),
                List.of(
                        new SpikeTrain("spikes", Map.of("cell_id", 3, "cell_type", "stellate_cell"), new double[] {
                            1.5, 20.25, 60
                        }),
                        new SpikeTrain("spikes", Map.of("cell_id", 4, "cell_type", "stellate_cell"), new double[0])));
    }

    @Test
    void sameStructureAsNeosFile() throws Exception {
        SimulationResults content = new SimulationResults(
                "neuronsim",
                Map.of(
                        "duration",
                        100.0,
                        "config",
                        referenceContent().attributes().get("config")),
                referenceContent().signals(),
                referenceContent().spikes());
        // duration sets the spike trains' t_stop; neo's block has only the config annotation
        Path ours = NixWriter.writeTo(withoutDuration(content), dir.resolve("ours.nio"));
        List<String> expected = H5Structure.of(REFERENCE, H5Structure.Strings.DISTINGUISH);
        List<String> actual = H5Structure.of(ours, H5Structure.Strings.DISTINGUISH);
        assertEquals(
                String.join("\n", expected),
                String.join("\n", actual),
                "structure differs:\n" + diff(expected, actual));
    }

    private static SimulationResults withoutDuration(SimulationResults r) {
        return new SimulationResults(r.simulation(), referenceContent().attributes(), r.signals(), r.spikes());
    }

    static String diff(List<String> expected, List<String> actual) {
        List<String> missing = new ArrayList<>(expected);
        actual.forEach(missing::remove);
        List<String> extra = new ArrayList<>(actual);
        expected.forEach(extra::remove);
        StringBuilder b = new StringBuilder();
        missing.forEach(l -> b.append("- ").append(l).append('\n'));
        extra.forEach(l -> b.append("+ ").append(l).append('\n'));
        return b.toString();
    }
}
