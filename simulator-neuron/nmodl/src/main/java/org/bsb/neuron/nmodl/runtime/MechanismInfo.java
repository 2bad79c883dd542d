package org.bsb.neuron.nmodl.runtime;

import java.util.List;
import java.util.Map;

/**
 * What a compiled mechanism declares: its name, kind, per-instance fields (in storage order) with
 * their defaults, and the ions it uses.
 *
 * @param fields every per-instance variable (PARAMETER, ASSIGNED, STATE, ion copies), in storage order
 * @param netReceiveArgs the number of NET_RECEIVE arguments (0 when there is no NET_RECEIVE)
 * @param recursive the FUNCTIONs and PROCEDUREs that can call themselves ("FUNCTION f"), which the generated
 *     code refers to by index in {@link NmodlMechanism#recursedTooDeep}
 */
public record MechanismInfo(
        String name,
        String file,
        boolean pointProcess,
        boolean artificialCell,
        List<Field> fields,
        List<Ion> ions,
        int netReceiveArgs,
        boolean writesCurrent,
        boolean electrodeCurrent,
        List<String> recursive) {

    /** The fields with one value per instance, in storage order (the SPI's range variables). */
    public List<Field> scalarFields() {
        return fields.stream().filter(f -> f.size() == 0).toList();
    }

    public enum FieldKind {
        PARAMETER,
        ASSIGNED,
        STATE,
        ION,
        LOCAL,
        POINTER
    }

    /** One per-instance variable; {@code range} is true when NEURON exposes it per instance (RANGE or STATE). */
    public record Field(String name, FieldKind kind, double defaultValue, boolean range, boolean global, int size) {}

    /**
     * An ion in use, with the ion variables read and written by the file ({@code ena}, {@code ina},
     * {@code cai}, ...). {@code valence} is NaN unless the file gives a VALENCE.
     */
    public record Ion(String name, List<String> read, List<String> write, double valence) {
        public boolean writesConcentration() {
            return write.contains(name + "i") || write.contains(name + "o");
        }

        public boolean writesCurrent() {
            return write.contains("i" + name);
        }
    }

    public Map<String, Double> defaults() {
        Map<String, Double> m = new java.util.LinkedHashMap<>();
        for (Field f : fields) m.put(f.name(), f.defaultValue());
        return m;
    }
}
