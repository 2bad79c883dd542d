package org.bsb.neuron.devices;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bsb.api.BsbName;
import org.bsb.api.Default;
import org.bsb.api.Range;
import org.osgi.service.component.annotations.Component;

/**
 * {@code spike_generator}: drives synapses at the targeted locations with a NetStim ({@code start},
 * {@code number}, {@code interval}, {@code noise}; NEURON's defaults where absent) or, given a
 * {@code pattern} of times, a VecStim; one stimulus per synapse, connected with {@code weight}
 * and {@code delay}.
 *
 * <p>With {@code synapses} listed, a new synapse of each listed type is inserted at each
 * location and driven (DESIGN §9: the original only looks for already inserted synapses of
 * those types, so the tutorial's AMPA/NMDA stimulus drives nothing there). Without
 * {@code synapses}, every synapse already on the location's section is driven, as the original.
 */
@Component(service = org.bsb.api.simulation.DeviceType.class)
@BsbName({"bsb_neuron.devices.SpikeGenerator", "spike_generator"})
public class SpikeGenerator implements NeuronDevice<SpikeGenerator.Parameters> {
    public record Parameters(
            Double start,
            Double number,
            Double interval,
            @Range(min = 0, max = 1) Double noise,
            @Default("0.04") double weight,
            @Default("0") @Range(min = 0) double delay,
            List<Double> pattern,
            List<String> synapses) {}

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    @Override
    public void implement(DeviceContext context, Parameters p) {
        for (DeviceContext.Target target : context.targets()) {
            for (int[] location : target.locations()) {
                List<DeviceContext.Point> synapses;
                if (p.synapses() != null && !p.synapses().isEmpty()) {
                    synapses = p.synapses().stream()
                            .map(s -> context.insertSynapse(target, location, s))
                            .toList();
                } else {
                    synapses = context.synapsesOn(target, location, List.of());
                    if (synapses.isEmpty()) {
                        context.warn("device '" + context.device() + "': no synapse on " + target.cellModel() + " "
                                + target.cellId() + " at location " + location[0] + "." + location[1]
                                + " to stimulate; name the synapse types to insert under 'synapses'");
                    }
                }
                for (DeviceContext.Point synapse : synapses) {
                    context.connect(stimulus(context, p), synapse, p.weight(), p.delay());
                }
            }
        }
    }

    private static DeviceContext.Point stimulus(DeviceContext context, Parameters p) {
        if (p.pattern() != null && !p.pattern().isEmpty()) { // an absent list binds as empty
            DeviceContext.Point vecstim = context.addArtificialCell("VecStim", Map.of());
            context.setVector(
                    vecstim,
                    "times",
                    p.pattern().stream()
                            .mapToDouble(Double::doubleValue)
                            .sorted()
                            .toArray());
            return vecstim;
        }
        Map<String, Double> netstim = new LinkedHashMap<>();
        put(netstim, "start", p.start());
        put(netstim, "number", p.number());
        put(netstim, "interval", p.interval());
        put(netstim, "noise", p.noise());
        return context.addArtificialCell("NetStim", netstim);
    }

    private static void put(Map<String, Double> m, String key, Double value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
