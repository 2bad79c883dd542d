package org.bsb.neuron.cable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bsb.neuron.spi.MechanismCatalogue;
import org.bsb.neuron.spi.MechanismKind;
import org.bsb.neuron.spi.MechanismType;

/**
 * What to simulate: cells, point processes and artificial cells, spike sources, connections
 * (NetCons) and probes. Built once, then run by {@link Simulator}. Indices returned by the
 * {@code add*} methods are stable ids.
 */
public final class Network {
    /** A point process or artificial cell instance. */
    public record PointRef(int id) {}

    /** A recorded quantity. */
    public record Probe(int id) {}

    record PointSpec(
            int cell, int node, MechanismType type, Map<String, Double> params, Map<String, double[]> vectors) {}

    /** A threshold detector ({@code cell >= 0}) or an artificial cell's output ({@code point >= 0}). */
    record SourceSpec(int cell, int node, double threshold, int point) {}

    record ConnSpec(int source, int target, double delay, double[] weights) {}

    /** Voltage ({@code point < 0 && mech == null}), density variable or point-process variable. */
    record ProbeSpec(int cell, int node, int point, String mech, String variable) {}

    final List<MechanismCatalogue> catalogues;
    final List<CableCell> cells = new ArrayList<>();
    final List<CellLayout> layouts = new ArrayList<>();
    final List<PointSpec> points = new ArrayList<>();
    final List<SourceSpec> sources = new ArrayList<>();
    final List<ConnSpec> connections = new ArrayList<>();
    final List<ProbeSpec> probes = new ArrayList<>();
    private final Map<String, MechanismType> resolved = new HashMap<>();
    /** Mechanism types in first-use order: the fixed order of current and state callbacks. */
    final LinkedHashMap<String, MechanismType> typeOrder = new LinkedHashMap<>();

    public Network(List<MechanismCatalogue> catalogues) {
        this.catalogues = MechanismCatalogue.inPrecedenceOrder(catalogues);
    }

    /** The mechanism type with this NEURON name from the first catalogue (in precedence order) that has it. */
    public MechanismType mechanism(String name) {
        MechanismType t = resolved.get(name);
        if (t == null) {
            for (int k = 0; k < catalogues.size() && t == null; k++) {
                var found = catalogues.get(k).find(name);
                if (found.isPresent()) {
                    t = found.get();
                    warnIfProvidedTwice(name, k);
                }
            }
            if (t == null) {
                throw new IllegalArgumentException("unknown mechanism '" + name + "': no catalogue provides it");
            }
            resolved.put(name, t);
        }
        typeOrder.putIfAbsent(name, t);
        return t;
    }

    /**
     * Between catalogues of different precedence the order is the documented one (a config's list before the
     * installed catalogues, before the built-ins, before fallbacks); between two of the same precedence (e.g.
     * {@code BSB_MECHANISM_PATH} and a mechanism bundle, both installed) it is only the order they were found
     * in, so a name both provide is worth a warning naming both and the one used.
     */
    private void warnIfProvidedTwice(String name, int used) {
        MechanismCatalogue first = catalogues.get(used);
        for (int k = used + 1; k < catalogues.size(); k++) {
            MechanismCatalogue other = catalogues.get(k);
            if (other.precedence() == first.precedence() && other.provides(name)) {
                LOG.warning("mechanism '" + name + "' is provided by two "
                        + first.precedence().name().toLowerCase()
                        + " catalogues: " + first.origin() + " and " + other.origin() + "; using " + first.origin()
                        + "'s");
            }
        }
    }

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Network.class.getName());

    /**
     * Mechanism types in callback order: as NEURON orders its mechanism lists, types that write an ion
     * concentration come first (so that {@code cai} is set before mechanisms that read it are initialised
     * and advanced), the others follow in first-use order.
     */
    List<MechanismType> callbackOrder() {
        List<MechanismType> out = new ArrayList<>();
        for (MechanismType t : typeOrder.values()) {
            if (t.ions().stream().anyMatch(u -> u.writesConcentration())) {
                out.add(t);
            }
        }
        for (MechanismType t : typeOrder.values()) {
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    public int addCell(CableCell cell) {
        for (CableSection s : cell.sections()) {
            for (MechanismSpec m : s.mechanisms()) {
                MechanismType t = mechanism(m.name());
                if (t.kind() != MechanismKind.DENSITY) {
                    throw new IllegalArgumentException("cell " + cell.name() + ", section " + s.name() + ": '"
                            + m.name() + "' is a " + t.kind() + ", not a density mechanism");
                }
                checkParams(t, m.params(), "cell " + cell.name() + ", section " + s.name());
            }
        }
        cells.add(cell);
        layouts.add(new CellLayout(cell));
        return cells.size() - 1;
    }

    public CellLayout layout(int cell) {
        return layouts.get(cell);
    }

    private static void checkParams(MechanismType t, Map<String, Double> params, String where) {
        for (String p : params.keySet()) {
            if (t.variableIndex(p) < 0) {
                throw new IllegalArgumentException(
                        where + ": mechanism '" + t.name() + "' has no parameter '" + p + "'");
            }
        }
    }

    /** A point process at {@code section(x)} of a cell. */
    public PointRef addPointProcess(int cell, int section, double x, String type, Map<String, Double> params) {
        MechanismType t = mechanism(type);
        if (t.kind() != MechanismKind.POINT_PROCESS) {
            throw new IllegalArgumentException("'" + type + "' is a " + t.kind() + ", not a point process");
        }
        checkParams(t, params, "point process " + type);
        int node = layouts.get(cell).nodeAt(section, x);
        points.add(new PointSpec(cell, node, t, params, new HashMap<>()));
        return new PointRef(points.size() - 1);
    }

    /** An artificial cell (NetStim, VecStim, ...), not attached to any cell. */
    public PointRef addArtificialCell(String type, Map<String, Double> params) {
        MechanismType t = mechanism(type);
        if (t.kind() != MechanismKind.ARTIFICIAL_CELL) {
            throw new IllegalArgumentException("'" + type + "' is a " + t.kind() + ", not an artificial cell");
        }
        checkParams(t, params, "artificial cell " + type);
        points.add(new PointSpec(-1, -1, t, params, new HashMap<>()));
        return new PointRef(points.size() - 1);
    }

    /** Gives a point process or artificial cell a vector datum (e.g. VecStim's spike times). */
    public void setVector(PointRef point, String name, double[] values) {
        points.get(point.id()).vectors().put(name, values.clone());
    }

    /** A spike detector on {@code v} at {@code section(x)}: upward crossings of the threshold. */
    public int addSpikeSource(int cell, int section, double x, double threshold) {
        sources.add(new SourceSpec(cell, layouts.get(cell).nodeAt(section, x), threshold, -1));
        return sources.size() - 1;
    }

    /** The output of an artificial cell (its {@code net_event}s). */
    public int addSpikeSource(PointRef artificial) {
        if (points.get(artificial.id()).cell() >= 0) {
            throw new IllegalArgumentException("only artificial cells are spike sources by themselves");
        }
        sources.add(new SourceSpec(-1, -1, 0, artificial.id()));
        return sources.size() - 1;
    }

    /** A NetCon from a source to a point process or artificial cell that receives events. */
    public int connect(int source, PointRef target, double delay, double... weights) {
        MechanismType t = points.get(target.id()).type();
        if (!t.receivesEvents()) {
            throw new IllegalArgumentException("'" + t.name() + "' has no NET_RECEIVE block; it cannot be a target");
        }
        double[] w = new double[Math.max(t.weightCount(), 1)];
        System.arraycopy(weights, 0, w, 0, Math.min(weights.length, w.length));
        if (!(delay >= 0)) {
            throw new IllegalArgumentException("connection delay must be >= 0, got " + delay);
        }
        connections.add(new ConnSpec(source, target.id(), delay, w));
        return connections.size() - 1;
    }

    public Probe probeVoltage(int cell, int section, double x) {
        probes.add(new ProbeSpec(cell, layouts.get(cell).nodeAt(section, x), -1, null, null));
        return new Probe(probes.size() - 1);
    }

    /** A range variable of a density mechanism at {@code section(x)}. */
    public Probe probeDensity(int cell, int section, double x, String mech, String variable) {
        mechanism(mech);
        probes.add(new ProbeSpec(cell, layouts.get(cell).nodeAt(section, x), -1, mech, variable));
        return new Probe(probes.size() - 1);
    }

    /**
     * An ion quantity at {@code section(x)}: {@code e} (mV), {@code ci}, {@code co} (mM),
     * {@code cur} (mA/cm²), e.g. {@code probeIon(c, 0, 0.5, "ca", "ci")} for {@code cai}.
     */
    public Probe probeIon(int cell, int section, double x, String ion, String quantity) {
        if (!List.of("e", "ci", "co", "cur").contains(quantity)) {
            throw new IllegalArgumentException("ion quantity must be e, ci, co or cur, got '" + quantity + "'");
        }
        probes.add(new ProbeSpec(cell, layouts.get(cell).nodeAt(section, x), -1, ION_PREFIX + ion, quantity));
        return new Probe(probes.size() - 1);
    }

    static final String ION_PREFIX = "ion:";

    /** A range variable of a point process or artificial cell. */
    public Probe probe(PointRef point, String variable) {
        PointSpec p = points.get(point.id());
        if (p.type().variableIndex(variable) < 0) {
            throw new IllegalArgumentException("'" + p.type().name() + "' has no variable '" + variable + "'");
        }
        probes.add(new ProbeSpec(p.cell(), p.node(), point.id(), p.type().name(), variable));
        return new Probe(probes.size() - 1);
    }

    public int cellCount() {
        return cells.size();
    }
}
