package org.bsb.connectivity.alltoall;

import java.util.Arrays;
import org.bsb.api.BsbName;
import org.bsb.api.Default;
import org.bsb.api.Range;
import org.bsb.api.connectivity.CellPopulation;
import org.bsb.api.connectivity.ConnectionJob;
import org.bsb.api.connectivity.ConnectionStrategy;
import org.bsb.api.connectivity.ConnectivityException;
import org.osgi.service.component.annotations.Component;

/**
 * Connects every presynaptic cell to every postsynaptic cell (the original's {@code AllToAll}),
 * each pair kept with probability {@code affinity}; cell-level connections (branch and point -1).
 * Autapses are included when a cell type is on both sides, as in the original.
 */
@Component(service = ConnectionStrategy.class)
@BsbName({"bsb.connectivity.AllToAll", "bsb.connectivity.general.AllToAll", "all_to_all"})
public class AllToAll implements ConnectionStrategy<AllToAll.Parameters> {
    /** @param affinity probability that a pair is connected (0..1, default 1) */
    public record Parameters(
            @Default("1") @Range(min = 0, max = 1) double affinity) {
        public static final Parameters DEFAULTS = new Parameters(1);
    }

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    @Override
    public void connect(ConnectionJob<Parameters> job) throws ConnectivityException {
        double a = job.parameters().affinity();
        if (!(a >= 0 && a <= 1)) {
            throw new ConnectivityException("affinity must be between 0 and 1, got " + a);
        }
        for (CellPopulation pre : job.presynaptic()) {
            for (CellPopulation post : job.postsynaptic()) {
                long pairs = (long) pre.size() * post.size();
                if (pairs == 0) {
                    continue;
                }
                int cap = (int) Math.min(Integer.MAX_VALUE / 3, a >= 1 ? pairs : Math.max(16, pairs * a * 1.1));
                int[] from = new int[3 * cap];
                int[] to = new int[3 * cap];
                int n = 0;
                for (int i = 0; i < pre.size(); i++) {
                    for (int j = 0; j < post.size(); j++) {
                        if (a < 1 && !(job.random().nextDouble() < a)) {
                            continue;
                        }
                        if (3 * n == from.length) {
                            from = Arrays.copyOf(from, 2 * from.length);
                            to = Arrays.copyOf(to, 2 * to.length);
                        }
                        from[3 * n] = i;
                        from[3 * n + 1] = -1;
                        from[3 * n + 2] = -1;
                        to[3 * n] = j;
                        to[3 * n + 1] = -1;
                        to[3 * n + 2] = -1;
                        n++;
                    }
                }
                job.connect(pre, post, Arrays.copyOf(from, 3 * n), Arrays.copyOf(to, 3 * n));
            }
        }
    }
}
