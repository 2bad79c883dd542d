package org.bsb.neuron.devices;

import org.bsb.api.BsbName;
import org.bsb.api.Default;
import org.osgi.service.component.annotations.Component;

/**
 * {@code spike_recorder} (ours; bsb-neuron has none): spike times of each targeted location
 * (default the soma), as upward crossings of {@code threshold} mV (NEURON's NetCon default -20).
 */
@Component(service = org.bsb.api.simulation.DeviceType.class)
@BsbName({"spike_recorder"})
public class SpikeRecorder implements NeuronDevice<SpikeRecorder.Parameters> {
    public record Parameters(@Default("-20") double threshold) {}

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    @Override
    public void implement(DeviceContext context, Parameters p) {
        for (DeviceContext.Target target : context.targets()) {
            for (int[] location : target.locations()) {
                context.recordSpikes(target, location, p.threshold(), Locations.annotate(target, location));
            }
        }
    }
}
