package org.bsb.connectivity.voxel;

import org.bsb.api.Default;
import org.bsb.api.Range;

/**
 * Parameters of {@code VoxelIntersection}.
 *
 * @param affinity fraction of the candidate partners of each cell that are tried (0..1)
 * @param contacts synapses per connected pair: a number or a distribution node (see {@link Contacts});
 *     the integer part of a draw is used, 0 or less: none
 * @param voxelsPre voxels the presynaptic morphologies are divided into
 * @param voxelsPost voxels the postsynaptic morphologies are divided into
 * @param maxVoxelEdgePre if given (µm), the presynaptic voxels' longest edge; replaces voxels_pre
 * @param maxVoxelEdgePost if given (µm), the postsynaptic voxels' longest edge; replaces voxels_post
 * @param cache keep voxelized morphologies between cells (and jobs)
 * @param favorCache {@code pre} or {@code post}: the side whose morphologies stay fixed and cached
 */
public record VoxelIntersectionParameters(
        @Default("1") @Range(min = 0, max = 1) double affinity,
        @Default("1") Object contacts,
        @Default("50") @Range(min = 1) int voxelsPre,
        @Default("50") @Range(min = 1) int voxelsPost,
        @Range(min = 0, minExclusive = true) Double maxVoxelEdgePre,
        @Range(min = 0, minExclusive = true) Double maxVoxelEdgePost,
        @Default("true") boolean cache,
        @Default("pre") String favorCache) {
    public static final VoxelIntersectionParameters DEFAULTS =
            new VoxelIntersectionParameters(1, 1L, 50, 50, null, null, true, "pre");

    public VoxelIntersectionParameters withAffinity(double a) {
        return new VoxelIntersectionParameters(
                a, contacts, voxelsPre, voxelsPost, maxVoxelEdgePre, maxVoxelEdgePost, cache, favorCache);
    }

    public VoxelIntersectionParameters withVoxels(int pre, int post) {
        return new VoxelIntersectionParameters(
                affinity, contacts, pre, post, maxVoxelEdgePre, maxVoxelEdgePost, cache, favorCache);
    }

    public VoxelIntersectionParameters withMaxVoxelEdge(Double pre, Double post) {
        return new VoxelIntersectionParameters(affinity, contacts, voxelsPre, voxelsPost, pre, post, cache, favorCache);
    }

    public VoxelIntersectionParameters withFavorCache(String side) {
        return new VoxelIntersectionParameters(
                affinity, contacts, voxelsPre, voxelsPost, maxVoxelEdgePre, maxVoxelEdgePost, cache, side);
    }

    public VoxelIntersectionParameters withContacts(Object n) {
        return new VoxelIntersectionParameters(
                affinity, n, voxelsPre, voxelsPost, maxVoxelEdgePre, maxVoxelEdgePost, cache, favorCache);
    }
}
