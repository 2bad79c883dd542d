package org.bsb.connectivity.indegree;

import static org.bsb.testsupport.ConnectivityFixtures.cellsWithoutMorphology;
import static org.bsb.testsupport.ConnectivityFixtures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bsb.api.Reporter;
import org.bsb.api.connectivity.ConnectivityException;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.geometry.Point3;
import org.bsb.api.storage.ConnectivityBlock;
import org.bsb.api.storage.PlacementBlock;
import org.bsb.core.connectivity.ConnectivityRunner;
import org.bsb.core.connectivity.ConnectivityTask;
import org.bsb.core.connectivity.Hemitype;
import org.bsb.core.network.PlacedCells;
import org.junit.jupiter.api.Test;

class FixedIndegreeTest {
    static PlacedCells cells() {
        List<PlacementBlock> b = new ArrayList<>();
        b.add(cellsWithoutMorphology("a", new ChunkId(0, 0, 0), 4));
        b.add(cellsWithoutMorphology("a", new ChunkId(1, 0, 0), 3));
        b.add(cellsWithoutMorphology("c", new ChunkId(1, 0, 0), 2));
        b.add(cellsWithoutMorphology("b", new ChunkId(0, 1, 0), 6));
        b.add(cellsWithoutMorphology("b", new ChunkId(2, 1, 0), 8));
        return new PlacedCells(new Point3(100, 100, 100), b, List.of());
    }

    static List<ConnectivityBlock> run(int degree, int threads) throws Exception {
        var task = new ConnectivityTask(
                "in",
                new FixedIndegree(),
                new FixedIndegree.Parameters(degree),
                new Hemitype(List.of("a", "c"), List.of()),
                new Hemitype(List.of("b"), List.of()));
        return new ConnectivityRunner(cells(), 3, threads, Reporter.SILENT).run(List.of(task));
    }

    @Test
    void everyPostsynapticCellGetsExactlyIndegreeDistinctPartners() throws Exception {
        Map<Integer, Set<String>> partners = new HashMap<>();
        for (ConnectivityBlock b : run(5, 2)) {
            for (int k = 0; k < b.size(); k++) {
                String pre = b.preType() + b.preLocations()[3 * k];
                assertTrue(
                        partners.computeIfAbsent(b.postLocations()[3 * k], x -> new HashSet<>())
                                .add(pre),
                        "duplicate partner " + pre);
            }
        }
        assertEquals(14, partners.size());
        partners.values().forEach(s -> assertEquals(5, s.size()));
    }

    @Test
    void allPresynapticCellsCanBeDrawnAndDrawsAreThreadIndependent() throws Exception {
        Map<Integer, Set<String>> partners = new HashMap<>();
        for (ConnectivityBlock b : run(9, 1)) {
            for (int k = 0; k < b.size(); k++) {
                partners.computeIfAbsent(b.postLocations()[3 * k], x -> new HashSet<>())
                        .add(b.preType() + b.preLocations()[3 * k]);
            }
        }
        partners.values().forEach(s -> assertEquals(9, s.size()));
        assertEquals(render(run(4, 1)), render(run(4, 2)));
    }

    @Test
    void tooFewPresynapticCellsIsAnError() {
        var e = assertThrows(ConnectivityException.class, () -> run(10, 1));
        assertEquals(
                "connectivity.in: there are 9 presynaptic cells, too few to give each postsynaptic cell"
                        + " an indegree of 10",
                e.getMessage());
    }
}
