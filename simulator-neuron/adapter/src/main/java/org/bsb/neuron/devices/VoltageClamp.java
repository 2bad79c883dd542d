package org.bsb.neuron.devices;

import java.util.List;
import java.util.Map;
import org.bsb.api.BsbName;
import org.bsb.api.Default;
import org.bsb.api.Required;
import org.osgi.service.component.annotations.Component;

/**
 * {@code vclamp} (alias {@code voltage_clamp}): an SEClamp at the middle of each location's arc
 * interval holding {@code holding} mV for {@code before} ms, then {@code voltage} for
 * {@code duration} ms, then {@code holding} for {@code after} ms; {@code voltage} may instead
 * give the three levels. Records the clamp current {@code i} (nA).
 */
@Component(service = org.bsb.api.simulation.DeviceType.class)
@BsbName({"bsb_neuron.devices.VoltageClamp", "vclamp", "voltage_clamp"})
public class VoltageClamp implements NeuronDevice<VoltageClamp.Parameters> {
    /** @param voltage a number, or a list of 3 numbers (before, during, after) */
    public record Parameters(
            @Required Object voltage,
            @Default("0") double before,
            Double duration,
            @Default("0") double after,
            @Default("-65") double holding) {}

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    @Override
    public void implement(DeviceContext context, Parameters p) {
        double[] levels = levels(p, context.device());
        for (DeviceContext.Target target : context.targets()) {
            if (target.locations().size() > 1) {
                context.warn("device '" + context.device() + "': "
                        + target.locations().size() + " voltage clamps placed on " + target.cellModel() + " "
                        + target.cellId());
            }
            for (int[] location : target.locations()) {
                DeviceContext.Point clamp = context.addPointProcess(
                        target,
                        location,
                        0.5,
                        "SEClamp",
                        Map.of(
                                "dur1",
                                p.before(),
                                "amp1",
                                levels[0],
                                "dur2",
                                p.duration() == null ? CurrentClamp.FOREVER : p.duration(),
                                "amp2",
                                levels[1],
                                "dur3",
                                p.after(),
                                "amp3",
                                levels[2]));
                context.recordPoint(clamp, "i", "nA", Locations.annotate(target, location));
            }
        }
    }

    static double[] levels(Parameters p, String device) {
        Object v = p.voltage();
        if (v instanceof Number n) {
            return new double[] {p.holding(), n.doubleValue(), p.holding()};
        }
        if (v instanceof List<?> list && list.size() == 3 && list.stream().allMatch(x -> x instanceof Number)) {
            return list.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
        }
        throw new DeviceException(
                "device '" + device + "': 'voltage' must be a number or a list of 3 numbers, got " + v);
    }
}
