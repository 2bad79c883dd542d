package org.bsb.neuron.spi;

import java.util.List;

/**
 * A mechanism's {@code USEION} statement. Names are NEURON's: for ion {@code ca} the readable
 * and writable names are {@code eca}, {@code cai}, {@code cao} and {@code ica}.
 *
 * <p>The engine derives the ion's behaviour per node from the uses of all mechanisms there, as
 * NEURON does: if any mechanism writes {@code cai} or {@code cao}, the reversal potential is
 * recomputed from the concentrations by the Nernst equation at initialisation and at every
 * step; otherwise it stays at the value the model sets ({@code rev_pot}) or the default.
 *
 * @param ion ion name, e.g. {@code na}, {@code ca}
 * @param valence charge number; 0 means "the ion's known default" (na, k, h: 1; ca: 2)
 * @param reads names read, e.g. {@code [ena]} or {@code [cai, cao]}
 * @param writes names written, e.g. {@code [ina]} or {@code [cai]}
 */
public record IonUse(String ion, int valence, List<String> reads, List<String> writes) {
    public IonUse {
        reads = List.copyOf(reads);
        writes = List.copyOf(writes);
    }

    /** True if the mechanism writes the ion's current ({@code i<ion>}). */
    public boolean writesCurrent() {
        return writes.contains("i" + ion);
    }

    /** True if the mechanism writes the internal or external concentration. */
    public boolean writesConcentration() {
        return writes.contains(ion + "i") || writes.contains(ion + "o");
    }

    /** True if the mechanism reads or writes the reversal potential {@code e<ion>}. */
    public boolean usesReversal() {
        return reads.contains("e" + ion) || writes.contains("e" + ion);
    }
}
