package org.bsb.placement.fixed;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.bsb.api.BsbName;
import org.bsb.api.geometry.Box;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.geometry.Point3;
import org.bsb.api.placement.PlacementException;
import org.bsb.api.placement.PlacementIndicator;
import org.bsb.api.placement.PlacementJob;
import org.bsb.api.placement.PlacementStrategy;
import org.osgi.service.component.annotations.Component;

/**
 * The original's {@code bsb.placement.FixedPositions}: places every cell type of the strategy
 * at the configured {@code positions}; one job per chunk holding a position (chunk =
 * floor(position / chunk_size)), each placing the positions inside its chunk.
 */
@Component(service = PlacementStrategy.class)
@BsbName({"bsb.placement.FixedPositions", "fixed_positions"})
public class FixedPositions implements PlacementStrategy<FixedPositionsParameters> {
    @Override
    public Class<FixedPositionsParameters> parameterType() {
        return FixedPositionsParameters.class;
    }

    @Override
    public List<ChunkId> jobChunks(
            FixedPositionsParameters parameters, List<ChunkId> partitionChunks, Point3 chunkSize) {
        TreeSet<ChunkId> chunks = new TreeSet<>();
        for (List<Double> p : positions(parameters)) {
            chunks.add(new ChunkId(
                    (int) Math.floor(p.get(0) / chunkSize.x()), (int) Math.floor(p.get(1) / chunkSize.y()), (int)
                            Math.floor(p.get(2) / chunkSize.z())));
        }
        return new ArrayList<>(chunks);
    }

    @Override
    public void place(PlacementJob<FixedPositionsParameters> job) throws PlacementException {
        List<List<Double>> all = positions(job.parameters());
        Box box = job.chunkBox();
        List<Double> inside = new ArrayList<>();
        for (List<Double> p : all) {
            // Half-open chunk boxes, so a position on a chunk boundary is placed exactly once.
            boolean in = true;
            for (int a = 0; a < 3; a++) {
                in &= p.get(a) >= box.min().get(a) && p.get(a) < box.max().get(a);
            }
            if (in) {
                inside.addAll(p);
            }
        }
        double[] positions = inside.stream().mapToDouble(Double::doubleValue).toArray();
        for (PlacementIndicator ind : job.indicators()) {
            job.reporter()
                    .report(
                            3,
                            "Placing " + positions.length / 3 + " " + ind.cellType() + " in ["
                                    + job.chunk().x() + " " + job.chunk().y() + " "
                                    + job.chunk().z() + "]");
            job.place(ind.cellType(), positions);
        }
    }

    private static List<List<Double>> positions(FixedPositionsParameters parameters) {
        if (parameters == null || parameters.positions() == null) {
            throw new IllegalArgumentException("FixedPositions needs 'positions', a list of [x, y, z]");
        }
        for (int i = 0; i < parameters.positions().size(); i++) {
            List<Double> p = parameters.positions().get(i);
            if (p == null || p.size() != 3 || p.stream().anyMatch(java.util.Objects::isNull)) {
                throw new IllegalArgumentException("positions[" + i + "]: expected [x, y, z], got " + p);
            }
        }
        return parameters.positions();
    }
}
