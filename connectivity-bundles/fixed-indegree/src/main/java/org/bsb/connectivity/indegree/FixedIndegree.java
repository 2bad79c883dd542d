package org.bsb.connectivity.indegree;

import java.util.Collection;
import java.util.List;
import org.bsb.api.BsbName;
import org.bsb.api.Range;
import org.bsb.api.Required;
import org.bsb.api.connectivity.CellPopulation;
import org.bsb.api.connectivity.ConnectionJob;
import org.bsb.api.connectivity.ConnectionStrategy;
import org.bsb.api.connectivity.ConnectivityException;
import org.bsb.api.connectivity.RegionContext;
import org.bsb.api.connectivity.Sampling;
import org.bsb.api.geometry.ChunkId;
import org.osgi.service.component.annotations.Component;

/**
 * Gives every postsynaptic cell {@code indegree} distinct presynaptic partners drawn uniformly
 * from all presynaptic cells of all presynaptic types (the original's {@code FixedIndegree}).
 * Jobs run per postsynaptic chunk against every presynaptic chunk (the original's inverted
 * region of interest), so each postsynaptic cell is handled by exactly one job.
 */
@Component(service = ConnectionStrategy.class)
@BsbName({"bsb.connectivity.FixedIndegree", "bsb.connectivity.general.FixedIndegree", "fixed_indegree"})
public class FixedIndegree implements ConnectionStrategy<FixedIndegree.Parameters> {
    /** @param indegree presynaptic partners per postsynaptic cell */
    public record Parameters(@Required @Range(min = 0) int indegree) {}

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    @Override
    public boolean jobsPerPostsynapticChunk() {
        return true;
    }

    @Override
    public Collection<ChunkId> regionOfInterest(Parameters p, ChunkId chunk, RegionContext ctx) {
        return ctx.presynapticChunks();
    }

    @Override
    public void connect(ConnectionJob<Parameters> job) throws ConnectivityException {
        int degree = job.parameters().indegree();
        List<CellPopulation> pres = job.presynaptic();
        int high = pres.stream().mapToInt(CellPopulation::size).sum();
        if (degree < 0) {
            throw new ConnectivityException("indegree must be 0 or more, got " + degree);
        }
        if (high < degree) {
            throw new ConnectivityException("there are " + high + " presynaptic cells, too few to give each"
                    + " postsynaptic cell an indegree of " + degree);
        }
        int[] sizes = pres.stream().mapToInt(CellPopulation::size).toArray();
        for (CellPopulation post : job.postsynaptic()) {
            int[][][] pairs = Sampling.fixedDegreePartners(job.random(), post.size(), degree, sizes);
            for (int p = 0; p < pres.size(); p++) {
                if (pairs[p][0].length > 0) {
                    job.connect(
                            pres.get(p),
                            post,
                            Sampling.pointLocations(pairs[p][1]),
                            Sampling.pointLocations(pairs[p][0]));
                }
            }
        }
    }
}
