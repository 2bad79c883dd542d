package org.bsb.neuron.spi;

import java.util.List;

/**
 * All instances of one mechanism type in one cell group, stored as structure of arrays:
 * {@code vars[k][i]} is range variable {@code k} (see {@link MechanismType#variables()}) of
 * instance {@code i}, and {@code node[i]} is the instance's node in the group's
 * {@link MechContext} arrays. Subclasses usually alias the rows they need in fields
 * ({@code final double[] gnabar = vars[0];}) and loop over {@code 0..count-1} in each callback.
 *
 * <p>Callbacks never allocate; they must be deterministic (no shared mutable state between
 * groups), so that results do not depend on the thread count.
 */
public abstract class Mechanism {
    protected final MechanismType type;
    /** Number of instances. */
    protected final int count;
    /**
     * Range variables: {@code vars[variable][instance]}. Each row has {@link #capacity(int)} entries, at least
     * {@code count}: the extra ones (set to the variable's default) let vector code load and store whole groups of
     * lanes at the end of a row; they belong to no instance.
     */
    protected final double[][] vars;
    /** Node index of each instance ({@code -1} for artificial cells). */
    protected final int[] node;

    protected Mechanism(MechanismType type, int count) {
        this.type = type;
        this.count = count;
        List<Variable> vs = type.variables();
        this.vars = new double[vs.size()][capacity(count)];
        for (int k = 0; k < vs.size(); k++) {
            java.util.Arrays.fill(vars[k], vs.get(k).defaultValue());
        }
        this.node = new int[count];
        java.util.Arrays.fill(node, -1);
    }

    /** The length of a row for {@code count} instances: {@code count} rounded up to a multiple of 8 doubles. */
    public static int capacity(int count) {
        return (count + 7) & ~7;
    }

    public final MechanismType type() {
        return type;
    }

    public final int count() {
        return count;
    }

    /** Node indices (live array; the engine fills it before {@link #bind}). */
    public final int[] nodes() {
        return node;
    }

    /** The live array of a range variable, for setting parameters and recording. */
    public final double[] variable(String name) {
        int k = type.variableIndex(name);
        if (k < 0) {
            throw new IllegalArgumentException(
                    "mechanism '" + type.name() + "' has no range variable '" + name + "'; it has "
                            + type.variables().stream().map(Variable::name).toList());
        }
        return vars[k];
    }

    /**
     * Called once after nodes and parameters are set and before {@link #init}: look up ion
     * arrays and anything else that is fixed for the run.
     */
    public void bind(MechContext ctx) {}

    /** NMODL {@code INITIAL}: set states from {@code ctx.v} (after {@code v = v_init}). */
    public abstract void init(MechContext ctx);

    /**
     * NMODL {@code BREAKPOINT} currents at {@code ctx.t = t + dt/2} and the previous step's
     * {@code v}: for each instance with current {@code i} and conductance {@code g = di/dv},
     * do {@code rhs[n] -= i; d[n] += g} (density: mA/cm², S/cm²; point process: scale nA and
     * µS by {@code 100/area[n]}; electrode currents with opposite sign), and add ionic currents
     * to the written ions' {@link IonArrays#cur}/{@link IonArrays#dcurdv}.
     */
    public abstract void current(MechContext ctx);

    /** NMODL {@code SOLVE ... METHOD}: advance states by {@code ctx.dt} with the new {@code v}. */
    public void state(MechContext ctx) {}

    /**
     * NMODL {@code NET_RECEIVE}, with {@code ctx.t} set to the event's delivery time.
     *
     * @param weights the connection's weight vector ({@link MechanismType#weightCount()} values
     *     from {@code offset}); mechanisms may write to it (NET_RECEIVE arguments are per
     *     connection state in NEURON); {@code null} for self-events
     * @param flag 0 for connection events, the {@code net_send} flag for self-events
     */
    public void netReceive(MechContext ctx, int instance, double[] weights, int offset, double flag) {}

    /**
     * Sets a vector-valued datum of one instance (NEURON's Vector arguments, e.g. VecStim's
     * {@code play(times)}); default: the type has none.
     */
    public void setVector(int instance, String name, double[] values) {
        throw new IllegalArgumentException("mechanism '" + type.name() + "' takes no vector '" + name + "'");
    }

    /** Sets a global of the type for this group (e.g. a table switch); default: none exist. */
    public void setGlobal(String name, double value) {
        throw new IllegalArgumentException("mechanism '" + type.name() + "' has no global '" + name + "'");
    }
}
