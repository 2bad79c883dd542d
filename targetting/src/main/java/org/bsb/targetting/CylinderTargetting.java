package org.bsb.targetting;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.bsb.api.BsbName;
import org.bsb.api.Default;
import org.bsb.api.Required;
import org.bsb.api.targetting.CellTargetting;
import org.bsb.api.targetting.TargetCells;
import org.osgi.service.component.annotations.Component;

/**
 * {@code cylinder}: cells strictly inside an infinite cylinder along {@code axis} (default
 * {@code y}); {@code origin} gives the two coordinates of its axis on the other axes, in x, y, z
 * order (for axis y: x and z).
 */
@Component(service = CellTargetting.class)
@BsbName({"bsb.simulation.targetting.CylindricalTargetting", "cylinder"})
public class CylinderTargetting implements CellTargetting<CylinderTargetting.Parameters> {
    public record Parameters(
            @Required List<Double> origin,
            @Default("y") String axis,
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
        double[] o = Populations.vector(p.origin(), 2, "origin");
        double r = Populations.required(p.radius(), "radius");
        double r2 = r * r;
        int[] axes = switch (p.axis() == null ? "y" : p.axis()) {
            case "x" -> new int[] {1, 2};
            case "y" -> new int[] {0, 2};
            case "z" -> new int[] {0, 1};
            default -> throw new TargettingException("'axis' must be one of x, y, z, got '" + p.axis() + "'");
        };
        List<String> models = Populations.models(cells, p.cellModels(), "cell_models");
        return Subset.apply(
                Populations.filter(cells, models, model -> id -> {
                    double[] x = cells.position(model, id);
                    double d0 = x[axes[0]] - o[0];
                    double d1 = x[axes[1]] - o[1];
                    return d0 * d0 + d1 * d1 < r2;
                }),
                p.count(),
                p.fraction(),
                random);
    }
}
