package org.bsb.connectivity.outdegree;

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

class FixedOutdegreeTest {
    static PlacedCells cells() {
        List<PlacementBlock> b = new ArrayList<>();
        b.add(cellsWithoutMorphology("a", new ChunkId(0, 0, 0), 4));
        b.add(cellsWithoutMorphology("a", new ChunkId(1, 0, 0), 3));
        b.add(cellsWithoutMorphology("b", new ChunkId(0, 1, 0), 6));
        b.add(cellsWithoutMorphology("c", new ChunkId(2, 1, 0), 2));
        return new PlacedCells(new Point3(100, 100, 100), b, List.of());
    }

    static List<ConnectivityBlock> run(int degree, int threads) throws Exception {
        var task = new ConnectivityTask(
                "out",
                new FixedOutdegree(),
                new FixedOutdegree.Parameters(degree),
                new Hemitype(List.of("a"), List.of()),
                new Hemitype(List.of("b", "c"), List.of()));
        return new ConnectivityRunner(cells(), 3, threads, Reporter.SILENT).run(List.of(task));
    }

    @Test
    void everyPresynapticCellGetsExactlyOutdegreeDistinctPartners() throws Exception {
        Map<Integer, Set<String>> partners = new HashMap<>();
        Set<String> sets = new HashSet<>();
        for (ConnectivityBlock b : run(3, 2)) {
            sets.add(b.set());
            for (int k = 0; k < b.size(); k++) {
                String post = b.postType() + b.postLocations()[3 * k];
                assertTrue(partners.computeIfAbsent(b.preLocations()[3 * k], x -> new HashSet<>())
                        .add(post));
            }
        }
        assertEquals(7, partners.size());
        partners.values().forEach(s -> assertEquals(3, s.size()));
        assertTrue(Set.of("out_a_to_b", "out_a_to_c").containsAll(sets));
        assertEquals(render(run(3, 1)), render(run(3, 2)));
    }

    @Test
    void tooFewPostsynapticCellsIsAnError() {
        var e = assertThrows(ConnectivityException.class, () -> run(9, 1));
        assertTrue(e.getMessage().contains("8 postsynaptic cells, too few"), e.getMessage());
    }
}
