package org.bsb.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyOrderTest {
    @Test
    void dependenciesFirstTiesByName() {
        Map<String, List<String>> deps = new LinkedHashMap<>();
        deps.put("z", List.of());
        deps.put("b", List.of("z"));
        deps.put("a", List.of("c"));
        deps.put("c", List.of());
        deps.put("d", List.of("z", "a"));
        // Hand-computed DFS in name order: a needs c; b needs z; then d (a, z done).
        assertEquals(List.of("c", "a", "z", "b", "d"), DependencyOrder.sort(deps));
        assertNull(DependencyOrder.cycle(deps));
    }

    @Test
    void unknownReferencesAreLeftToTheValidator() {
        assertEquals(List.of("a"), DependencyOrder.sort(Map.of("a", List.of("ghost"))));
    }

    @Test
    void cycleIsNamedAlongItsPath() {
        Map<String, List<String>> deps =
                Map.of("a", List.of("b"), "b", List.of("c"), "c", List.of("b"), "x", List.of());
        DependencyOrder.CycleException e =
                assertThrows(DependencyOrder.CycleException.class, () -> DependencyOrder.sort(deps));
        assertEquals(List.of("b", "c", "b"), e.cycle());
        assertEquals(List.of("s", "s"), DependencyOrder.cycle(Map.of("s", List.of("s"))));
    }
}
