package org.bsb.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bsb.api.BsbName;
import org.bsb.api.NoParameters;
import org.bsb.api.UnknownServiceException;
import org.bsb.api.placement.PlacementJob;
import org.bsb.api.placement.PlacementStrategy;
import org.junit.jupiter.api.Test;

class MapRegistryTest {
    @BsbName({"bsb.placement.RandomPlacement", "random_placement"})
    static final class FakeRandom implements PlacementStrategy<NoParameters> {
        @Override
        public Class<NoParameters> parameterType() {
            return NoParameters.class;
        }

        @Override
        public void place(PlacementJob<NoParameters> job) {}
    }

    @Test
    void resolvesEveryNameOfAService() {
        MapRegistry registry = new MapRegistry();
        FakeRandom random = new FakeRandom();
        registry.register(ServiceKind.PLACEMENT, random);
        assertSame(random, registry.resolve(ServiceKind.PLACEMENT, "bsb.placement.RandomPlacement"));
        assertSame(random, registry.resolve(ServiceKind.PLACEMENT, "random_placement"));
    }

    @Test
    void unknownNameListsKnownNamesAndSuggestsTheClosest() {
        MapRegistry registry = new MapRegistry();
        registry.register(ServiceKind.PLACEMENT, new FakeRandom());
        UnknownServiceException e = assertThrows(
                UnknownServiceException.class,
                () -> registry.resolve(ServiceKind.PLACEMENT, "bsb.placement.RandomPlacment"));
        assertEquals("bsb.placement.RandomPlacement", e.suggestion());
        assertEquals(List.of("bsb.placement.RandomPlacement", "random_placement"), e.known());
        assertTrue(e.getMessage().contains("Did you mean 'bsb.placement.RandomPlacement'?"), e.getMessage());
        assertTrue(e.getMessage().startsWith("Unknown placement strategy 'bsb.placement.RandomPlacment'"));
    }

    @Test
    void kindsAreSeparate() {
        MapRegistry registry = new MapRegistry();
        registry.register(ServiceKind.PLACEMENT, new FakeRandom());
        UnknownServiceException e = assertThrows(
                UnknownServiceException.class, () -> registry.resolve(ServiceKind.CONNECTIVITY, "random_placement"));
        assertTrue(e.known().isEmpty());
        assertTrue(e.getMessage().contains("(none installed)"));
    }

    @Test
    void unregisteredServicesDisappear() {
        MapRegistry registry = new MapRegistry();
        FakeRandom random = new FakeRandom();
        registry.register(ServiceKind.PLACEMENT, random);
        assertTrue(registry.unregister(random));
        assertTrue(registry.entries(ServiceKind.PLACEMENT).isEmpty());
        assertThrows(UnknownServiceException.class, () -> registry.resolve(ServiceKind.PLACEMENT, "random_placement"));
    }

    @Test
    void refusesAServiceOfTheWrongKind() {
        MapRegistry registry = new MapRegistry();
        assertThrows(IllegalArgumentException.class, () -> registry.register(ServiceKind.STORAGE, new FakeRandom()));
    }

    @Test
    void farNamesGetNoSuggestion() {
        assertNull(NameSuggester.closest("voxel_intersection", List.of("random_placement", "fixed_positions")));
        assertEquals("all_to_all", NameSuggester.closest("all_to_al", List.of("all_to_all", "fixed_indegree")));
        assertEquals(3, NameSuggester.distance("kitten", "sitting"));
    }
}
