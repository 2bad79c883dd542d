package org.bsb.targetting;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.bsb.core.registry.MapRegistry;
import org.bsb.core.registry.ServiceKind;
import org.bsb.core.registry.ServiceLoaderRegistry;
import org.junit.jupiter.api.Test;

/** The names the tutorial's config uses resolve outside OSGi too (META-INF/services + @BsbName). */
class TargettingRegistryTest {
    @Test
    void tutorialNamesResolve() {
        MapRegistry registry = ServiceLoaderRegistry.load();
        assertInstanceOf(ByIdTargetting.class, registry.resolve(ServiceKind.CELL_TARGETTING, "by_id"));
        assertInstanceOf(SphereTargetting.class, registry.resolve(ServiceKind.CELL_TARGETTING, "sphere"));
        assertInstanceOf(
                SphereTargetting.class,
                registry.resolve(ServiceKind.CELL_TARGETTING, "bsb.simulation.targetting.SphericalTargetting"));
        assertInstanceOf(BranchTargetting.class, registry.resolve(ServiceKind.LOCATION_TARGETTING, "branch"));
        assertInstanceOf(SomaTargetting.class, registry.resolve(ServiceKind.LOCATION_TARGETTING, "soma"));
    }
}
