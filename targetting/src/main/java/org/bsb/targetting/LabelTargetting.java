package org.bsb.targetting;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bsb.api.BsbName;
import org.bsb.api.Required;
import org.bsb.api.morphology.Branch;
import org.bsb.api.morphology.Morphology;
import org.bsb.api.targetting.LocationTargetting;
import org.osgi.service.component.annotations.Component;

/**
 * {@code label}: every point whose label set holds all of {@code labels} (in the original the
 * test is on the point's section, whose labels are exactly its points' labels).
 */
@Component(service = LocationTargetting.class)
@BsbName({"bsb.simulation.targetting.LabelTargetting", "label"})
public class LabelTargetting implements LocationTargetting<LabelTargetting.Parameters> {
    public record Parameters(@Required List<String> labels) {}

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    @Override
    public List<int[]> select(Morphology morphology, Parameters p) {
        List<String> labels = required(p.labels());
        List<int[]> out = new ArrayList<>();
        for (int b = 0; b < morphology.branches().size(); b++) {
            Branch branch = morphology.branches().get(b);
            for (int i = 0; i < branch.size(); i++) {
                if (carriesAll(morphology.labelSet(branch.labels()[i]), labels)) {
                    out.add(new int[] {b, i});
                }
            }
        }
        return out;
    }

    static List<String> required(List<String> labels) {
        if (labels == null) {
            throw new TargettingException("'labels' is required: the morphology labels a location must carry");
        }
        return labels;
    }

    static boolean carriesAll(Set<String> pointLabels, List<String> labels) {
        return pointLabels.containsAll(labels);
    }
}
