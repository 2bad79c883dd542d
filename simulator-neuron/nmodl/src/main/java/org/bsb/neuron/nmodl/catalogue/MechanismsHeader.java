package org.bsb.neuron.nmodl.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bsb.neuron.spi.MechanismCatalogue.Precedence;

/**
 * The manifest header {@code BSB-Mechanisms: <folder>[;precedence:=fallback][, <folder>...]} of a bundle
 * (or a jar on the class path) that carries {@code .mod} files. A folder marked {@code fallback} provides
 * its mechanisms only for names no other catalogue has: the adapter's embedded default synapses
 * (AMPA, NMDA, GABA) must never shadow a catalogue the user installed.
 */
public final class MechanismsHeader {
    public static final String NAME = "BSB-Mechanisms";

    /** One folder of the header and where its mechanisms stand. */
    public record Entry(String folder, Precedence precedence) {}

    private MechanismsHeader() {}

    /** The header's folders; an unknown directive or precedence is an error naming the header. */
    public static List<Entry> parse(String header) {
        List<Entry> out = new ArrayList<>();
        for (String clause : header.split(",")) {
            String[] parts = clause.split(";");
            String folder = parts[0].trim();
            if (folder.isEmpty()) continue;
            Precedence precedence = Precedence.INSTALLED;
            for (int k = 1; k < parts.length; k++) {
                String[] kv = parts[k].split(":?=", 2);
                if (kv.length != 2 || !kv[0].trim().equals("precedence")) {
                    throw new IllegalArgumentException(NAME + ": unknown directive '" + parts[k].trim()
                            + "' of folder '" + folder + "'; expected precedence:=installed or precedence:=fallback");
                }
                String value = kv[1].trim().toUpperCase(Locale.ROOT);
                if (!value.equals("INSTALLED") && !value.equals("FALLBACK")) {
                    throw new IllegalArgumentException(NAME + ": precedence of folder '" + folder + "' is '"
                            + kv[1].trim() + "'; expected installed or fallback");
                }
                precedence = Precedence.valueOf(value);
            }
            out.add(new Entry(folder, precedence));
        }
        return out;
    }
}
