package org.bsb.neuron.cable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The layout of a cell group, built alone (no simulation): a hand-made cell of two sections, soma (1 segment)
 * and dendrite (3 segments), twice in one group. Per cell the nodes are root 0, soma segment 1, soma 1-end 2,
 * dendrite segments 3, 4, 5 and dendrite 1-end 6, a chain; in the group they are stored by depth, then cell,
 * so cell c's node i is stored at 2i + c.
 */
class GroupLayoutTest {
    static final double DEFAULT_ECA = Ions.defaults("ca")[0];

    static CableCell twoSectionCell() {
        float[] z = {0, 0};
        return new CableCell(
                "two",
                List.of(
                        new CableSection(
                                "soma",
                                List.of("soma"),
                                -1,
                                new float[] {0, 20},
                                z,
                                z,
                                new float[] {10, 10},
                                1,
                                100,
                                1,
                                List.of(new MechanismSpec("dens", Map.of("gbar", 2.0))),
                                Map.of()),
                        new CableSection(
                                "dend",
                                List.of("dend"),
                                0,
                                new float[] {20, 80},
                                z,
                                z,
                                new float[] {2, 2},
                                3,
                                150,
                                0.8,
                                List.of(
                                        new MechanismSpec("dens", Map.of("gbar", 3.0)),
                                        new MechanismSpec("caconc", Map.of())),
                                Map.of("ca", new IonSpec(130.0, null, null)))));
    }

    /** Two copies of the cell; a synapse on the second's dendrite(0.5), an artificial cell, a detector, probes. */
    record Built(Network net, Network.PointRef syn, Network.PointRef stim, int somaDetector, int stimSource) {}

    static Built network() {
        Network net = new Network(List.of(new TestMechanisms()));
        CableCell cell = twoSectionCell();
        int c0 = net.addCell(cell);
        int c1 = net.addCell(cell);
        Network.PointRef syn = net.addPointProcess(c1, 1, 0.5, "syn", Map.of("tau", 2.0));
        Network.PointRef stim = net.addArtificialCell("stim", Map.of("start", 5.0));
        int detector = net.addSpikeSource(c0, 0, 0.5, -20);
        int stimSource = net.addSpikeSource(stim);
        net.connect(detector, syn, 2.5, 0.1);
        net.connect(stimSource, syn, 1.0, 0.2);
        net.probeVoltage(c1, 1, 1.0); // probe 0: the dendrite's 1-end node of cell 1
        net.probeDensity(c0, 1, 0.5, "dens", "x"); // probe 1: cell 0's middle dendrite segment
        net.probeIon(c1, 0, 0.5, "ca", "ci"); // probe 2: cell 1's soma
        net.probe(syn, "i"); // probe 3
        return new Built(net, syn, stim, detector, stimSource);
    }

    @Test
    void nodesAreStoredByDepthThenCellWithTheirParentsAndCoefficients() {
        Built b = network();
        GroupLayout l =
                GroupLayout.of(b.net(), new int[] {0, 1}, new int[] {b.stim().id()});
        assertEquals(14, l.nodeCount());
        assertArrayEquals(new int[] {0, 7, 14}, l.cellStart());
        assertArrayEquals(
                new int[] {0, 2, 4, 6, 8, 10, 12, 1, 3, 5, 7, 9, 11, 13},
                l.nodes().perm());
        assertArrayEquals(
                new int[] {-1, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11},
                l.nodes().parent());
        CellLayout cell = b.net().layout(0);
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < 7; i++) {
                int j = 2 * i + c;
                assertEquals(cell.a[i], l.nodes().a()[j]);
                assertEquals(cell.b[i], l.nodes().b()[j]);
                assertEquals(cell.area[i], l.nodes().area()[j]);
                assertEquals(cell.diam[i], l.nodes().diam()[j]);
                assertEquals(cell.cm[i], l.nodes().cm()[j]);
                assertEquals(j, l.storageNode(c, i));
            }
        }
        // the root and the 1-end nodes have no membrane: area 100 as NEURON, no capacitance
        for (int i : new int[] {0, 2, 6}) {
            assertEquals(100.0, l.nodes().area()[2 * i]);
            assertEquals(0.0, l.nodes().cm()[2 * i]);
        }
        assertEquals(Math.PI * 10 * 20, l.nodes().area()[2], 1e-9);
        assertEquals(0.8, l.nodes().cm()[2 * 4]);
    }

    @Test
    void levelOrderInterleavesBranchesOfOneCell() {
        float[] z = {0, 0};
        List<MechanismSpec> none = List.of();
        CableCell forked = new CableCell(
                "forked",
                List.of(
                        new CableSection(
                                "soma",
                                List.of("soma"),
                                -1,
                                new float[] {0, 10},
                                z,
                                z,
                                new float[] {5, 5},
                                1,
                                100,
                                1,
                                none,
                                Map.of()),
                        new CableSection(
                                "d1",
                                List.of("d1"),
                                0,
                                new float[] {10, 30},
                                z,
                                z,
                                new float[] {1, 1},
                                2,
                                100,
                                1,
                                none,
                                Map.of()),
                        new CableSection(
                                "d2",
                                List.of("d2"),
                                0,
                                new float[] {10, 40},
                                z,
                                z,
                                new float[] {1, 1},
                                2,
                                100,
                                1,
                                none,
                                Map.of())));
        Network net = new Network(List.of(new TestMechanisms()));
        net.addCell(forked);
        // depths: 0 root, 1 soma, 2 soma end, then d1 (3, 4, 5) and d2 (3, 4, 5) level by level
        GroupLayout l = GroupLayout.of(net, new int[] {0}, new int[0]);
        assertArrayEquals(new int[] {0, 1, 2, 3, 5, 7, 4, 6, 8}, l.nodes().perm());
        assertArrayEquals(new int[] {-1, 0, 1, 2, 2, 3, 4, 5, 6}, l.nodes().parent());
    }

    @Test
    void mechanismInstancesSitOnTheirNodesInCallbackOrder() {
        Built b = network();
        GroupLayout l =
                GroupLayout.of(b.net(), new int[] {0, 1}, new int[] {b.stim().id()});
        // a concentration writer first, then first use: dens, syn, stim
        assertEquals(
                List.of("caconc", "dens", "syn", "stim"),
                l.mechanisms().stream().map(m -> m.type().name()).toList());
        GroupLayout.MechanismInstances caconc = l.mechanisms().get(0);
        assertArrayEquals(new int[] {6, 8, 10, 7, 9, 11}, caconc.node());
        assertArrayEquals(new int[] {-1, -1, -1, -1, -1, -1}, caconc.point());
        GroupLayout.MechanismInstances dens = l.mechanisms().get(1);
        assertArrayEquals(new int[] {2, 6, 8, 10, 3, 7, 9, 11}, dens.node());
        assertEquals(
                List.of(2.0, 3.0, 3.0, 3.0, 2.0, 3.0, 3.0, 3.0),
                dens.params().stream().map(p -> p.get("gbar")).toList());
        GroupLayout.MechanismInstances syn = l.mechanisms().get(2);
        assertArrayEquals(new int[] {9}, syn.node()); // cell 1, dendrite(0.5): segment 2 of 3, node 4
        assertArrayEquals(new int[] {b.syn().id()}, syn.point());
        assertEquals(Map.of("tau", 2.0), syn.params().get(0));
        GroupLayout.MechanismInstances stim = l.mechanisms().get(3);
        assertArrayEquals(new int[] {-1}, stim.node());
        assertEquals(2, l.pointSlot()[b.syn().id()]);
        assertEquals(0, l.pointInstance()[b.syn().id()]);
        assertEquals(3, l.pointSlot()[b.stim().id()]);
    }

    @Test
    void ionPoolsStartFromDefaultsAndTheSectionsSettings() {
        Built b = network();
        GroupLayout l = GroupLayout.of(b.net(), new int[] {0, 1}, new int[0]);
        assertEquals(1, l.ions().size());
        GroupLayout.IonPool ca = l.ions().get(0);
        assertEquals("ca", ca.name());
        assertEquals(2, ca.valence());
        double[] e = new double[14];
        for (int j = 0; j < 14; j++) {
            e[j] = j >= 6 ? 130.0 : DEFAULT_ECA; // the dendrite's segments and 1-end: nodes 3 to 6 of each cell
        }
        assertArrayEquals(e, ca.e());
        assertArrayEquals(new int[] {6, 7, 8, 9, 10, 11}, ca.nernstNodes()); // caconc's nodes (segments only)
    }

    @Test
    void thresholdsArtificialOutputsAndProbesLandWhereTheyWereAsked() {
        Built b = network();
        GroupLayout l =
                GroupLayout.of(b.net(), new int[] {0, 1}, new int[] {b.stim().id()});
        assertArrayEquals(new int[] {b.somaDetector()}, l.thresholds().source());
        assertArrayEquals(new int[] {2}, l.thresholds().node()); // cell 0's soma segment
        assertArrayEquals(new double[] {-20}, l.thresholds().value());
        assertArrayEquals(new int[] {b.stimSource()}, l.artificialSource()[3]);
        assertArrayEquals(new int[] {-1}, l.artificialSource()[2]);
        assertEquals(
                List.of(
                        new GroupLayout.VoltageProbe(0, 13),
                        new GroupLayout.MechanismProbe(1, 1, "x", 2),
                        new GroupLayout.IonProbe(2, 0, "ci", 3),
                        new GroupLayout.MechanismProbe(3, 2, "i", 0)),
                l.probes());
    }

    @Test
    void aGroupHoldsOnlyItsOwnCellsPointsDetectorsAndProbes() {
        Built b = network();
        GroupLayout l = GroupLayout.of(b.net(), new int[] {1}, new int[0]);
        assertEquals(7, l.nodeCount());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6}, l.nodes().perm());
        assertEquals(-1, l.pointSlot()[b.stim().id()]);
        assertEquals(0, l.thresholds().count());
        assertEquals(
                List.of(
                        new GroupLayout.VoltageProbe(0, 6),
                        new GroupLayout.IonProbe(2, 0, "ci", 1),
                        new GroupLayout.MechanismProbe(3, 2, "i", 0)),
                l.probes());
        assertEquals(-1, l.storageNode(0, 1));
    }

    @Test
    void aProbeOfAMechanismThatIsNotThereIsRefused() {
        Network net = new Network(List.of(new TestMechanisms()));
        int c = net.addCell(twoSectionCell());
        net.probeDensity(c, 0, 0.5, "caconc", "depth"); // caconc is on the dendrite only
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> GroupLayout.of(net, new int[] {c}, new int[0]));
        assertEquals("probe: no mechanism 'caconc' at the probed node", e.getMessage());
    }
}
