package org.bsb.neuron.nmodl.runtime;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import org.bsb.neuron.spi.IonUse;
import org.bsb.neuron.spi.Mechanism;
import org.bsb.neuron.spi.MechanismKind;
import org.bsb.neuron.spi.MechanismType;
import org.bsb.neuron.spi.Variable;
import org.bsb.neuron.spi.VariableKind;

/** The SPI descriptor and factory of a mechanism compiled from one NMODL file. */
public final class NmodlMechanismType implements MechanismType {
    private final MechanismInfo info;
    private final Constructor<? extends NmodlMechanism> constructor;
    private final List<Variable> variables;
    private final List<IonUse> ions;
    private final String source;
    private final String name;

    public NmodlMechanismType(MechanismInfo info, Constructor<? extends NmodlMechanism> constructor, String source) {
        this(info.name(), info, constructor, source);
    }

    private NmodlMechanismType(
            String name, MechanismInfo info, Constructor<? extends NmodlMechanism> constructor, String source) {
        this.name = name;
        this.info = info;
        this.constructor = constructor;
        this.source = source;
        List<Variable> vs = new ArrayList<>();
        for (MechanismInfo.Field f : info.scalarFields()) {
            VariableKind k = switch (f.kind()) {
                case PARAMETER -> VariableKind.PARAMETER;
                case STATE -> VariableKind.STATE;
                default -> VariableKind.ASSIGNED;
            };
            vs.add(new Variable(f.name(), k, f.defaultValue(), ""));
        }
        variables = List.copyOf(vs);
        List<IonUse> is = new ArrayList<>();
        for (MechanismInfo.Ion ion : info.ions()) {
            is.add(new IonUse(
                    ion.name(), Double.isNaN(ion.valence()) ? 0 : (int) ion.valence(), ion.read(), ion.write()));
        }
        ions = List.copyOf(is);
    }

    /** The same compiled code under another NEURON name (used for name aliases). */
    public NmodlMechanismType renamed(String alias) {
        return new NmodlMechanismType(alias, info, constructor, source);
    }

    public MechanismInfo info() {
        return info;
    }

    /** The generated Java source, for inspection. */
    public String source() {
        return source;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public MechanismKind kind() {
        if (info.artificialCell()) return MechanismKind.ARTIFICIAL_CELL;
        return info.pointProcess() ? MechanismKind.POINT_PROCESS : MechanismKind.DENSITY;
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
        return info.electrodeCurrent();
    }

    @Override
    public boolean receivesEvents() {
        return info.netReceiveArgs() > 0;
    }

    @Override
    public int weightCount() {
        return info.netReceiveArgs();
    }

    @Override
    public Mechanism create(int count) {
        try {
            return constructor.newInstance(this, count);
        } catch (java.lang.reflect.InvocationTargetException e) {
            // the generated constructor failed (e.g. no memory for its arrays): that failure, not the reflective
            // wrapper
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(
                    "cannot instantiate mechanism " + name + " (" + info.file() + "): " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate mechanism " + name + " (" + info.file() + "): " + e, e);
        }
    }

    @Override
    public String definedIn() {
        return info.file();
    }

    /**
     * Which form the compiled code takes for its SOLVEs: {@code "vector form (N-bit) of SOLVE a, b"} when the
     * class has {@code vstep_*} methods (the incubator Vector API, N = its species' width), else {@code "scalar
     * form"}. Read from the class itself, so it says what runs, wherever the class came from (disk cache or not).
     */
    public String form() {
        Class<?> cls = constructor.getDeclaringClass();
        List<String> blocks = new ArrayList<>();
        for (java.lang.reflect.Method m : cls.getDeclaredMethods()) {
            if (m.getName().startsWith("vstep_")) blocks.add(m.getName().substring(6));
        }
        if (blocks.isEmpty()) return "scalar form";
        java.util.Collections.sort(blocks);
        String bits = "?";
        try {
            java.lang.reflect.Field f = cls.getDeclaredField("S");
            f.setAccessible(true);
            // VectorSpecies.toString(): "Species[double, 8, S_512_BIT]"
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("S_(\\d+)_BIT").matcher(String.valueOf(f.get(null)));
            if (m.find()) bits = m.group(1);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // the width is only for the message
        }
        return "vector form (" + bits + "-bit) of SOLVE " + String.join(", ", blocks);
    }

    @Override
    public String toString() {
        return "NMODL mechanism " + name + " (" + info.file() + ", " + form() + ")";
    }
}
