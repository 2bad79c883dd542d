package org.bsb.testsupport;

import java.util.Arrays;
import java.util.List;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.storage.ConnectivityBlock;
import org.bsb.api.storage.PlacementBlock;

/** Placed cells and connections as the connectivity tests build and compare them. */
public final class ConnectivityFixtures {
    private ConnectivityFixtures() {}

    /** {@code n} cells of {@code type} in {@code chunk}, all at the origin, unrotated, without a morphology (-1). */
    public static PlacementBlock cellsWithoutMorphology(String type, ChunkId chunk, int n) {
        int[] morphologies = new int[n];
        Arrays.fill(morphologies, -1);
        return new PlacementBlock(type, chunk, new double[3 * n], new double[3 * n], morphologies, List.of());
    }

    /**
     * The blocks as text, one line per block (set, presynaptic chunk, both location arrays), to compare two
     * runs' connections in one assertion.
     */
    public static String render(List<ConnectivityBlock> blocks) {
        StringBuilder sb = new StringBuilder();
        for (ConnectivityBlock b : blocks) {
            sb.append(b.set())
                    .append(b.preChunk())
                    .append(Arrays.toString(b.preLocations()))
                    .append(Arrays.toString(b.postLocations()))
                    .append('\n');
        }
        return sb.toString();
    }
}
