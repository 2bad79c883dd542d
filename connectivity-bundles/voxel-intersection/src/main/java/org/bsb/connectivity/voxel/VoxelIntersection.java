package org.bsb.connectivity.voxel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.random.RandomGenerator;
import org.bsb.api.BsbName;
import org.bsb.api.connectivity.CellPopulation;
import org.bsb.api.connectivity.ConnectionJob;
import org.bsb.api.connectivity.ConnectionStrategy;
import org.bsb.api.connectivity.ConnectivityException;
import org.bsb.api.connectivity.RegionContext;
import org.bsb.api.connectivity.Sampling;
import org.bsb.api.geometry.Box;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.geometry.EulerRotation;
import org.bsb.api.morphology.Branch;
import org.bsb.api.morphology.Morphology;
import org.osgi.service.component.annotations.Component;

/**
 * Connects cells where their label-filtered morphologies, cut into voxels, overlap (the
 * original's {@code VoxelIntersection}).
 *
 * <p>Per job: the "targets" (presynaptic cells of the chunk with {@code favor_cache: pre}) stay
 * fixed in their own frame and are voxelized once per morphology (cached); the "candidates"
 * (postsynaptic cells of the region of interest) whose rotated bounding boxes intersect a
 * target's (broad phase, closed boxes, autapses included) are thinned to {@code affinity},
 * moved into the target's frame (own rotation, translation, inverse target rotation) and
 * voxelized; each voxel overlapping a target voxel (open boxes: voxels that only touch do not
 * count) pairs up with it, weighted by the product of their point counts, and {@code contacts}
 * pairs are drawn with replacement, a uniformly random point in each voxel of the pair.
 *
 * <p>Voxel edges come from each cell's stored, unfiltered morphology bounds divided into
 * {@code voxels_pre}/{@code voxels_post} voxels (or at most {@code max_voxel_edge_*} µm long);
 * every grid is anchored at the origin of the target's frame, so cells with the same morphology
 * share one grid and matching voxels coincide.
 */
@Component(service = ConnectionStrategy.class)
@BsbName({
    "bsb.connectivity.VoxelIntersection",
    "bsb.connectivity.detailed.voxel_intersection.VoxelIntersection",
    "voxel_intersection"
})
public class VoxelIntersection implements ConnectionStrategy<VoxelIntersectionParameters> {
    /** Target voxel sets per (filtered morphology instance, edges), kept while the morphology lives. */
    private final Map<Morphology, Map<List<Double>, VoxelSet>> cache = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public Class<VoxelIntersectionParameters> parameterType() {
        return VoxelIntersectionParameters.class;
    }

    @Override
    public Collection<ChunkId> regionOfInterest(VoxelIntersectionParameters p, ChunkId chunk, RegionContext ctx) {
        return ctx.morphologyOverlap(chunk);
    }

    @Override
    public void connect(ConnectionJob<VoxelIntersectionParameters> job) throws ConnectivityException {
        VoxelIntersectionParameters p = job.parameters();
        check(p);
        boolean favorPre = !"post".equals(p.favorCache());
        Contacts contacts = Contacts.of(p.contacts());
        List<CellPopulation> targets = favorPre ? job.presynaptic() : job.postsynaptic();
        List<CellPopulation> candidates = favorPre ? job.postsynaptic() : job.presynaptic();
        for (CellPopulation t : targets) {
            for (CellPopulation c : candidates) {
                if (t.size() == 0
                        || c.size() == 0
                        || !hasPoints(job, t, favorPre ? "presynaptic" : "postsynaptic")
                        || !hasPoints(job, c, favorPre ? "postsynaptic" : "presynaptic")) {
                    continue;
                }
                Pair pair = new Pair(job.random(), p, contacts, t, c, favorPre);
                pair.run();
                if (favorPre) {
                    job.connect(t, c, pair.targetLocs.toArray(), pair.candLocs.toArray());
                } else {
                    job.connect(c, t, pair.candLocs.toArray(), pair.targetLocs.toArray());
                }
            }
        }
    }

    private static void check(VoxelIntersectionParameters p) throws ConnectivityException {
        if (!(p.affinity() >= 0 && p.affinity() <= 1)) {
            throw new ConnectivityException("affinity must be between 0 and 1, got " + p.affinity());
        }
        if (p.voxelsPre() < 1 || p.voxelsPost() < 1) {
            throw new ConnectivityException(
                    "voxels_pre and voxels_post must be at least 1, got " + p.voxelsPre() + " and " + p.voxelsPost());
        }
        for (Double e : new Double[] {p.maxVoxelEdgePre(), p.maxVoxelEdgePost()}) {
            if (e != null && !(e > 0)) {
                throw new ConnectivityException("max_voxel_edge_pre/post must be a positive length in µm, got " + e);
            }
        }
        if (!"pre".equals(p.favorCache()) && !"post".equals(p.favorCache())) {
            throw new ConnectivityException("favor_cache must be 'pre' or 'post', got '" + p.favorCache() + "'");
        }
    }

    /** Whether every cell has a morphology with points left after label filtering (else warns). */
    private static boolean hasPoints(ConnectionJob<?> job, CellPopulation pop, String side)
            throws ConnectivityException {
        List<String> empty = new ArrayList<>();
        for (int i = 0; i < pop.size(); i++) {
            Morphology m = pop.morphology(i);
            if (m == null) {
                throw new ConnectivityException("VoxelIntersection needs morphologies, but " + side + " cell type '"
                        + pop.cellType() + "' has cells without one");
            }
            if (m.pointCount() == 0 && !empty.contains(pop.morphologyName(i))) {
                empty.add(pop.morphologyName(i));
            }
        }
        if (!empty.isEmpty()) {
            List<String> labels = side.equals("presynaptic") ? job.presynapticLabels() : job.postsynapticLabels();
            job.reporter()
                    .warn(job.strategyName() + ": no point matching label filters " + labels + " in the " + side
                            + " morphologies of '" + pop.cellType() + "': " + empty + "; skipped");
            return false;
        }
        return true;
    }

    double[] edges(Box bounds, int n, Double maxEdge) {
        return maxEdge != null ? VoxelGrid.edgesAtMost(bounds, maxEdge) : VoxelGrid.edges(bounds, n);
    }

    private VoxelSet targetVoxels(Morphology m, double[] edges, boolean useCache) {
        if (!useCache) {
            return VoxelSet.of(m, edges);
        }
        List<Double> key = List.of(edges[0], edges[1], edges[2]);
        Map<List<Double>, VoxelSet> perMorpho;
        synchronized (cache) {
            perMorpho = cache.computeIfAbsent(m, k -> Collections.synchronizedMap(new HashMap<>()));
        }
        return perMorpho.computeIfAbsent(key, k -> VoxelSet.of(m, edges));
    }

    /** One (target population, candidate population) pass of a job. */
    private final class Pair {
        final RandomGenerator random;
        final VoxelIntersectionParameters p;
        final Contacts contacts;
        final CellPopulation targets;
        final CellPopulation cands;
        final int nTarget;
        final int nCand;
        final Double maxTarget;
        final Double maxCand;
        final IntList targetLocs = new IntList();
        final IntList candLocs = new IntList();
        /** Candidate points rotated into a target frame, per (morphology, combined rotation). */
        final Map<RotKey, Rotated> rotated = new HashMap<>();

        final LongIntMap candVoxels = new LongIntMap(256);

        Pair(
                RandomGenerator random,
                VoxelIntersectionParameters p,
                Contacts contacts,
                CellPopulation targets,
                CellPopulation cands,
                boolean favorPre) {
            this.random = random;
            this.contacts = contacts;
            this.p = p;
            this.targets = targets;
            this.cands = cands;
            nTarget = favorPre ? p.voxelsPre() : p.voxelsPost();
            nCand = favorPre ? p.voxelsPost() : p.voxelsPre();
            maxTarget = favorPre ? p.maxVoxelEdgePre() : p.maxVoxelEdgePost();
            maxCand = favorPre ? p.maxVoxelEdgePost() : p.maxVoxelEdgePre();
        }

        void run() {
            BoxIndex index = new BoxIndex(worldBoxes(cands));
            double[] tBoxes = worldBoxes(targets);
            for (int t = 0; t < targets.size(); t++) {
                int[] partners = affinity(index.query(tBoxes, 6 * t));
                if (partners.length == 0) {
                    continue;
                }
                Morphology tm = targets.morphology(t);
                VoxelSet tv = targetVoxels(tm, edges(targets.morphologyBounds(t), nTarget, maxTarget), p.cache());
                EulerRotation tInv = EulerRotation.of(targets.rotation(t)).inverse();
                double[] tPos = targets.position(t);
                for (int c : partners) {
                    intersect(t, tv, tInv, tPos, c);
                }
            }
        }

        /** A random floor(n a) + Bernoulli(frac(n a)) subset of the partners, kept in ascending order. */
        int[] affinity(int[] partners) {
            double a = p.affinity();
            if (a >= 1 || partners.length == 0) {
                return partners;
            }
            double want = partners.length * a;
            int k = (int) Math.floor(want);
            if (random.nextDouble() < want - k) {
                k++;
            }
            int[] picked = Sampling.distinct(random, partners.length, k);
            int[] out = new int[k];
            for (int i = 0; i < k; i++) {
                out[i] = partners[picked[i]];
            }
            java.util.Arrays.sort(out);
            return out;
        }

        void intersect(int t, VoxelSet tv, EulerRotation tInv, double[] tPos, int c) {
            Morphology cm = cands.morphology(c);
            double[] ce = edges(cands.morphologyBounds(c), nCand, maxCand);
            EulerRotation combined = tInv.after(EulerRotation.of(cands.rotation(c)));
            Rotated rot = rotatedPoints(cm, combined);
            double[] pts = rot.points;
            double[] cPos = cands.position(c);
            double[] d = new double[3];
            tInv.apply(new double[] {cPos[0] - tPos[0], cPos[1] - tPos[1], cPos[2] - tPos[2]}, 0, d, 0);
            double[] te = tv.edges;
            boolean sameGrid = ce[0] == te[0] && ce[1] == te[1] && ce[2] == te[2] && tv.hasDense();
            // only candidate points that can fall in a voxel overlapping an occupied target voxel matter
            double[] region = new double[6];
            for (int a = 0; a < 3; a++) {
                double margin = sameGrid ? 0 : ce[a];
                region[a] = tv.lo[a] * te[a] - margin - d[a];
                region[3 + a] = (tv.hi[a] + 1) * te[a] + margin - d[a];
            }
            // per point kept: its group (target voxel on the same grid, else candidate voxel)
            groupOfPoint.clear();
            pointIds.clear();
            vx.clear();
            candVoxels.clear();
            for (int b = 0; b < rot.branchStart.length - 1; b++) {
                if (!overlaps(rot.branchBoxes, 6 * b, region)) {
                    continue;
                }
                if (sameGrid) {
                    sameGridPoints(pts, rot.branchStart[b], rot.branchStart[b + 1], d, ce, tv, groupOfPoint, pointIds);
                } else {
                    ownGridPoints(
                            pts,
                            rot.branchStart[b],
                            rot.branchStart[b + 1],
                            d,
                            ce,
                            candVoxels,
                            vx,
                            groupOfPoint,
                            pointIds);
                }
            }
            if (pointIds.size() == 0) {
                return;
            }
            int ng = sameGrid ? tv.size() : vx.size() / 3;
            int[] groupCount = new int[ng];
            for (int k = 0; k < groupOfPoint.size(); k++) {
                groupCount[groupOfPoint.get(k)]++;
            }
            // pool of overlapping (candidate voxel, target voxel) pairs, weighted by point count products
            poolC.clear();
            poolT.clear();
            int pool = 0;
            long total = 0;
            for (int g = 0; g < ng; g++) {
                if (groupCount[g] == 0) {
                    continue;
                }
                if (sameGrid) {
                    total += (long) groupCount[g] * tv.count(g);
                    pool = addPool(pool, g, g, total);
                    continue;
                }
                int ix = vx.get(3 * g), iy = vx.get(3 * g + 1), iz = vx.get(3 * g + 2);
                int x0 = first(ix, ce[0], te[0]), x1 = last(ix, ce[0], te[0]);
                int y0 = first(iy, ce[1], te[1]), y1 = last(iy, ce[1], te[1]);
                int z0 = first(iz, ce[2], te[2]), z1 = last(iz, ce[2], te[2]);
                for (int x = x0; x <= x1; x++) {
                    for (int y = y0; y <= y1; y++) {
                        for (int z = z0; z <= z1; z++) {
                            int tvox = tv.find(x, y, z);
                            if (tvox >= 0) {
                                total += (long) groupCount[g] * tv.count(tvox);
                                pool = addPool(pool, g, tvox, total);
                            }
                        }
                    }
                }
            }
            if (total == 0) {
                return;
            }
            int contacts = this.contacts.draw(random);
            if (contacts <= 0) {
                return;
            }
            // candidate points per group, in point order
            int[] start = new int[ng + 1];
            for (int g = 0; g < ng; g++) {
                start[g + 1] = start[g] + groupCount[g];
            }
            int[] fill = java.util.Arrays.copyOf(start, ng);
            int[] members = new int[groupOfPoint.size()];
            for (int k = 0; k < groupOfPoint.size(); k++) {
                members[fill[groupOfPoint.get(k)]++] = pointIds.get(k);
            }
            for (int s = 0; s < contacts; s++) {
                long r = random.nextLong(total);
                int pick = upperBound(cumulative, pool, r);
                int g = poolC.get(pick);
                int tvox = poolT.get(pick);
                int cp = members[start[g] + random.nextInt(groupCount[g])];
                int tp = tv.start[tvox] + random.nextInt(tv.count(tvox));
                targetLocs.add(t);
                targetLocs.add(tv.branch[tp]);
                targetLocs.add(tv.point[tp]);
                candLocs.add(c);
                candLocs.add(rot.locations[2 * cp]);
                candLocs.add(rot.locations[2 * cp + 1]);
            }
        }

        /** Points from..to moved by d that fall in an occupied target voxel (grids coincide): group = that voxel. */
        private static void sameGridPoints(
                double[] pts,
                int from,
                int to,
                double[] d,
                double[] e,
                VoxelSet tv,
                IntList groupOfPoint,
                IntList pointIds) {
            double dx = d[0], dy = d[1], dz = d[2], ex = e[0], ey = e[1], ez = e[2];
            for (int i = from; i < to; i++) {
                int g = tv.findDense(
                        (int) Math.floor((pts[3 * i] + dx) / ex), (int) Math.floor((pts[3 * i + 1] + dy) / ey), (int)
                                Math.floor((pts[3 * i + 2] + dz) / ez));
                if (g >= 0) {
                    groupOfPoint.add(g);
                    pointIds.add(i);
                }
            }
        }

        /** Points from..to moved by d, grouped by their own voxel on the candidate's grid. */
        private static void ownGridPoints(
                double[] pts,
                int from,
                int to,
                double[] d,
                double[] e,
                LongIntMap voxels,
                IntList vx,
                IntList groupOfPoint,
                IntList pointIds) {
            for (int i = from; i < to; i++) {
                int ix = (int) Math.floor((pts[3 * i] + d[0]) / e[0]);
                int iy = (int) Math.floor((pts[3 * i + 1] + d[1]) / e[1]);
                int iz = (int) Math.floor((pts[3 * i + 2] + d[2]) / e[2]);
                int g = voxels.putIfAbsent(VoxelSet.key(ix, iy, iz), vx.size() / 3);
                if (g < 0) {
                    g = vx.size() / 3;
                    vx.add(ix);
                    vx.add(iy);
                    vx.add(iz);
                }
                groupOfPoint.add(g);
                pointIds.add(i);
            }
        }

        private final IntList groupOfPoint = new IntList();
        private final IntList pointIds = new IntList();
        private final IntList vx = new IntList();
        private final IntList poolC = new IntList();
        private final IntList poolT = new IntList();
        private long[] cumulative = new long[16];

        private int addPool(int pool, int g, int tvox, long total) {
            poolC.add(g);
            poolT.add(tvox);
            if (pool == cumulative.length) {
                cumulative = java.util.Arrays.copyOf(cumulative, 2 * pool);
            }
            cumulative[pool] = total;
            return pool + 1;
        }

        /** Points of a candidate morphology rotated by {@code rot}, cached per morphology and rotation. */
        Rotated rotatedPoints(Morphology m, EulerRotation rot) {
            RotKey key =
                    new RotKey(m, java.util.Arrays.stream(rot.matrix()).boxed().toList());
            return rotated.computeIfAbsent(key, k -> new Rotated(m, rot));
        }
    }

    /** First target grid index whose voxel overlaps (open) candidate voxel {@code k}. */
    static int first(int k, double ce, double te) {
        if (ce == te) {
            return k;
        }
        return (int) Math.floor(k * ce / te);
    }

    /** Last target grid index whose voxel overlaps (open) candidate voxel {@code k}. */
    static int last(int k, double ce, double te) {
        if (ce == te) {
            return k;
        }
        return (int) Math.ceil((k + 1) * ce / te) - 1;
    }

    /** Index of the first cumulative weight greater than {@code r}. */
    static int upperBound(long[] cumulative, int size, long r) {
        int lo = 0, hi = size - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > r) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Axis-aligned world boxes of the cells: stored bounds rotated by the cell's rotation, moved to its position. */
    static double[] worldBoxes(CellPopulation pop) {
        double[] out = new double[6 * pop.size()];
        for (int i = 0; i < pop.size(); i++) {
            Box b = EulerRotation.of(pop.rotation(i)).apply(pop.morphologyBounds(i));
            double[] pos = pop.position(i);
            for (int a = 0; a < 3; a++) {
                out[6 * i + a] = b.min().get(a) + pos[a];
                out[6 * i + 3 + a] = b.max().get(a) + pos[a];
            }
        }
        return out;
    }

    /** A morphology's points rotated, with per-branch point ranges and bounding boxes. */
    private static final class Rotated {
        final double[] points;
        final int[] branchStart;
        final double[] branchBoxes;
        /** (branch, point) of each point. */
        final int[] locations;

        Rotated(Morphology m, EulerRotation rot) {
            int n = m.pointCount();
            points = new double[3 * n];
            locations = new int[2 * n];
            branchStart = new int[m.branches().size() + 1];
            branchBoxes = new double[6 * m.branches().size()];
            int at = 0;
            for (int b = 0; b < m.branches().size(); b++) {
                Branch br = m.branches().get(b);
                branchStart[b] = at;
                double[] box = {
                    Double.POSITIVE_INFINITY,
                    Double.POSITIVE_INFINITY,
                    Double.POSITIVE_INFINITY,
                    Double.NEGATIVE_INFINITY,
                    Double.NEGATIVE_INFINITY,
                    Double.NEGATIVE_INFINITY
                };
                for (int p = 0; p < br.size(); p++, at++) {
                    rot.apply(br.points(), 3 * p, points, 3 * at);
                    locations[2 * at] = b;
                    locations[2 * at + 1] = p;
                    for (int a = 0; a < 3; a++) {
                        box[a] = Math.min(box[a], points[3 * at + a]);
                        box[3 + a] = Math.max(box[3 + a], points[3 * at + a]);
                    }
                }
                System.arraycopy(box, 0, branchBoxes, 6 * b, 6);
            }
            branchStart[m.branches().size()] = at;
        }
    }

    /** Whether box {@code boxes[o..o+5]} and {@code region} (min xyz, max xyz) intersect (closed). */
    static boolean overlaps(double[] boxes, int o, double[] region) {
        for (int a = 0; a < 3; a++) {
            if (boxes[o + a] > region[3 + a] || boxes[o + 3 + a] < region[a]) {
                return false;
            }
        }
        return true;
    }

    private record RotKey(Morphology morphology, List<Double> rotation) {
        @Override
        public boolean equals(Object o) {
            return o instanceof RotKey k && k.morphology == morphology && k.rotation.equals(rotation);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(morphology) * 31 + rotation.hashCode();
        }
    }
}
