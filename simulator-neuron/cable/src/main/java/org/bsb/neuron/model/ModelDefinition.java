package org.bsb.neuron.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An arborize-style cell model definition: {@code cable_types} per label and global
 * {@code synapse_types}. Merging follows arborize with {@code use_defaults = True} (what
 * bsb-neuron uses): Ra 35.4 Ω·cm and cm 1 µF/cm² to start, then the section's labels' cable
 * types in the order of the {@code cable_types} keys, later ones overwriting.
 */
public record ModelDefinition(Map<String, CableType> cableTypes, Map<String, SynapseDefinition> synapseTypes) {
    public static final double DEFAULT_RA = 35.4;
    public static final double DEFAULT_CM = 1.0;
    /** arborize's default ions: rev_pot, int_con, ext_con. */
    private static final Map<String, IonDefinition> DEFAULT_IONS = Map.of(
            "na", new IonDefinition(50.0, 10.0, 140.0),
            "k", new IonDefinition(-77.0, 54.4, 2.5),
            "ca", new IonDefinition(132.4579341637009, 5e-5, 2.0),
            "h", new IonDefinition(0.0, 1.0, 1.0));

    public ModelDefinition {
        cableTypes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cableTypes));
        synapseTypes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(synapseTypes));
    }

    /** Labels sorted by their cable type's position; labels without a cable type sort first (-1). */
    public List<String> mergeOrder(java.util.Collection<String> labels) {
        List<String> keys = new ArrayList<>(cableTypes.keySet());
        List<String> out = new ArrayList<>(labels);
        out.sort(Comparator.comparingInt(keys::indexOf));
        return out;
    }

    public MergedCable merge(java.util.Collection<String> labels) {
        double ra = DEFAULT_RA;
        double cm = DEFAULT_CM;
        Map<String, IonDefinition> ions = new LinkedHashMap<>();
        Map<MechanismId, Map<String, Double>> mechs = new LinkedHashMap<>();
        for (String label : mergeOrder(labels)) {
            CableType t = cableTypes.get(label);
            if (t == null) {
                continue;
            }
            if (t.ra() != null) {
                ra = t.ra();
            }
            if (t.cm() != null) {
                cm = t.cm();
            }
            for (Map.Entry<MechanismId, Map<String, Double>> e : t.mechanisms().entrySet()) {
                mechs.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>()).putAll(e.getValue());
            }
            for (Map.Entry<String, IonDefinition> e : t.ions().entrySet()) {
                IonDefinition base = ions.getOrDefault(
                        e.getKey(), DEFAULT_IONS.getOrDefault(e.getKey(), new IonDefinition(null, null, null)));
                ions.put(e.getKey(), base.with(e.getValue()));
            }
        }
        return new MergedCable(ra, cm, ions, mechs);
    }

    /**
     * Reads a model: {@code .py} (the {@code define_model({...})} literal, or the one assigned to
     * {@code variable}), {@code .yaml}/{@code .yml}, or JSON (anything else).
     */
    public static ModelDefinition read(Path file, String variable) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read model definition: " + e.getMessage(), e);
        }
        return fromData(data(text, file.toString(), variable), file.toString());
    }

    /**
     * A model's data from its text, parsed by the format its {@code name} ends with (as {@link #read}):
     * maps, lists, strings and numbers.
     */
    public static Object data(String text, String name, String variable) {
        Object data;
        if (name.endsWith(".py")) {
            data = LiteralReader.parseAssignment(text, variable, name);
        } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            try {
                data = new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(
                                new org.yaml.snakeyaml.LoaderOptions()))
                        .load(text);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(name + ": not valid YAML: " + e.getMessage(), e);
            }
        } else {
            data = LiteralReader.parse(text, name);
        }
        return data;
    }

    /** Builds a definition from parsed literal data (maps, lists, tuples, numbers). */
    public static ModelDefinition fromData(Object data, String origin) {
        Map<String, Object> root = map(data, origin);
        Map<String, CableType> cable = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : map(root.getOrDefault("cable_types", Map.of()), origin + ": cable_types")
                .entrySet()) {
            cable.put(e.getKey(), cableType(e.getValue(), origin + ": cable_types." + e.getKey()));
        }
        Map<String, SynapseDefinition> syn = synapses(root.get("synapse_types"), origin + ": synapse_types");
        return new ModelDefinition(cable, syn);
    }

    private static CableType cableType(Object o, String where) {
        Map<String, Object> m = map(o, where);
        Map<String, Object> c = map(m.getOrDefault("cable", Map.of()), where + ".cable");
        Double ra = num(c.get("Ra"), where + ".cable.Ra");
        Double cm = num(c.get("cm"), where + ".cable.cm");
        Map<String, IonDefinition> ions = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e :
                map(m.getOrDefault("ions", Map.of()), where + ".ions").entrySet()) {
            String w = where + ".ions." + e.getKey();
            Map<String, Object> im = map(e.getValue(), w);
            ions.put(
                    e.getKey(),
                    new IonDefinition(
                            num(im.get("rev_pot"), w + ".rev_pot"),
                            num(im.get("int_con"), w + ".int_con"),
                            num(im.get("ext_con"), w + ".ext_con")));
        }
        Map<MechanismId, Map<String, Double>> mechs = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : map(m.getOrDefault("mechanisms", Map.of()), where + ".mechanisms")
                .entrySet()) {
            String w = where + ".mechanisms." + e.getKey();
            Map<String, Double> params = new LinkedHashMap<>();
            for (Map.Entry<String, Object> p :
                    map(e.getValue() == null ? Map.of() : e.getValue(), w).entrySet()) {
                params.put(p.getKey(), num(p.getValue(), w + "." + p.getKey()));
            }
            mechs.put(mechanismId(e.getKey()), params);
        }
        return new CableType(ra, cm, ions, mechs, synapses(m.get("synapses"), where + ".synapses"));
    }

    private static Map<String, SynapseDefinition> synapses(Object o, String where) {
        Map<String, SynapseDefinition> out = new LinkedHashMap<>();
        if (o == null) {
            return out;
        }
        for (Map.Entry<String, Object> e : map(o, where).entrySet()) {
            String w = where + "." + e.getKey();
            Map<String, Object> s = map(e.getValue(), w);
            Object mech = s.getOrDefault("mechanism", e.getKey());
            MechanismId id = mech instanceof LiteralReader.Tuple t
                    ? new MechanismId(
                            String.valueOf(t.items().get(0)),
                            String.valueOf(t.items().get(1)))
                    : mech instanceof List<?> l && l.size() == 2
                            ? new MechanismId(String.valueOf(l.get(0)), String.valueOf(l.get(1)))
                            : MechanismId.of(String.valueOf(mech));
            Map<String, Double> params = new LinkedHashMap<>();
            // arborize reads only "parameters"
            for (Map.Entry<String, Object> p : map(s.getOrDefault("parameters", Map.of()), w + ".parameters")
                    .entrySet()) {
                params.put(p.getKey(), num(p.getValue(), w + ".parameters." + p.getKey()));
            }
            out.put(e.getKey(), new SynapseDefinition(id, params));
        }
        return out;
    }

    /** Dict keys of tuples arrive as "[name, variant]" strings from the literal reader. */
    private static MechanismId mechanismId(String key) {
        if (key.startsWith("[") && key.endsWith("]") && key.contains(",")) {
            String[] parts = key.substring(1, key.length() - 1).split(",", 2);
            return new MechanismId(parts[0].trim(), parts[1].trim());
        }
        return MechanismId.of(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String where) {
        if (o instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException(where + ": expected a dict/object, found "
                + (o == null ? "nothing" : o.getClass().getSimpleName() + " " + o));
    }

    private static Double num(Object o, String where) {
        if (o == null) {
            return null;
        }
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(where + ": expected a number, found " + o);
    }
}
