package org.bsb.targetting;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.bsb.api.BsbName;
import org.bsb.api.targetting.CellTargetting;
import org.bsb.api.targetting.TargetCells;
import org.osgi.service.component.annotations.Component;

/** {@code all}: every cell of every cell model (the original's default strategy). */
@Component(service = CellTargetting.class)
@BsbName({"bsb.simulation.targetting.CellTargetting", "all"})
public class AllTargetting implements CellTargetting<AllTargetting.Parameters> {
    /** @param count keep this many random cells per model; @param fraction or this fraction */
    public record Parameters(Integer count, Double fraction) {}

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    @Override
    public Map<String, List<Integer>> select(TargetCells cells, Parameters p, RandomGenerator random) {
        Subset.validate(p.count(), p.fraction());
        return Subset.apply(
                Populations.filter(cells, cells.cellModels(), model -> id -> true), p.count(), p.fraction(), random);
    }
}
