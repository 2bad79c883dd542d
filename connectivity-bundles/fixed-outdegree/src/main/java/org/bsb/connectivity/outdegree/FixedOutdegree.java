package org.bsb.connectivity.outdegree;

import java.util.List;
import org.bsb.api.BsbName;
import org.bsb.api.Range;
import org.bsb.api.Required;
import org.bsb.api.connectivity.CellPopulation;
import org.bsb.api.connectivity.ConnectionJob;
import org.bsb.api.connectivity.ConnectionStrategy;
import org.bsb.api.connectivity.ConnectivityException;
import org.bsb.api.connectivity.Sampling;
import org.osgi.service.component.annotations.Component;

/**
 * Gives every presynaptic cell {@code outdegree} distinct postsynaptic partners drawn uniformly
 * from all postsynaptic cells of all postsynaptic types (the original's {@code FixedOutdegree}).
 * Jobs run per presynaptic chunk against every postsynaptic chunk.
 */
@Component(service = ConnectionStrategy.class)
@BsbName({"bsb.connectivity.FixedOutdegree", "bsb.connectivity.general.FixedOutdegree", "fixed_outdegree"})
public class FixedOutdegree implements ConnectionStrategy<FixedOutdegree.Parameters> {
    /** @param outdegree postsynaptic partners per presynaptic cell */
    public record Parameters(@Required @Range(min = 0) int outdegree) {
    }

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    @Override
    public void connect(ConnectionJob<Parameters> job) throws ConnectivityException {
        int degree = job.parameters().outdegree();
        List<CellPopulation> posts = job.postsynaptic();
        int high = posts.stream().mapToInt(CellPopulation::size).sum();
        if (degree < 0) {
            throw new ConnectivityException("outdegree must be 0 or more, got " + degree);
        }
        if (high < degree) {
            throw new ConnectivityException("there are " + high + " postsynaptic cells, too few to give each"
                    + " presynaptic cell an outdegree of " + degree);
        }
        for (CellPopulation pre : job.presynaptic()) {
            int n = pre.size();
            int[] drawn = new int[n * degree];
            for (int i = 0; i < n; i++) {
                System.arraycopy(Sampling.distinct(job.random(), high, degree), 0, drawn, i * degree, degree);
            }
            int low = 0;
            for (CellPopulation post : posts) {
                int top = low + post.size();
                int count = 0;
                for (int v : drawn) {
                    count += v >= low && v < top ? 1 : 0;
                }
                int[] from = new int[3 * count];
                int[] to = new int[3 * count];
                int k = 0;
                for (int d = 0; d < drawn.length; d++) {
                    if (drawn[d] >= low && drawn[d] < top) {
                        from[3 * k] = d / degree;
                        from[3 * k + 1] = -1;
                        from[3 * k + 2] = -1;
                        to[3 * k] = drawn[d] - low;
                        to[3 * k + 1] = -1;
                        to[3 * k + 2] = -1;
                        k++;
                    }
                }
                if (count > 0) {
                    job.connect(pre, post, from, to);
                }
                low = top;
            }
        }
    }
}
