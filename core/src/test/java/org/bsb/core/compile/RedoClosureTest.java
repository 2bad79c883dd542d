package org.bsb.core.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedoClosureTest {
    static RedoClosure.Strategy s(String name, List<String> types, String... dependsOn) {
        return new RedoClosure.Strategy(name, types, List.of(dependsOn), List.of(name));
    }

    // placement: pa places A; pab places A and B; pc places C; pd places D after pc; pe places E
    static final List<RedoClosure.Strategy> PLACEMENT = List.of(
            s("pa", List.of("A")),
            s("pab", List.of("A", "B")),
            s("pb2", List.of("B")),
            s("pc", List.of("C")),
            s("pd", List.of("D"), "pc"),
            s("pe", List.of("E")));
    // connectivity: a_b (A->B), b_c (B->C), d_d (D->D), e_e (E->E), after_ee depends on e_e (E->D)
    static final List<RedoClosure.Strategy> CONNECTIVITY = List.of(
            s("a_b", List.of("A", "B")),
            s("b_c", List.of("B", "C")),
            s("d_d", List.of("D", "D")),
            s("e_e", List.of("E", "E")),
            s("after_ee", List.of("E", "D"), "e_e"));

    @Test
    void sharedCellTypesChainPlacementThenConnectivitySpreads() {
        RedoClosure r = RedoClosure.of(PLACEMENT, CONNECTIVITY, List.of("pa"), List.of());
        // pa -> A -> pab -> B -> pb2; nothing else places A or B.
        assertEquals(Set.of("pa", "pab", "pb2"), r.placement());
        assertEquals(Set.of("A", "B"), r.placementWipe());
        // a_b touches A; b_c touches B, which pulls in C's connectivity (not its cells).
        assertEquals(Set.of("a_b", "b_c"), r.connectivity());
        assertEquals(Set.of("A", "B", "C"), r.connectivityWipe());
        assertEquals(
                List.of(
                        "Redo-affected placement: pa pab pb2",
                        "Redo-affected connectivity: a_b b_c",
                        "Clearing all data of A",
                        "Clearing all data of B",
                        "Clearing connectivity data of A",
                        "Clearing connectivity data of B",
                        "Clearing connectivity data of C"),
                r.reportLines());
    }

    @Test
    void dependentsJoin() {
        RedoClosure r = RedoClosure.of(PLACEMENT, CONNECTIVITY, List.of("pc"), List.of());
        assertEquals(Set.of("pc", "pd"), r.placement());
        // b_c (via C), d_d and after_ee (via D); their other types' connectivity goes too, as the
        // original: B's pulls in a_b, E's pulls in e_e.
        assertEquals(Set.of("a_b", "b_c", "d_d", "after_ee", "e_e"), r.connectivity());
        assertEquals(Set.of("A", "B", "C", "D", "E"), r.connectivityWipe());
        assertEquals(Set.of("C", "D"), r.placementWipe());
        // Connectivity-only redo: the strategies that depend on it join, nothing is re-placed.
        RedoClosure c = RedoClosure.of(PLACEMENT, CONNECTIVITY, List.of(), List.of("e_e"));
        assertEquals(Set.of(), c.placement());
        assertEquals(Set.of("e_e", "after_ee"), c.connectivity());
        assertEquals(Set.of(), c.connectivityWipe());
    }

    @Test
    void checkRefusesWhatWasNotAskedFor() throws Exception {
        RedoClosure r = RedoClosure.of(PLACEMENT, CONNECTIVITY, List.of("pa"), List.of("a_b", "b_c"));
        CompileException e = assertThrows(CompileException.class, () -> r.check(List.of("pa"), List.of("a_b", "b_c")));
        assertTrue(
                e.getMessage().contains("RedoError")
                        && e.getMessage().contains("placement strategies 'pab', 'pb2'")
                        && e.getMessage().contains("--force"),
                e.getMessage());
        RedoClosure full = RedoClosure.of(PLACEMENT, CONNECTIVITY, List.of("pa", "pab", "pb2"), List.of("a_b", "b_c"));
        full.check(List.of("pa", "pab", "pb2"), List.of("a_b", "b_c"));
        RedoClosure missingConn = RedoClosure.of(PLACEMENT, CONNECTIVITY, List.of("pa", "pab", "pb2"), List.of("a_b"));
        CompileException m = assertThrows(
                CompileException.class, () -> missingConn.check(List.of("pa", "pab", "pb2"), List.of("a_b")));
        assertTrue(m.getMessage().contains("connection strategies 'b_c'"), m.getMessage());
    }
}
