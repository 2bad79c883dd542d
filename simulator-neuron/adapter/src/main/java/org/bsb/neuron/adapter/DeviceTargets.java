package org.bsb.neuron.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;
import org.bsb.api.ServiceLookup;
import org.bsb.api.morphology.Morphology;
import org.bsb.api.targetting.CellTargetting;
import org.bsb.api.targetting.LocationTargetting;
import org.bsb.api.targetting.TargetCells;
import org.bsb.core.config.DeviceNode;
import org.bsb.core.config.Parameters;
import org.bsb.neuron.devices.DeviceContext;
import org.bsb.neuron.devices.DeviceException;
import org.bsb.neuron.devices.NeuronDevice;
import org.bsb.targetting.TargettingException;

/**
 * Turns a device node's {@code targetting} and {@code locations} into the device's targets:
 * the cells its cell targetting selects, each with the locations its location targetting
 * selects on the cell's morphology ({@link NeuronDevice#defaultLocations()} if the node gives
 * none). Problems are reported with the device's config path.
 */
public final class DeviceTargets {
    private DeviceTargets() {}

    /**
     * @param path config path of the device node ({@code simulations.neuronsim.devices.vrecorder})
     * @param morphologies the morphology of a cell (model, id), or null if it has none
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static List<DeviceContext.Target> resolve(
            DeviceNode node,
            NeuronDevice<?> device,
            String path,
            ServiceLookup services,
            TargetCells cells,
            BiFunction<String, Integer, Morphology> morphologies,
            RandomGenerator random) {
        CellTargetting cellTargetting =
                services.resolve(CellTargetting.class, node.targetting().strategy());
        Record cellParameters =
                node.targetting().parameters().bind(cellTargetting.parameterType(), path + ".targetting");
        Map<String, List<Integer>> selected;
        try {
            selected = cellTargetting.select(cells, cellParameters, random);
        } catch (TargettingException e) {
            throw new DeviceException(path + ".targetting: " + e.getMessage());
        }
        if (selected.values().stream().allMatch(List::isEmpty)) {
            // A device on nothing is almost always a config mistake (a misspelt model, an empty id list)
            throw new DeviceException(path + ": device '" + path.substring(path.lastIndexOf('.') + 1)
                    + "' selects no cell: its targetting '" + node.targetting().strategy() + "' "
                    + node.targetting().parameters().values() + " matched none of the cells of " + cells.cellModels());
        }
        String strategy = node.locations() != null ? node.locations().strategy() : device.defaultLocations();
        if (strategy == null) {
            throw new DeviceException(path + ".locations is required for a '" + node.device() + "' device");
        }
        LocationTargetting locationTargetting = services.resolve(LocationTargetting.class, strategy);
        Parameters given = node.locations() != null ? node.locations().parameters() : Parameters.none();
        Record locationParameters = given.bind(locationTargetting.parameterType(), path + ".locations");
        List<DeviceContext.Target> out = new ArrayList<>();
        selected.forEach((model, ids) -> {
            for (int id : ids) {
                Morphology m = morphologies.apply(model, id);
                List<int[]> locations;
                try {
                    locations = m == null ? List.of() : locationTargetting.select(m, locationParameters);
                } catch (TargettingException e) {
                    throw new DeviceException(path + ".locations: " + e.getMessage());
                }
                out.add(new DeviceContext.Target(model, id, locations));
            }
        });
        return out;
    }
}
