package org.bsb.neuron.mechanisms;

import java.util.List;
import java.util.function.BiFunction;
import org.bsb.neuron.spi.IonUse;
import org.bsb.neuron.spi.Mechanism;
import org.bsb.neuron.spi.MechanismKind;
import org.bsb.neuron.spi.MechanismType;
import org.bsb.neuron.spi.Variable;

/** A built-in mechanism type: a descriptor plus a constructor of its SoA implementation. */
final class BuiltinType implements MechanismType {
    private final String name;
    private final MechanismKind kind;
    private final List<Variable> variables;
    private final List<IonUse> ions;
    private final boolean electrode;
    private final int weights;
    private final BiFunction<MechanismType, Integer, Mechanism> factory;

    BuiltinType(
            String name,
            MechanismKind kind,
            List<Variable> variables,
            List<IonUse> ions,
            boolean electrode,
            int weights,
            BiFunction<MechanismType, Integer, Mechanism> factory) {
        this.name = name;
        this.kind = kind;
        this.variables = List.copyOf(variables);
        this.ions = List.copyOf(ions);
        this.electrode = electrode;
        this.weights = weights;
        this.factory = factory;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public MechanismKind kind() {
        return kind;
    }

    @Override
    public List<Variable> variables() {
        return variables;
    }

    @Override
    public List<IonUse> ions() {
        return ions;
    }

    @Override
    public boolean electrodeCurrent() {
        return electrode;
    }

    @Override
    public boolean receivesEvents() {
        return weights > 0;
    }

    @Override
    public int weightCount() {
        return weights;
    }

    @Override
    public Mechanism create(int count) {
        return factory.apply(this, count);
    }

    @Override
    public String toString() {
        return "mechanism " + name;
    }
}
