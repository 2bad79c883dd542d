package org.bsb.neuron.devices;

import org.bsb.api.BsbName;
import org.bsb.api.NoParameters;
import org.osgi.service.component.annotations.Component;

/** {@code voltage_recorder}: the membrane potential (mV) at the start (arc 0) of each location. */
@Component(service = org.bsb.api.simulation.DeviceType.class)
@BsbName({"bsb_neuron.devices.VoltageRecorder", "voltage_recorder"})
public class VoltageRecorder implements NeuronDevice<NoParameters> {
    @Override
    public Class<NoParameters> parameterType() {
        return NoParameters.class;
    }

    @Override
    public void implement(DeviceContext context, NoParameters parameters) {
        for (DeviceContext.Target target : context.targets()) {
            for (int[] location : target.locations()) {
                context.recordVoltage(target, location, 0, Locations.annotate(target, location));
            }
        }
    }
}
