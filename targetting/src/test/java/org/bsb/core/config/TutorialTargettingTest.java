package org.bsb.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.bsb.core.registry.MapRegistry;
import org.bsb.core.registry.RegistryEntry;
import org.bsb.core.registry.ServiceKind;
import org.bsb.targetting.BranchTargetting;
import org.bsb.targetting.ByIdTargetting;
import org.bsb.targetting.SomaTargetting;
import org.bsb.targetting.SphereTargetting;
import org.junit.jupiter.api.Test;

/** The tutorial's device nodes bind to the real targetting services' parameter records. */
class TutorialTargettingTest {
    @Test
    void tutorialDevicesBindToTheRealTargettingRecords() {
        MapRegistry registry = FakeServices.tutorial();
        for (ServiceKind kind : List.of(ServiceKind.CELL_TARGETTING, ServiceKind.LOCATION_TARGETTING)) {
            for (RegistryEntry e : registry.entries(kind)) {
                registry.unregister(e.service());
            }
        }
        registry.register(ServiceKind.CELL_TARGETTING, new ByIdTargetting());
        registry.register(ServiceKind.CELL_TARGETTING, new SphereTargetting());
        registry.register(ServiceKind.LOCATION_TARGETTING, new BranchTargetting());
        registry.register(ServiceKind.LOCATION_TARGETTING, new SomaTargetting());
        LoadedConfig loaded = ConfigLoader.load(TutorialConfigTest.YAML, registry, true);
        assertEquals(List.of(), loaded.warnings());
        Map<String, DeviceNode> devices =
                loaded.config().simulations().get("neuronsim").devices();

        DeviceNode gen = devices.get("spike_generator");
        assertEquals(
                new ByIdTargetting.Parameters(Map.of("stellate_cell", List.of(0)), null, null),
                gen.targetting()
                        .parameters()
                        .bind(ByIdTargetting.Parameters.class, "devices.spike_generator.targetting"));
        assertEquals(
                new BranchTargetting.Parameters(List.of("dendrites"), 0.5),
                gen.locations()
                        .parameters()
                        .bind(BranchTargetting.Parameters.class, "devices.spike_generator.locations"));
        DeviceNode vrec = devices.get("vrecorder");
        assertEquals(
                new SphereTargetting.Parameters(
                        List.of(50.0, 100.0, 150.0), 100.0, List.of("stellate_cell"), null, null),
                vrec.targetting().parameters().bind(SphereTargetting.Parameters.class, "devices.vrecorder.targetting"));
    }
}
