package org.bsb.neuron.cable;

import java.util.Collection;
import java.util.List;
import org.bsb.neuron.spi.IonUse;
import org.bsb.neuron.spi.MechContext;
import org.bsb.neuron.spi.Mechanism;
import org.bsb.neuron.spi.MechanismCatalogue;
import org.bsb.neuron.spi.MechanismKind;
import org.bsb.neuron.spi.MechanismType;
import org.bsb.neuron.spi.Variable;

/**
 * Mechanism types that do nothing, for tests of the engine's bookkeeping: a density {@code dens} (gbar, x),
 * a density {@code caconc} that writes cai, a point process {@code syn} that receives events (tau, i) and an
 * artificial cell {@code stim} (start).
 */
final class TestMechanisms implements MechanismCatalogue {
    static final MechanismType DENS = type(
            "dens",
            MechanismKind.DENSITY,
            false,
            List.of(Variable.parameter("gbar", 1, "S/cm2"), Variable.state("x", "")),
            List.of());
    static final MechanismType CACONC = type(
            "caconc",
            MechanismKind.DENSITY,
            false,
            List.of(Variable.parameter("depth", 0.1, "um")),
            List.of(new IonUse("ca", 2, List.of("ica"), List.of("cai"))));
    static final MechanismType SYN = type(
            "syn",
            MechanismKind.POINT_PROCESS,
            true,
            List.of(Variable.parameter("tau", 1, "ms"), Variable.assigned("i", "nA")),
            List.of());
    static final MechanismType STIM = type(
            "stim", MechanismKind.ARTIFICIAL_CELL, false, List.of(Variable.parameter("start", 0, "ms")), List.of());

    @Override
    public Collection<MechanismType> types() {
        return List.of(DENS, CACONC, SYN, STIM);
    }

    static MechanismType type(
            String name, MechanismKind kind, boolean receives, List<Variable> vars, List<IonUse> ions) {
        return new MechanismType() {
            public String name() {
                return name;
            }

            public MechanismKind kind() {
                return kind;
            }

            public List<Variable> variables() {
                return vars;
            }

            public List<IonUse> ions() {
                return ions;
            }

            public boolean receivesEvents() {
                return receives;
            }

            public Mechanism create(int count) {
                return new Mechanism(this, count) {
                    @Override
                    public void init(MechContext ctx) {}

                    @Override
                    public void current(MechContext ctx) {}
                };
            }
        };
    }
}
