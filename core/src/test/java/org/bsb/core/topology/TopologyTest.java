package org.bsb.core.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.bsb.api.geometry.Box;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.geometry.Point3;
import org.junit.jupiter.api.Test;

class TopologyTest {
    static final Point3 C100 = new Point3(100, 100, 100);

    @Test
    void tutorialLayerFillsTheBoxInSixChunks() {
        NetworkBox net = new NetworkBox(Point3.ORIGIN, new Point3(100, 200, 300), C100);
        Layer layer = new Layer("stellate_layer", 300);
        Stack cortex = new Stack("example_cortex", List.of(layer), 2, null);
        Topology t = Topology.build(net, List.of(layer), List.of(cortex));
        assertSame(cortex, t.root());
        assertEquals(new Box(Point3.ORIGIN, new Point3(100, 200, 300)), layer.box());
        assertEquals(new Box(Point3.ORIGIN, new Point3(100, 200, 300)), cortex.box());
        List<ChunkId> chunks = t.chunks(List.of(layer));
        // Semantics §2: ids 0, 65536, 2^32, 2^32 + 65536, 2^33, 2^33 + 65536.
        assertEquals(
                List.of(0L, 65536L, 4294967296L, 4295032832L, 8589934592L, 8590000128L),
                chunks.stream().map(ChunkId::id).toList());
        for (ChunkId c : chunks) {
            assertEquals(1e6, layer.volume(c.box(C100)));
            assertEquals(List.of(c.box(C100)), layer.voxels(c.box(C100)));
        }
        assertEquals(6e6, layer.volume());
    }

    @Test
    void stackPutsLayersOnTopOfEachOtherAndGrows() {
        // As the original's test_stack: two 150 um layers in a 100 um box make a 300 um stack.
        NetworkBox net = new NetworkBox(Point3.ORIGIN, new Point3(100, 100, 100), C100);
        Layer a = new Layer("a", 150);
        Layer b = new Layer("b", 150);
        Stack s = new Stack("s", List.of(a, b), 2, null);
        Topology.build(net, List.of(a, b), List.of(s));
        assertEquals(0, a.box().min().z());
        assertEquals(150, a.box().max().z());
        assertEquals(150, b.box().min().z());
        assertEquals(300, b.box().max().z());
        assertEquals(300, s.box().max().z());
        assertEquals(List.of(new ChunkId(0, 0, 1), new ChunkId(0, 0, 2)), b.chunks(C100));
        // b covers z 150..200 of chunk (0,0,1): half of it.
        assertEquals(5e5, b.volume(new ChunkId(0, 0, 1).box(C100)));
    }

    @Test
    void stackAnchorKeepsItsPlace() {
        NetworkBox net = new NetworkBox(Point3.ORIGIN, new Point3(100, 100, 100), C100);
        Layer a = new Layer("a", 20);
        Layer b = new Layer("b", 30, 2, new Point3(0, 0, 50));
        Stack s = new Stack("s", List.of(a, b), 2, b);
        Topology.build(net, List.of(a, b), List.of(s));
        assertEquals(30, a.box().min().z());
        assertEquals(50, b.box().min().z());
        assertEquals(80, b.box().max().z());
    }

    @Test
    void unmanagedPartitionsAndSeveralRootsAreWrapped() {
        NetworkBox net = new NetworkBox(new Point3(10, 0, 0), new Point3(100, 100, 100), C100);
        Layer a = new Layer("a", 40, 1, null);
        Rhomboid r = new Rhomboid("r", new Point3(10, 10, 10), new Point3(5, 5, 5));
        Topology t = Topology.build(net, List.of(a, r), List.of());
        assertEquals("__unmanaged__", t.root().name());
        assertEquals(new Box(new Point3(10, 0, 0), new Point3(110, 40, 100)), a.box());
        assertEquals(new Box(new Point3(5, 5, 5), new Point3(15, 15, 15)), r.box());
        // Chunks from floor(min / size) to ceil(max / size) - 1 on each axis.
        assertEquals(List.of(new ChunkId(0, 0, 0), new ChunkId(1, 0, 0)), a.chunks(C100));
        // planar surface = x-y footprint in the chunk
        assertEquals(90 * 40, a.surface(new ChunkId(0, 0, 0).box(C100)));
    }

    @Test
    void chunkIdsPackAsTheOriginal() {
        assertEquals(1 + 65536L * 2 + (1L << 32) * 3, new ChunkId(1, 2, 3).id());
        assertEquals(new ChunkId(-1, 2, 3), ChunkId.ofId(new ChunkId(-1, 2, 3).id()));
    }
}
