package org.bsb.neuron.devices;

import java.util.Map;
import org.bsb.api.BsbName;
import org.bsb.api.Default;
import org.bsb.api.Range;
import org.bsb.api.Required;
import org.osgi.service.component.annotations.Component;

/**
 * {@code current_clamp}: an IClamp of {@code amplitude} nA from {@code before} ms for
 * {@code duration} ms (default: to the end) at the middle of each location's arc interval;
 * records its current {@code i} (nA). Warns if a cell gets several clamps.
 */
@Component(service = org.bsb.api.simulation.DeviceType.class)
@BsbName({"bsb_neuron.devices.CurrentClamp", "current_clamp"})
public class CurrentClamp implements NeuronDevice<CurrentClamp.Parameters> {
    /** An IClamp duration that outlasts any simulation. */
    static final double FOREVER = 1e9;

    public record Parameters(
            @Required Double amplitude,
            @Default("0") @Range(min = 0) double before,
            @Range(min = 0) Double duration) {}

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    @Override
    public void implement(DeviceContext context, Parameters p) {
        for (DeviceContext.Target target : context.targets()) {
            if (target.locations().size() > 1) {
                context.warn("device '" + context.device() + "': "
                        + target.locations().size() + " current clamps placed on " + target.cellModel() + " "
                        + target.cellId());
            }
            for (int[] location : target.locations()) {
                DeviceContext.Point clamp = context.addPointProcess(
                        target,
                        location,
                        0.5,
                        "IClamp",
                        Map.of(
                                "del",
                                p.before(),
                                "dur",
                                p.duration() == null ? FOREVER : p.duration(),
                                "amp",
                                p.amplitude()));
                context.recordPoint(clamp, "i", "nA", Locations.annotate(target, location));
            }
        }
    }
}
