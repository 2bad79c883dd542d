package org.bsb.neuron.adapter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bsb.api.morphology.Branch;
import org.bsb.api.morphology.Morphology;
import org.bsb.neuron.cable.CableSection;
import org.bsb.neuron.cable.IonSpec;
import org.bsb.neuron.cable.MechanismSpec;
import org.bsb.neuron.cable.SectionGeometry;
import org.bsb.neuron.model.IonDefinition;
import org.bsb.neuron.model.MechanismId;
import org.bsb.neuron.model.MergedCable;
import org.bsb.neuron.model.ModelDefinition;
import org.bsb.neuron.model.SynapseDefinition;
import org.bsb.targetting.UnitSections;

/**
 * A morphology built with a model definition, as arborize builds it for NEURON: one section per
 * unit section (a branch cut where the point labels change, {@link UnitSections}), 3-D points
 * with diameter 2r, {@code nseg = int(L / 10) + 1}, cable, ion and mechanism values merged from
 * the labels' cable types, and the synapse types available on each section.
 */
public final class CellTemplate {
    /** Where a morphology location lies: section index and its arc interval. */
    public record Place(int section, double arcStart, double arcEnd) {
        /** {@code arc(sx)} of arborize's LocationAccessor. */
        public double arc(double sx) {
            return (arcEnd - arcStart) * sx + arcStart;
        }
    }

    private final List<CableSection> sections = new ArrayList<>();
    private final List<Map<String, SynapseDefinition>> synapses = new ArrayList<>();
    private final Map<Long, Place> places = new LinkedHashMap<>();

    /**
     * @param resolve the catalogue name of a mechanism id ({@code ("NMDA", "stellate")} to its
     *     NEURON name); throws with a message if unknown
     */
    public CellTemplate(Morphology morphology, ModelDefinition model, Function<MechanismId, String> resolve) {
        List<UnitSections.Section> units = UnitSections.of(morphology);
        int[] lastOfBranch = new int[morphology.branches().size()];
        java.util.Arrays.fill(lastOfBranch, -1);
        for (int u = 0; u < units.size(); u++) {
            UnitSections.Section unit = units.get(u);
            Branch branch = morphology.branches().get(unit.branch());
            if (unit.size() < 2) {
                throw new IllegalArgumentException("morphology " + morphology.name() + ": branch " + unit.branch()
                        + " has a single-point run of labels " + unit.labels() + " at point " + unit.start()
                        + "; single-point sections are not supported");
            }
            int parent = unit.start() > 0 ? u - 1 : branch.parent() >= 0 ? lastOfBranch[branch.parent()] : -1;
            if (u > 0 && parent < 0) {
                throw new IllegalArgumentException("morphology " + morphology.name() + ": branch " + unit.branch()
                        + " is a second root; a cell must be one tree");
            }
            int n = unit.size();
            float[] x = new float[n];
            float[] y = new float[n];
            float[] z = new float[n];
            float[] d = new float[n];
            for (int k = 0; k < n; k++) {
                int i = unit.start() + k;
                x[k] = (float) branch.x(i);
                y[k] = (float) branch.y(i);
                z[k] = (float) branch.z(i);
                d[k] = (float) (2 * branch.radii()[i]);
            }
            double[] arcs = SectionGeometry.arcs(x, y, z);
            int nseg = SectionGeometry.nsegFor(arcs[n - 1]);
            MergedCable cable = model.merge(unit.labels());
            List<MechanismSpec> mechs = new ArrayList<>();
            cable.mechanisms().forEach((id, params) -> mechs.add(new MechanismSpec(resolve.apply(id), params)));
            Map<String, IonSpec> ions = new LinkedHashMap<>();
            for (Map.Entry<String, IonDefinition> e : cable.ions().entrySet()) {
                IonDefinition ion = e.getValue();
                ions.put(e.getKey(), new IonSpec(ion.revPot(), ion.intCon(), ion.extCon()));
            }
            String name = morphology.name() + "_" + unit.branch() + "_" + unit.start();
            sections.add(new CableSection(
                    name, List.copyOf(unit.labels()), parent, x, y, z, d, nseg, cable.ra(), cable.cm(), mechs, ions));
            synapses.add(synapseTypes(model, model.mergeOrder(unit.labels())));
            for (int i = unit.start(); i < unit.end(); i++) {
                places.put(key(unit.branch(), i), new Place(u, unit.arcStart(i), unit.arcEnd(i)));
            }
            lastOfBranch[unit.branch()] = u;
        }
    }

    /** Global synapse types, then each label's cable type's synapses in merge order (later win). */
    private static Map<String, SynapseDefinition> synapseTypes(ModelDefinition model, List<String> labels) {
        Map<String, SynapseDefinition> out = new LinkedHashMap<>(model.synapseTypes());
        for (String label : labels) {
            var type = model.cableTypes().get(label);
            if (type != null) {
                type.synapses().forEach((name, def) -> {
                    SynapseDefinition base = out.get(name);
                    if (base != null && base.mechanism().equals(def.mechanism())) {
                        Map<String, Double> params = new LinkedHashMap<>(base.parameters());
                        params.putAll(def.parameters());
                        out.put(name, new SynapseDefinition(def.mechanism(), params));
                    } else {
                        out.put(name, def);
                    }
                });
            }
        }
        return out;
    }

    private static long key(int branch, int point) {
        return ((long) branch << 32) | (point & 0xffffffffL);
    }

    public List<CableSection> sections() {
        return sections;
    }

    /** The section and arc interval of a morphology location. */
    public Place place(int branch, int point) {
        Place p = places.get(key(branch, point));
        if (p == null) {
            throw new IllegalArgumentException("no location (" + branch + ", " + point + ") on this morphology");
        }
        return p;
    }

    /** Synapse types available on a section, by name. */
    public Map<String, SynapseDefinition> synapseTypes(int section) {
        return synapses.get(section);
    }
}
