package org.bsb.targetting;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.bsb.api.BsbName;
import org.bsb.api.Required;
import org.bsb.api.targetting.CellTargetting;
import org.bsb.api.targetting.TargetCells;
import org.osgi.service.component.annotations.Component;

/** {@code by_label}: cells that carry every listed placement label, optionally of some models only. */
@Component(service = CellTargetting.class)
@BsbName({"bsb.simulation.targetting.ByLabelTargetting", "by_label"})
public class ByLabelTargetting implements CellTargetting<ByLabelTargetting.Parameters> {
    public record Parameters(@Required List<String> labels, List<String> cellModels, Integer count, Double fraction) {}

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    @Override
    public Map<String, List<Integer>> select(TargetCells cells, Parameters p, RandomGenerator random) {
        Subset.validate(p.count(), p.fraction());
        if (p.labels() == null) {
            throw new TargettingException("'labels' is required: the cell labels to target");
        }
        List<String> models = Populations.models(cells, p.cellModels(), "cell_models");
        return Subset.apply(
                Populations.filter(cells, models, model -> id -> {
                    for (String label : p.labels()) {
                        if (!cells.hasLabel(model, id, label)) {
                            return false;
                        }
                    }
                    return true;
                }),
                p.count(),
                p.fraction(),
                random);
    }
}
