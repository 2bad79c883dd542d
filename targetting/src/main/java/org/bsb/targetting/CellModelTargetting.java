package org.bsb.targetting;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.bsb.api.BsbName;
import org.bsb.api.Required;
import org.bsb.api.targetting.CellTargetting;
import org.bsb.api.targetting.TargetCells;
import org.osgi.service.component.annotations.Component;

/** {@code cell_model}: every cell of the listed cell models. */
@Component(service = CellTargetting.class)
@BsbName({"bsb.simulation.targetting.CellModelTargetting", "cell_model"})
public class CellModelTargetting implements CellTargetting<CellModelTargetting.Parameters> {
    public record Parameters(@Required List<String> cellModels, Integer count, Double fraction) {}

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    @Override
    public Map<String, List<Integer>> select(TargetCells cells, Parameters p, RandomGenerator random) {
        Subset.validate(p.count(), p.fraction());
        if (p.cellModels() == null || p.cellModels().isEmpty()) {
            throw new TargettingException("'cell_models' is required: the cell models to target; known cell models: "
                    + String.join(", ", cells.cellModels()));
        }
        List<String> models = Populations.models(cells, p.cellModels(), "cell_models");
        return Subset.apply(Populations.filter(cells, models, model -> id -> true), p.count(), p.fraction(), random);
    }
}
