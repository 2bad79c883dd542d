package org.bsb.targetting;

import java.util.ArrayList;
import java.util.List;
import org.bsb.api.BsbName;
import org.bsb.api.Default;
import org.bsb.api.Required;
import org.bsb.api.morphology.Morphology;
import org.bsb.api.targetting.LocationTargetting;
import org.osgi.service.component.annotations.Component;

/**
 * {@code branch}: on each branch, the first location carrying all {@code labels} whose arc
 * interval [start, end) on its unit section contains {@code x} (default 0.5); at most one
 * location per branch, as in the original.
 */
@Component(service = LocationTargetting.class)
@BsbName({"bsb.simulation.targetting.BranchLocTargetting", "branch"})
public class BranchTargetting implements LocationTargetting<BranchTargetting.Parameters> {
    public record Parameters(
            @Required List<String> labels, @Default("0.5") Double x) {}

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    @Override
    public List<int[]> select(Morphology morphology, Parameters p) {
        List<String> labels = LabelTargetting.required(p.labels());
        double x = p.x() == null ? 0.5 : p.x();
        if (!(x >= 0 && x <= 1)) {
            throw new TargettingException("'x' must be between 0 and 1, got " + x);
        }
        List<int[]> out = new ArrayList<>();
        int lastBranch = -1;
        for (UnitSections.Section s : UnitSections.of(morphology)) {
            if (s.branch() == lastBranch || !LabelTargetting.carriesAll(s.labels(), labels)) {
                continue;
            }
            for (int i = s.start(); i < s.end(); i++) {
                if (s.arcStart(i) <= x && s.arcEnd(i) > x) {
                    out.add(new int[] {s.branch(), i});
                    lastBranch = s.branch();
                    break;
                }
            }
        }
        return out;
    }
}
