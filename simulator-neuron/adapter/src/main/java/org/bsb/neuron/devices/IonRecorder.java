package org.bsb.neuron.devices;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bsb.api.BsbName;
import org.bsb.api.Default;
import org.osgi.service.component.annotations.Component;

/**
 * {@code ion_recorder}: an ion's concentration inside ({@code variable: i}, mM, e.g. cai) or
 * outside ({@code o}, mM), its current ({@code current}, mA/cm²) or its reversal potential
 * ({@code e}, mV) in the middle of each location (default the soma), as bsb-neuron's ion recorder.
 */
@Component(service = org.bsb.api.simulation.DeviceType.class)
@BsbName({"bsb_neuron.devices.IonRecorder", "ion_recorder"})
public class IonRecorder implements NeuronDevice<IonRecorder.Parameters> {
    /** What each {@code variable} records: the cable network's ion quantity and its units. */
    private static final Map<String, String[]> VARIABLES = Map.of(
            "i",
            new String[] {"ci", "mM"},
            "o",
            new String[] {"co", "mM"},
            "current",
            new String[] {"cur", "mA/cm2"},
            "e",
            new String[] {"e", "mV"});

    public record Parameters(String ion, @Default("i") String variable) {}

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    @Override
    public void implement(DeviceContext context, Parameters p) {
        if (p.ion() == null || p.ion().isBlank()) {
            throw new DeviceException("device '" + context.device() + "': 'ion' is required, e.g. ion: ca");
        }
        String[] quantity = VARIABLES.get(p.variable());
        if (quantity == null) {
            throw new DeviceException("device '" + context.device() + "': variable '" + p.variable()
                    + "' is not one of i (inside concentration), o (outside concentration), current, e (reversal)");
        }
        for (DeviceContext.Target target : context.targets()) {
            for (int[] location : target.locations()) {
                Map<String, Object> annotations = new LinkedHashMap<>(Locations.annotate(target, location));
                annotations.put("ion", p.ion());
                annotations.put("variable", p.variable());
                // the middle of the location's interval: a section's end nodes carry no mechanisms, hence no ion
                // current
                context.recordIon(target, location, 0.5, p.ion(), quantity[0], quantity[1], annotations);
            }
        }
    }
}
