package org.bsb.core.connectivity;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.bsb.api.Reporter;
import org.bsb.api.connectivity.CellPopulation;
import org.bsb.api.connectivity.ConnectionJob;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.morphology.Morphology;

/**
 * A connection job as the core hands it to a strategy: its populations, random stream, and the
 * connections it made, already mapped back to global ids and stored morphology locations.
 */
final class JobConnections<P extends Record> implements ConnectionJob<P> {
    /** Connections of one (pre type, post type) pair made by one {@code connect} call. */
    record Batch(String preType, String postType, ChunkId[] preChunks, int[] pre, int[] post) {
        int size() {
            return preChunks.length;
        }
    }

    private final String name;
    private final P parameters;
    private final ChunkId chunk;
    private final List<CellPopulation> presynaptic;
    private final List<CellPopulation> postsynaptic;
    private final Hemitype preHemi;
    private final Hemitype postHemi;
    private final RandomGenerator random;
    private final Reporter reporter;
    private final List<Batch> batches = new ArrayList<>();

    JobConnections(
            String name,
            P parameters,
            ChunkId chunk,
            List<CellPopulation> presynaptic,
            List<CellPopulation> postsynaptic,
            Hemitype preHemi,
            Hemitype postHemi,
            RandomGenerator random,
            Reporter reporter) {
        this.name = name;
        this.parameters = parameters;
        this.chunk = chunk;
        this.presynaptic = List.copyOf(presynaptic);
        this.postsynaptic = List.copyOf(postsynaptic);
        this.preHemi = preHemi;
        this.postHemi = postHemi;
        this.random = random;
        this.reporter = reporter;
    }

    @Override
    public String strategyName() {
        return name;
    }

    @Override
    public P parameters() {
        return parameters;
    }

    @Override
    public ChunkId chunk() {
        return chunk;
    }

    @Override
    public List<CellPopulation> presynaptic() {
        return presynaptic;
    }

    @Override
    public List<CellPopulation> postsynaptic() {
        return postsynaptic;
    }

    @Override
    public List<String> presynapticLabels() {
        return preHemi.morphologyLabels();
    }

    @Override
    public List<String> postsynapticLabels() {
        return postHemi.morphologyLabels();
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public Reporter reporter() {
        return reporter;
    }

    @Override
    public void connect(CellPopulation pre, CellPopulation post, int[] preLocations, int[] postLocations) {
        ChunkPopulation from = own(pre, presynaptic, "presynaptic");
        ChunkPopulation to = own(post, postsynaptic, "postsynaptic");
        if (preLocations.length != postLocations.length || preLocations.length % 3 != 0) {
            throw new IllegalArgumentException(name + ": connect() needs as many presynaptic as postsynaptic"
                    + " (cell, branch, point) triples, got " + preLocations.length + " and "
                    + postLocations.length + " numbers");
        }
        int n = preLocations.length / 3;
        int[] preOut = new int[3 * n];
        int[] postOut = new int[3 * n];
        ChunkId[] chunks = new ChunkId[n];
        for (int k = 0; k < n; k++) {
            int i = check(from, preLocations, k, "presynaptic");
            int j = check(to, postLocations, k, "postsynaptic");
            preOut[3 * k] = Math.toIntExact(from.globalId(i));
            from.mapBack(i, preLocations[3 * k + 1], preLocations[3 * k + 2], preOut, 3 * k + 1);
            postOut[3 * k] = Math.toIntExact(to.globalId(j));
            to.mapBack(j, postLocations[3 * k + 1], postLocations[3 * k + 2], postOut, 3 * k + 1);
            chunks[k] = from.chunk(i);
        }
        batches.add(new Batch(pre.cellType(), post.cellType(), chunks, preOut, postOut));
    }

    List<Batch> batches() {
        return batches;
    }

    private ChunkPopulation own(CellPopulation p, List<CellPopulation> side, String what) {
        for (CellPopulation q : side) {
            if (q == p) {
                return (ChunkPopulation) q;
            }
        }
        throw new IllegalArgumentException(name + ": connect() got a " + what + " population (" + p.cellType()
                + ") that is not one of this job's");
    }

    private int check(ChunkPopulation p, int[] locs, int k, String what) {
        int i = locs[3 * k], b = locs[3 * k + 1], pt = locs[3 * k + 2];
        if (i < 0 || i >= p.size()) {
            throw new IllegalArgumentException(name + ": " + what + " cell index " + i + " outside its " + p.cellType()
                    + " population of " + p.size());
        }
        Morphology m = p.morphology(i);
        if (b < 0 && pt < 0) {
            return i;
        }
        if (m == null
                || b < 0
                || b >= m.branches().size()
                || pt < 0
                || pt >= m.branches().get(b).size()) {
            throw new IllegalArgumentException(name + ": " + what + " location (branch " + b + ", point " + pt
                    + ") does not exist in the filtered morphology of " + p.cellType() + " cell " + i);
        }
        return i;
    }
}
