package org.bsb.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.geometry.Point3;
import org.bsb.api.storage.ConnectivityBlock;
import org.bsb.api.storage.NetworkData;
import org.bsb.api.storage.PlacementBlock;
import org.junit.jupiter.api.Test;

/** {@code bsb inspect}'s connection counts and per-cell degree statistics. */
class InspectConnectivityTest {
    @Test
    @SuppressWarnings("unchecked")
    void reportsPairsAndDegreesPerSet() {
        // 3 a cells, 2 b cells; a0 -> b0 (2 synapses), a0 -> b1, a1 -> b1; a2 unconnected
        List<PlacementBlock> placement = List.of(
                new PlacementBlock(
                        "a", new ChunkId(0, 0, 0), new double[9], new double[9], new int[] {-1, -1, -1}, List.of()),
                new PlacementBlock(
                        "b", new ChunkId(0, 0, 0), new double[6], new double[6], new int[] {-1, -1}, List.of()));
        List<ConnectivityBlock> conns = List.of(new ConnectivityBlock(
                "ab", "a", "b", 0, new int[] {0, -1, -1, 0, -1, -1, 0, -1, -1, 1, -1, -1}, new int[] {
                    0, -1, -1, 0, -1, -1, 1, -1, -1, 1, -1, -1
                }));
        NetworkData data = new NetworkData(null, new Point3(100, 100, 100), List.of(), placement, conns, Map.of());
        Map<String, Object> set = (Map<String, Object>)
                ((Map<String, Object>) InspectCommand.summary("f", "hdf5", data).get("connections")).get("ab");
        assertEquals(4, set.get("count"));
        assertEquals(3L, set.get("cell_pairs"));
        Map<String, Object> out = (Map<String, Object>) set.get("out_degree");
        assertEquals(4 / 3.0, (double) out.get("mean"), 1e-12);
        assertEquals(3L, out.get("max"));
        assertEquals(1L, out.get("unconnected"));
        Map<String, Object> in = (Map<String, Object>) set.get("in_degree");
        assertEquals(2.0, (double) in.get("mean"), 1e-12);
        assertEquals(2L, in.get("min"));
        assertEquals(0L, in.get("unconnected"));
    }
}
