package org.bsb.neuron.cable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.bsb.api.morphology.Branch;
import org.bsb.api.morphology.Morphology;
import org.bsb.neuron.model.IonDefinition;
import org.bsb.neuron.model.MechanismId;
import org.bsb.neuron.model.MergedCable;
import org.bsb.neuron.model.ModelDefinition;

/**
 * Builds cable cells the way the original (arborize + bsb-neuron) does: a section per run of
 * points with the same labels within a branch (a new section does not repeat the previous
 * point), the child's 0-end on the parent's 1-end, cable types merged per section,
 * {@code nseg = int(L // 10) + 1}, 3-D points as float32.
 */
public final class CellBuilder {
    /**
     * A section before the model is applied; {@code branch} and {@code firstPoint} locate its
     * points in the morphology (point {@code k} of the section is point {@code firstPoint + k}
     * of the branch), for mapping (branch, point) locations to sections.
     */
    public record RawSection(
            String name,
            Set<String> labels,
            int parent,
            float[] x,
            float[] y,
            float[] z,
            float[] diam,
            int branch,
            int firstPoint) {}

    private CellBuilder() {}

    /** Sections of a morphology, in depth-first creation order. */
    public static List<RawSection> sections(Morphology morphology, String cellName) {
        List<RawSection> out = new ArrayList<>();
        List<Branch> branches = morphology.branches();
        int[] lastSectionOfBranch = new int[branches.size()];
        for (int bi = 0; bi < branches.size(); bi++) {
            Branch b = branches.get(bi);
            int parent = b.parent() < 0 ? -1 : lastSectionOfBranch[b.parent()];
            int start = 0;
            for (int i = 1; i <= b.size(); i++) {
                if (i == b.size()
                        || !Objects.equals(
                                morphology.labelSet(b.labels()[i]), morphology.labelSet(b.labels()[start]))) {
                    int n = i - start;
                    float[] x = new float[n];
                    float[] y = new float[n];
                    float[] z = new float[n];
                    float[] d = new float[n];
                    for (int k = 0; k < n; k++) {
                        x[k] = (float) b.x(start + k);
                        y[k] = (float) b.y(start + k);
                        z[k] = (float) b.z(start + k);
                        d[k] = (float) (2 * b.radii()[start + k]);
                    }
                    String name = cellName + "_interval (" + bi + "." + start + "-" + (i - 1) + ")";
                    out.add(new RawSection(
                            name, morphology.labelSet(b.labels()[start]), parent, x, y, z, d, bi, start));
                    parent = out.size() - 1;
                    start = i;
                }
            }
            lastSectionOfBranch[bi] = parent;
        }
        return out;
    }

    /**
     * Applies a model to raw sections.
     *
     * @param resolver NEURON mechanism name of a definition's mechanism id
     */
    public static CableCell build(
            String cellName, List<RawSection> raw, ModelDefinition model, Function<MechanismId, String> resolver) {
        List<CableSection> secs = new ArrayList<>();
        for (RawSection r : raw) {
            if (r.x().length < 2) {
                throw new IllegalArgumentException(
                        "cell " + cellName + ", section " + r.name() + ": a single-point section has no length");
            }
            MergedCable mc = model.merge(r.labels());
            List<MechanismSpec> mechs = new ArrayList<>();
            for (Map.Entry<MechanismId, Map<String, Double>> e : mc.mechanisms().entrySet()) {
                mechs.add(new MechanismSpec(resolver.apply(e.getKey()), e.getValue()));
            }
            Map<String, IonSpec> ions = new LinkedHashMap<>();
            for (Map.Entry<String, IonDefinition> e : mc.ions().entrySet()) {
                IonDefinition i = e.getValue();
                ions.put(e.getKey(), new IonSpec(i.revPot(), i.intCon(), i.extCon()));
            }
            double length = SectionGeometry.arcs(r.x(), r.y(), r.z())[r.x().length - 1];
            secs.add(new CableSection(
                    r.name(),
                    model.mergeOrder(r.labels()),
                    r.parent(),
                    r.x(),
                    r.y(),
                    r.z(),
                    r.diam(),
                    SectionGeometry.nsegFor(length),
                    mc.ra(),
                    mc.cm(),
                    mechs,
                    ions));
        }
        return new CableCell(cellName, secs);
    }

    /** The default resolver: the id's name, or {@code name__variant} with a variant. */
    public static String defaultName(MechanismId id) {
        return id.variant() == null ? id.name() : id.name() + "__" + id.variant();
    }
}
