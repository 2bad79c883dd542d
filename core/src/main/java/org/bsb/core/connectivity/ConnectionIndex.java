package org.bsb.core.connectivity;

import java.util.ArrayList;
import java.util.List;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.storage.ConnectivityBlock;
import org.bsb.core.network.PlacedCells;

/**
 * Loads the connections of one set by presynaptic or postsynaptic chunk. Blocks are stored per
 * presynaptic chunk; the postsynaptic chunk of a connection is found from the postsynaptic
 * cell's global id and the placement.
 */
public final class ConnectionIndex {
    /** Connections as (global cell id, branch, point) triples, flattened, pre and post side by side. */
    public record Connections(int[] pre, int[] post) {
        public int size() {
            return pre.length / 3;
        }
    }

    private final List<ConnectivityBlock> blocks;
    private final PlacedCells cells;

    public ConnectionIndex(List<ConnectivityBlock> blocks, PlacedCells cells) {
        this.blocks = blocks;
        this.cells = cells;
    }

    /** The set's connections whose presynaptic cell lies in {@code chunk}. */
    public Connections outgoing(String set, ChunkId chunk) {
        return collect(set, chunk, true);
    }

    /** The set's connections whose postsynaptic cell lies in {@code chunk}. */
    public Connections incoming(String set, ChunkId chunk) {
        return collect(set, chunk, false);
    }

    private Connections collect(String set, ChunkId chunk, boolean byPre) {
        List<int[]> pre = new ArrayList<>();
        List<int[]> post = new ArrayList<>();
        for (ConnectivityBlock b : blocks) {
            if (!b.set().equals(set) || (byPre && b.preChunk() != chunk.id())) {
                continue;
            }
            long lo = cells.offset(b.postType(), chunk);
            long hi = lo
                    + cells.blocks(b.postType(), chunk).stream()
                            .mapToLong(x -> x.size())
                            .sum();
            for (int k = 0; k < b.size(); k++) {
                int id = b.postLocations()[3 * k];
                if (byPre || (id >= lo && id < hi)) {
                    pre.add(new int[] {b.preLocations()[3 * k], b.preLocations()[3 * k + 1], b.preLocations()[3 * k + 2]
                    });
                    post.add(new int[] {id, b.postLocations()[3 * k + 1], b.postLocations()[3 * k + 2]});
                }
            }
        }
        int[] a = new int[3 * pre.size()];
        int[] c = new int[3 * pre.size()];
        for (int i = 0; i < pre.size(); i++) {
            System.arraycopy(pre.get(i), 0, a, 3 * i, 3);
            System.arraycopy(post.get(i), 0, c, 3 * i, 3);
        }
        return new Connections(a, c);
    }
}
