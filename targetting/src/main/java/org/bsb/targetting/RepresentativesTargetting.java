package org.bsb.targetting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.bsb.api.BsbName;
import org.bsb.api.Default;
import org.bsb.api.targetting.CellTargetting;
import org.bsb.api.targetting.TargetCells;
import org.osgi.service.component.annotations.Component;

/**
 * {@code representatives}: {@code n} (default 1) random cells of each cell model, or all of a
 * model's cells if it has fewer.
 */
@Component(service = CellTargetting.class)
@BsbName({"bsb.simulation.targetting.RepresentativesTargetting", "representatives"})
public class RepresentativesTargetting implements CellTargetting<RepresentativesTargetting.Parameters> {
    public record Parameters(@Default("1") Integer n, List<String> cellModels, Integer count, Double fraction) {}

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    @Override
    public Map<String, List<Integer>> select(TargetCells cells, Parameters p, RandomGenerator random) {
        Subset.validate(p.count(), p.fraction());
        int n = p.n() == null ? 1 : p.n();
        if (n < 0) {
            throw new TargettingException("'n' must be 0 or more, got " + n);
        }
        List<String> models = Populations.models(cells, p.cellModels(), "cell_models");
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        Populations.filter(cells, models, model -> id -> true)
                .forEach((model, ids) -> out.put(model, Subset.choose(ids, Math.min(n, ids.size()), random)));
        return Subset.apply(out, p.count(), p.fraction(), random);
    }
}
