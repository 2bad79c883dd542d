package org.bsb.targetting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.bsb.api.BsbName;
import org.bsb.api.Required;
import org.bsb.api.targetting.CellTargetting;
import org.bsb.api.targetting.TargetCells;
import org.osgi.service.component.annotations.Component;

/**
 * {@code by_id}: the listed ids ({@code ids: {stellate_cell: [0, 3]}}), each an index into its
 * cell model's placement (0 to count-1). Unlike the original, which silently drops unknown
 * models and fails on ids it cannot convert, both are reported by name.
 */
@Component(service = CellTargetting.class)
@BsbName({"bsb.simulation.targetting.ByIdTargetting", "by_id"})
public class ByIdTargetting implements CellTargetting<ByIdTargetting.Parameters> {
    public record Parameters(@Required Map<String, List<Integer>> ids, Integer count, Double fraction) {}

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    @Override
    public Map<String, List<Integer>> select(TargetCells cells, Parameters p, RandomGenerator random) {
        Subset.validate(p.count(), p.fraction());
        if (p.ids() == null) {
            throw new TargettingException("'ids' is required: a map of cell model name to a list of cell ids");
        }
        Populations.models(cells, new ArrayList<>(p.ids().keySet()), "ids");
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        p.ids().forEach((model, ids) -> {
            int n = cells.count(model);
            TreeSet<Integer> unique = new TreeSet<>();
            for (Integer id : ids == null ? List.<Integer>of() : ids) {
                if (id == null || id < 0 || id >= n) {
                    throw new TargettingException("'ids." + model + "': cell model '" + model + "' has " + n
                            + " cells (ids 0 to " + (n - 1) + "), there is no id " + id);
                }
                unique.add(id);
            }
            out.put(model, new ArrayList<>(unique));
        });
        return Subset.apply(out, p.count(), p.fraction(), random);
    }
}
