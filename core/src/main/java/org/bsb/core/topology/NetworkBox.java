package org.bsb.core.topology;

import java.util.ArrayList;
import java.util.List;
import org.bsb.api.geometry.Box;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.geometry.Point3;

/**
 * The config's {@code network} node: the box from {@code origin} to origin + (x, y, z), cut
 * into chunks of {@code chunk_size} on a grid anchored at the absolute origin.
 */
public record NetworkBox(Point3 origin, Point3 size, Point3 chunkSize) {
    public NetworkBox {
        for (int a = 0; a < 3; a++) {
            if (!(chunkSize.get(a) > 0)) {
                throw new IllegalArgumentException("network.chunk_size must be positive, got " + chunkSize);
            }
        }
    }

    public Box box() {
        return new Box(origin, origin.plus(size));
    }

    /** Every chunk a box touches, from floor(min / size) to ceil(max / size) - 1, sorted by id. */
    public static List<ChunkId> chunksOf(Box box, Point3 chunkSize) {
        int[] lo = new int[3];
        int[] hi = new int[3];
        for (int a = 0; a < 3; a++) {
            lo[a] = (int) Math.floor(box.min().get(a) / chunkSize.get(a));
            hi[a] = (int) Math.ceil(box.max().get(a) / chunkSize.get(a));
        }
        List<ChunkId> chunks = new ArrayList<>();
        for (int z = lo[2]; z < hi[2]; z++) {
            for (int y = lo[1]; y < hi[1]; y++) {
                for (int x = lo[0]; x < hi[0]; x++) {
                    chunks.add(new ChunkId(x, y, z));
                }
            }
        }
        chunks.sort(null);
        return chunks;
    }

    public List<ChunkId> chunks() {
        return chunksOf(box(), chunkSize);
    }
}
