package org.bsb.neuron.cable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parts of a run apart from the stepping: partitioning, event routing, the spike exchange's order. */
class SimulatorPartsTest {
    /** A one-section cell of {@code nodes} nodes (root, nodes - 2 segments, 1-end). */
    static CableCell cellOfNodes(int nodes) {
        float[] z = {0, 0};
        return new CableCell(
                "n" + nodes,
                List.of(new CableSection(
                        "soma",
                        List.of("soma"),
                        -1,
                        new float[] {0, 100},
                        z,
                        z,
                        new float[] {2, 2},
                        nodes - 2,
                        100,
                        1,
                        List.of(),
                        Map.of())));
    }

    @Test
    void cellsSplitIntoBalancedBlocksPerThreadThenCacheSizedGroups() {
        Network net = new Network(List.of(new TestMechanisms()));
        for (int k = 0; k < 10; k++) {
            net.addCell(cellOfNodes(100));
        }
        assertEquals(100, net.layout(0).nodeCount());
        Partition p = Partition.of(net, 2);
        assertEquals(2, p.workers());
        // blocks of 500 nodes; groups of at most GROUP_NODES (256) nodes: two cells, then the block's rest
        assertArrayEquals(new int[][] {{0, 1}, {2, 3}, {4}, {5, 6}, {7, 8}, {9}}, p.groupCells());
        assertArrayEquals(new int[] {0, 3, 6}, p.workerFirstGroup());
    }

    @Test
    void aCellLargerThanAGroupIsAGroupOfItsOwnAndThreadsNeverOutnumberCells() {
        Network net = new Network(List.of(new TestMechanisms()));
        net.addCell(cellOfNodes(20));
        net.addCell(cellOfNodes(300));
        net.addCell(cellOfNodes(20));
        Partition p = Partition.of(net, 1);
        assertArrayEquals(new int[][] {{0}, {1}, {2}}, p.groupCells());
        assertEquals(3, Partition.of(net, 8).workers());
        assertEquals(1, Partition.of(new Network(List.of()), 4).workers());
    }

    @Test
    void connectionsGoToTheGroupOfTheirTargetAndTheShortestDelaySetsTheInterval() {
        GroupLayoutTest.Built b = GroupLayoutTest.network();
        GroupLayout[] layouts = {
            GroupLayout.of(b.net(), new int[] {0}, new int[] {b.stim().id()}),
            GroupLayout.of(b.net(), new int[] {1}, new int[0])
        };
        EventRouting r = EventRouting.of(b.net(), layouts);
        // connection 0: detector on cell 0 -> syn on cell 1 (2.5 ms); 1: stim -> syn (1 ms)
        assertArrayEquals(new int[] {1, 1}, r.targetGroup());
        assertArrayEquals(new int[] {b.syn().id(), b.syn().id()}, r.targetPoint());
        assertArrayEquals(new int[][] {{0}, {1}}, r.bySource());
        assertEquals(1.0, r.minDelay());
        assertEquals(39, r.exchangeSteps(0.025, 4000)); // minDelay - dt
        assertEquals(
                1,
                new EventRouting(new int[1], new int[1], new double[] {0.01}, new int[][] {{0}})
                        .exchangeSteps(0.025, 4000));
        assertEquals(
                4000, new EventRouting(new int[0], new int[0], new double[0], new int[0][]).exchangeSteps(0.025, 4000));
    }

    @Test
    void ranksOwnNodeBalancedContiguousBlocksAndOnlyTheirOwnConnectionTargets() {
        Network net = new Network(List.of(new TestMechanisms()));
        for (int nodes : new int[] {100, 100, 300, 100, 100, 100}) {
            net.addCell(cellOfNodes(nodes));
        }
        // 800 nodes over 3 ranks: a block ends with the cell that reaches its share (266, 533, 800 nodes)
        assertArrayEquals(new int[] {0, 1, 2}, Partition.rankCells(net, new RunPart(0, 3)));
        assertArrayEquals(new int[] {3}, Partition.rankCells(net, new RunPart(1, 3)));
        assertArrayEquals(new int[] {4, 5}, Partition.rankCells(net, new RunPart(2, 3)));
        Partition p = Partition.of(net, 2, new RunPart(2, 3));
        assertArrayEquals(new int[][] {{4}, {5}}, p.groupCells());
        // more ranks than cells: a rank may own none
        assertEquals(0, Partition.rankCells(net, new RunPart(0, 9)).length);
        assertThrows(IllegalArgumentException.class, () -> new RunPart(3, 3));

        GroupLayoutTest.Built b = GroupLayoutTest.network();
        GroupLayout[] rank1 = Simulator.layout(b.net(), Partition.of(b.net(), 1, new RunPart(1, 2)), false);
        GroupLayout[] rank0 = Simulator.layout(b.net(), Partition.of(b.net(), 1, new RunPart(0, 2)), true);
        // both connections target the synapse on cell 1, held by rank 1; rank 0 holds cell 0 and the NetStim
        assertArrayEquals(new int[] {0, 0}, EventRouting.of(b.net(), rank1).targetGroup());
        assertArrayEquals(new int[] {-1, -1}, EventRouting.of(b.net(), rank0).targetGroup());
        assertEquals(0, rank1[0].pointSlot()[b.stim().id()] < 0 ? 0 : 1, "the NetStim lives on rank 0 only");
        assertTrue(rank0[0].pointSlot()[b.stim().id()] >= 0);
    }

    @Test
    void spikesAreDeliveredByTimeThenSourceWhoeverSentThem() {
        Spikes s = new Spikes();
        s.add(3, 2.0, 2.0);
        s.add(1, 2.0, 2.0);
        s.add(0, 5.0, 5.0);
        s.add(2, 1.0, 1.0);
        s.add(1, 2.0, 2.5);
        assertArrayEquals(new int[] {3, 1, 4, 0, 2}, s.deliveryOrder());
        assertSame(s, new SpikeExchange.InProcessSpikeExchange().exchange(s));
    }
}
