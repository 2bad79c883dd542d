package org.bsb.neuron.adapter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.bsb.core.registry.NameSuggester;
import org.bsb.neuron.devices.DeviceException;
import org.bsb.neuron.model.MechanismId;
import org.bsb.neuron.spi.MechanismCatalogue;
import org.bsb.neuron.spi.MechanismType;

/**
 * A model's mechanism ids ({@code "AMPA"}, {@code ("NMDA", "stellate")}) to the NEURON names of a run's
 * catalogues, as the original's nmodl-glia resolves them against the installed packages: the catalogues
 * are searched in {@linkplain MechanismCatalogue.Precedence precedence} order and the first that provides
 * the id wins, so the embedded default synapses (a fallback) never shadow the catalogue a user installed.
 * Within a catalogue an id matches its exact name, a glia name ({@code glia__<pkg>__AMPA__0}) or whatever
 * the catalogue itself resolves; an id with a variant falls back to its bare name only when no catalogue
 * has the variant.
 */
final class MechanismResolver {
    private final Map<MechanismCatalogue, List<String>> names = new LinkedHashMap<>();
    /** Every id resolved so far, with its NEURON name and origin, for the run's log. */
    private final Map<String, String> choices = new LinkedHashMap<>();

    MechanismResolver(List<MechanismCatalogue> catalogues) {
        for (MechanismCatalogue c : MechanismCatalogue.inPrecedenceOrder(catalogues)) {
            List<String> own = new ArrayList<>();
            for (MechanismType t : c.types()) {
                own.add(t.name());
            }
            names.put(c, own);
        }
    }

    /** The NEURON name of {@code id}; a clear error listing the known names when no catalogue has it. */
    String resolve(MechanismId id) {
        String wanted = id.variant() == null ? id.name() : id.name() + "__" + id.variant();
        for (Map.Entry<MechanismCatalogue, List<String>> e : names.entrySet()) {
            String hit = nameIn(e.getKey(), e.getValue(), wanted);
            if (hit != null) {
                return chosen(wanted, hit, e.getKey());
            }
        }
        if (id.variant() != null) { // e.g. ("NMDA", "stellate") with only the default model's NMDA installed
            for (Map.Entry<MechanismCatalogue, List<String>> e : names.entrySet()) {
                if (e.getValue().contains(id.name())) {
                    return chosen(wanted, id.name(), e.getKey());
                }
            }
        }
        TreeSet<String> known = new TreeSet<>();
        names.values().forEach(known::addAll);
        String close = NameSuggester.closest(wanted, known);
        throw new DeviceException("mechanism '" + wanted + "' is not installed"
                + (close != null ? "; did you mean '" + close + "'?" : "") + " Known: " + String.join(", ", known));
    }

    private static String nameIn(MechanismCatalogue c, List<String> own, String wanted) {
        if (own.contains(wanted)) {
            return wanted;
        }
        for (String k : own) {
            if (k.endsWith("__" + wanted) || k.endsWith("__" + wanted + "__0")) {
                return k;
            }
        }
        return c.find(wanted).isPresent() ? wanted : null; // the catalogue's own rules (nmodl: Km -> Km__granule_cell)
    }

    private String chosen(String wanted, String name, MechanismCatalogue from) {
        choices.putIfAbsent(
                wanted,
                name + " (" + from.origin() + ", " + from.precedence().name().toLowerCase() + ")");
        return name;
    }

    /** "id -> NEURON name (origin, precedence)" for every id resolved so far, in first-use order. */
    List<String> choices() {
        List<String> out = new ArrayList<>();
        choices.forEach((id, name) -> out.add(id + " -> " + name));
        return out;
    }
}
