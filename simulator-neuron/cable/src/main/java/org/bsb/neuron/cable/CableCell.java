package org.bsb.neuron.cable;

import java.util.List;

/**
 * A multi-compartment cell: sections in an order where every parent precedes its children
 * (section 0 is the root).
 */
public record CableCell(String name, List<CableSection> sections) {
    public CableCell {
        sections = List.copyOf(sections);
        for (int i = 0; i < sections.size(); i++) {
            int p = sections.get(i).parent();
            if ((i == 0) != (p < 0) || p >= i) {
                throw new IllegalArgumentException("cell " + name + ": section " + i + " has parent " + p
                        + "; sections must be ordered parents first with a single root at index 0");
            }
        }
    }

    public int segmentCount() {
        int n = 0;
        for (CableSection s : sections) {
            n += s.nseg();
        }
        return n;
    }

    /** The section with this name. */
    public int sectionIndex(String sectionName) {
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).name().equals(sectionName)) {
                return i;
            }
        }
        throw new IllegalArgumentException("cell " + name + " has no section '" + sectionName + "'");
    }
}
