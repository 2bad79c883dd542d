package org.bsb.api.connectivity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bsb.api.geometry.Box;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.geometry.Point3;

/**
 * What a strategy may use to choose a job's region of interest: the chunks where each hemitype
 * has cells, and the bounds of each hemitype's stored (unrotated, unfiltered) morphologies.
 */
public interface RegionContext {
    Point3 chunkSize();

    /** Chunks holding cells of any presynaptic cell type, sorted. */
    Set<ChunkId> presynapticChunks();

    /** Chunks holding cells of any postsynaptic cell type, sorted. */
    Set<ChunkId> postsynapticChunks();

    /** Smallest box holding every stored presynaptic morphology, or null without morphologies. */
    Box presynapticMorphologyBounds();

    /** Smallest box holding every stored postsynaptic morphology, or null without morphologies. */
    Box postsynapticMorphologyBounds();

    /**
     * The postsynaptic chunks whose cells' morphologies may reach those of a presynaptic cell in
     * {@code preChunk} (the original's {@code Intersectional.get_region_of_interest}): per axis
     * from {@code c + lPre - uPost} to {@code c + uPre - lPost}, with l/u the floored chunk
     * coordinates of the hemitypes' morphology bounds; kept if postsynaptic cells live there.
     * Point neurons count as morphologies of zero extent.
     */
    default List<ChunkId> morphologyOverlap(ChunkId preChunk) {
        Box pre = presynapticMorphologyBounds();
        Box post = postsynapticMorphologyBounds();
        Point3 cs = chunkSize();
        int[] lo = new int[3], hi = new int[3];
        int[] c = {preChunk.x(), preChunk.y(), preChunk.z()};
        for (int a = 0; a < 3; a++) {
            int lPre = pre == null ? 0 : (int) Math.floor(pre.min().get(a) / cs.get(a));
            int uPre = pre == null ? 0 : (int) Math.floor(pre.max().get(a) / cs.get(a));
            int lPost = post == null ? 0 : (int) Math.floor(post.min().get(a) / cs.get(a));
            int uPost = post == null ? 0 : (int) Math.floor(post.max().get(a) / cs.get(a));
            lo[a] = c[a] + lPre - uPost;
            hi[a] = c[a] + uPre - lPost;
        }
        List<ChunkId> out = new ArrayList<>();
        for (ChunkId p : postsynapticChunks()) {
            if (p.x() >= lo[0]
                    && p.x() <= hi[0]
                    && p.y() >= lo[1]
                    && p.y() <= hi[1]
                    && p.z() >= lo[2]
                    && p.z() <= hi[2]) {
                out.add(p);
            }
        }
        return out;
    }
}
