package org.bsb.targetting;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.bsb.api.BsbName;
import org.bsb.api.Required;
import org.bsb.api.targetting.CellTargetting;
import org.bsb.api.targetting.TargetCells;
import org.osgi.service.component.annotations.Component;

/** {@code sphere}: cells whose soma position lies strictly inside the sphere (distance² < radius²). */
@Component(service = CellTargetting.class)
@BsbName({"bsb.simulation.targetting.SphericalTargetting", "sphere"})
public class SphereTargetting implements CellTargetting<SphereTargetting.Parameters> {
    /** @param origin x, y, z (µm); @param radius µm */
    public record Parameters(
            @Required List<Double> origin,
            @Required Double radius,
            List<String> cellModels,
            Integer count,
            Double fraction) {}

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    @Override
    public Map<String, List<Integer>> select(TargetCells cells, Parameters p, RandomGenerator random) {
        Subset.validate(p.count(), p.fraction());
        double[] o = Populations.vector(p.origin(), 3, "origin");
        double r = Populations.required(p.radius(), "radius");
        double r2 = r * r;
        List<String> models = Populations.models(cells, p.cellModels(), "cell_models");
        return Subset.apply(
                Populations.filter(cells, models, model -> id -> {
                    double[] x = cells.position(model, id);
                    double dx = x[0] - o[0];
                    double dy = x[1] - o[1];
                    double dz = x[2] - o[2];
                    return dx * dx + dy * dy + dz * dz < r2;
                }),
                p.count(),
                p.fraction(),
                random);
    }
}
