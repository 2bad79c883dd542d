package org.bsb.targetting;

import java.util.ArrayList;
import java.util.List;
import org.bsb.api.BsbName;
import org.bsb.api.NoParameters;
import org.bsb.api.morphology.Morphology;
import org.bsb.api.targetting.LocationTargetting;
import org.osgi.service.component.annotations.Component;

/** {@code everywhere}: every point of every branch (the original's default). */
@Component(service = LocationTargetting.class)
@BsbName({"bsb.simulation.targetting.LocationTargetting", "everywhere"})
public class EverywhereTargetting implements LocationTargetting<NoParameters> {
    @Override
    public Class<NoParameters> parameterType() {
        return NoParameters.class;
    }

    @Override
    public List<int[]> select(Morphology morphology, NoParameters parameters) {
        List<int[]> out = new ArrayList<>();
        for (int b = 0; b < morphology.branches().size(); b++) {
            for (int i = 0; i < morphology.branches().get(b).size(); i++) {
                out.add(new int[] {b, i});
            }
        }
        return out;
    }
}
