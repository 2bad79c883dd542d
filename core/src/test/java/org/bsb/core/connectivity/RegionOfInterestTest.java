package org.bsb.core.connectivity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bsb.api.connectivity.RegionContext;
import org.bsb.api.geometry.Box;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.geometry.Point3;
import org.junit.jupiter.api.Test;

class RegionOfInterestTest {
    static RegionContext context(Box pre, Box post, Set<ChunkId> postChunks) {
        return new RegionContext() {
            public Point3 chunkSize() {
                return new Point3(100, 100, 100);
            }

            public Set<ChunkId> presynapticChunks() {
                return Set.of();
            }

            public Set<ChunkId> postsynapticChunks() {
                return new TreeSet<>(postChunks);
            }

            public Box presynapticMorphologyBounds() {
                return pre;
            }

            public Box postsynapticMorphologyBounds() {
                return post;
            }
        };
    }

    @Test
    void tutorialStellateBoundsGiveTheNeighbourShell() {
        // StellateCell bounds (-65.8,-39.9,-68.1)..(52.2,4.9,77.4): floored chunks (-1,-1,-1)..(0,0,0), so a
        // post chunk may be from c + l_pre - u_post = c - 1 to c + u_pre - l_post = c + 1 on each axis
        Box stellate = new Box(new Point3(-65.8, -39.9, -68.1), new Point3(52.2, 4.9, 77.4));
        Set<ChunkId> occupied = Set.of(
                new ChunkId(0, 0, 0),
                new ChunkId(0, 1, 0),
                new ChunkId(0, 0, 1),
                new ChunkId(0, 1, 1),
                new ChunkId(0, 0, 2),
                new ChunkId(0, 1, 2));
        var ctx = context(stellate, stellate, occupied);
        assertEquals(
                List.of(new ChunkId(0, 0, 0), new ChunkId(0, 1, 0), new ChunkId(0, 0, 1), new ChunkId(0, 1, 1)),
                ctx.morphologyOverlap(new ChunkId(0, 0, 0)));
        assertEquals(6, ctx.morphologyOverlap(new ChunkId(0, 1, 1)).size());
    }

    @Test
    void asymmetricBoundsShiftTheRegion() {
        // pre reaches 250 um in +x only, post is a point: post chunks c .. c + 2 along x
        Box pre = new Box(new Point3(0, 0, 0), new Point3(250, 10, 10));
        Box post = new Box(new Point3(0, 0, 0), new Point3(1, 1, 1));
        Set<ChunkId> occupied = new TreeSet<>();
        for (int x = -3; x <= 5; x++) {
            occupied.add(new ChunkId(x, 0, 0));
        }
        assertEquals(
                List.of(new ChunkId(1, 0, 0), new ChunkId(2, 0, 0), new ChunkId(3, 0, 0)),
                context(pre, post, occupied).morphologyOverlap(new ChunkId(1, 0, 0)));
    }
}
