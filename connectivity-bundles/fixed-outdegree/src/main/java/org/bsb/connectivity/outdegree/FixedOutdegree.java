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
    public record Parameters(@Required @Range(min = 0) int outdegree) {}

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
        int[] sizes = posts.stream().mapToInt(CellPopulation::size).toArray();
        for (CellPopulation pre : job.presynaptic()) {
            int[][][] pairs = Sampling.fixedDegreePartners(job.random(), pre.size(), degree, sizes);
            for (int p = 0; p < posts.size(); p++) {
                if (pairs[p][0].length > 0) {
                    job.connect(
                            pre,
                            posts.get(p),
                            Sampling.pointLocations(pairs[p][0]),
                            Sampling.pointLocations(pairs[p][1]));
                }
            }
        }
    }
}
