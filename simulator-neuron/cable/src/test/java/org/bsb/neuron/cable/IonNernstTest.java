package org.bsb.neuron.cable;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.bsb.neuron.spi.IonArrays;
import org.bsb.neuron.spi.IonUse;
import org.bsb.neuron.spi.MechContext;
import org.bsb.neuron.spi.Mechanism;
import org.bsb.neuron.spi.MechanismCatalogue;
import org.bsb.neuron.spi.MechanismKind;
import org.bsb.neuron.spi.MechanismType;
import org.bsb.neuron.spi.Variable;
import org.junit.jupiter.api.Test;

/**
 * A mechanism that writes cai makes eca follow the Nernst equation; one that only reads eca
 * sees the model's rev_pot. Truth: NEURON's eca = 140.7087 mV for cai 4.5e-5, cao 2 mM at
 * 32 °C (neuron-reference README §3.3).
 */
class IonNernstTest {
    /** Writes cai = cainull at INITIAL, records the eca it reads while computing currents. */
    static final class CaProbe extends Mechanism {
        final boolean writes;
        IonArrays ca;

        CaProbe(MechanismType t, int n, boolean writes) {
            super(t, n);
            this.writes = writes;
        }

        @Override
        public void bind(MechContext ctx) {
            ca = ctx.ion("ca");
        }

        @Override
        public void init(MechContext ctx) {
            if (writes) {
                for (int k = 0; k < count; k++) {
                    ca.ci[node[k]] = vars[0][k];
                }
            }
        }

        @Override
        public void current(MechContext ctx) {
            for (int k = 0; k < count; k++) {
                vars[1][k] = ca.e[node[k]];
            }
        }
    }

    static MechanismType type(String name, boolean writes) {
        return new MechanismType() {
            public String name() {
                return name;
            }

            public MechanismKind kind() {
                return MechanismKind.DENSITY;
            }

            public List<Variable> variables() {
                return List.of(Variable.parameter("cainull", 4.5e-5, "mM"), Variable.assigned("eca_seen", "mV"));
            }

            public List<IonUse> ions() {
                return List.of(
                        writes
                                ? new IonUse("ca", 2, List.of("cai"), List.of("cai"))
                                : new IonUse("ca", 2, List.of("eca"), List.of()));
            }

            public Mechanism create(int count) {
                return new CaProbe(this, count, writes);
            }
        };
    }

    static double ecaSeen(boolean writes) {
        MechanismType t = type(writes ? "cawriter" : "careader", writes);
        MechanismCatalogue cat = new MechanismCatalogue() {
            public Collection<MechanismType> types() {
                return List.of(t);
            }
        };
        float[] x = {0, 10};
        float[] z = {0, 0};
        float[] d = {5, 5};
        CableSection s = new CableSection(
                "soma",
                List.of("soma"),
                -1,
                x,
                z,
                z,
                d,
                1,
                100,
                1,
                List.of(new MechanismSpec(t.name(), Map.of())),
                Map.of("ca", new IonSpec(137.5, 5e-5, 2.0)));
        Network net = new Network(List.of(cat));
        int c = net.addCell(new CableCell("c", List.of(s)));
        Network.Probe p = net.probeDensity(c, 0, 0.5, t.name(), "eca_seen");
        Network.Probe e = net.probeIon(c, 0, 0.5, "ca", "e");
        Network.Probe ci = net.probeIon(c, 0, 0.5, "ca", "ci");
        SimResult r = Simulator.run(net, new SimSettings(0.025, 0.05, 32, -65), 1);
        assertEquals(writes ? 4.5e-5 : 5e-5, r.trace(ci)[1]);
        assertEquals(r.trace(p)[1], r.trace(e)[1]);
        return r.trace(p)[1];
    }

    @Test
    void writtenConcentrationGivesNernstReversal() {
        assertEquals(140.7087, ecaSeen(true), 5e-5);
    }

    @Test
    void readOnlyIonKeepsTheModelsReversal() {
        assertEquals(137.5, ecaSeen(false), 0.0);
    }
}
