package org.bsb.api.geometry;

/**
 * Integer coordinates of a chunk, a cube of the network's {@code chunk_size}. Its id packs the
 * coordinates as unsigned 16-bit values, {@code x + 65536 y + 2^32 z}, as the original does;
 * chunks sort by id (z-major, then y, then x).
 */
public record ChunkId(int x, int y, int z) implements Comparable<ChunkId> {
    public ChunkId {
        if (x != (short) x || y != (short) y || z != (short) z) {
            throw new IllegalArgumentException("chunk coordinates must fit in 16 bits: " + x + "," + y + "," + z);
        }
    }

    public long id() {
        return (x & 0xFFFFL) | ((y & 0xFFFFL) << 16) | ((z & 0xFFFFL) << 32);
    }

    public static ChunkId ofId(long id) {
        return new ChunkId((short) (id & 0xFFFF), (short) ((id >>> 16) & 0xFFFF), (short) ((id >>> 32) & 0xFFFF));
    }

    /** The chunk's box for the given chunk size. */
    public Box box(Point3 size) {
        Point3 lo = new Point3(x * size.x(), y * size.y(), z * size.z());
        return new Box(lo, lo.plus(size));
    }

    @Override
    public int compareTo(ChunkId o) {
        return Long.compare(id(), o.id());
    }
}
