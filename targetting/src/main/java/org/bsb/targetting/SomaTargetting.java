package org.bsb.targetting;

import java.util.List;
import org.bsb.api.BsbName;
import org.bsb.api.NoParameters;
import org.bsb.api.morphology.Morphology;
import org.bsb.api.targetting.LocationTargetting;
import org.osgi.service.component.annotations.Component;

/**
 * {@code soma}: the location (0, 0), the first point of the first branch, which is the soma of
 * any SWC-derived morphology (as the original assumes); nothing on an empty morphology.
 */
@Component(service = LocationTargetting.class)
@BsbName({"bsb.simulation.targetting.SomaTargetting", "soma"})
public class SomaTargetting implements LocationTargetting<NoParameters> {
    @Override
    public Class<NoParameters> parameterType() {
        return NoParameters.class;
    }

    @Override
    public List<int[]> select(Morphology morphology, NoParameters parameters) {
        if (morphology.branches().isEmpty() || morphology.branches().get(0).size() == 0) {
            return List.of();
        }
        return List.<int[]>of(new int[] {0, 0});
    }
}
