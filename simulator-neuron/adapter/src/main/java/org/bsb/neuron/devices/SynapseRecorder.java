package org.bsb.neuron.devices;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.bsb.api.BsbName;
import org.osgi.service.component.annotations.Component;

/**
 * {@code synapse_recorder}: the current {@code i} (nA) of every synapse on the sections of the
 * targeted locations whose type is in {@code synapse_types} (all if empty). {@code locations}
 * is required. A synapse is recorded once per cell even if several targeted locations share its
 * section (the original records it once per location).
 */
@Component(service = org.bsb.api.simulation.DeviceType.class)
@BsbName({"bsb_neuron.devices.SynapseRecorder", "synapse_recorder"})
public class SynapseRecorder implements NeuronDevice<SynapseRecorder.Parameters> {
    public record Parameters(List<String> synapseTypes) {}

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    @Override
    public String defaultLocations() {
        return null;
    }

    @Override
    public void implement(DeviceContext context, Parameters p) {
        List<String> types = p.synapseTypes() == null ? List.of() : p.synapseTypes();
        for (DeviceContext.Target target : context.targets()) {
            Set<DeviceContext.Point> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (int[] location : target.locations()) {
                for (DeviceContext.Point synapse : context.synapsesOn(target, location, types)) {
                    if (seen.add(synapse)) {
                        context.recordPoint(synapse, "i", "nA", Locations.annotate(target, location, synapse.name()));
                    }
                }
            }
        }
    }
}
