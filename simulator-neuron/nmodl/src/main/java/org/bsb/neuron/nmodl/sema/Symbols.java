package org.bsb.neuron.nmodl.sema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bsb.neuron.nmodl.ast.Ast.*;
import org.bsb.neuron.nmodl.diag.NmodlException;
import org.bsb.neuron.nmodl.runtime.MechanismInfo;
import org.bsb.neuron.nmodl.runtime.MechanismInfo.FieldKind;
import org.bsb.neuron.nmodl.units.UnitConstants;

/**
 * Semantic analysis: classifies every name of a file (per-instance field, ion variable, NEURON special,
 * constant) the way nocmodl does, and checks that names are plain identifiers.
 */
public final class Symbols {
    /** Names allowed into generated code. */
    public static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** NEURON-provided variables: v (per node), t, dt, celsius (global), diam and area (per segment). */
    public static final Set<String> SPECIAL = Set.of("v", "t", "dt", "celsius", "diam", "area");

    public enum IonPart {
        E,
        CI,
        CO,
        CUR
    }

    /** An ion variable: which ion (index into {@link #ions}) and which quantity. */
    public record IonVar(int ion, IonPart part, boolean read, boolean write) {}

    public final ModFile mod;
    public final Map<String, MechanismInfo.Field> fields = new LinkedHashMap<>();
    public final Map<String, IonVar> ionVars = new LinkedHashMap<>();
    public final Map<String, Double> constants = new LinkedHashMap<>();
    public final List<MechanismInfo.Ion> ions = new ArrayList<>();
    public final Set<String> stateNames = new LinkedHashSet<>();
    /** Currents that make up the membrane current: ion currents written, NONSPECIFIC and ELECTRODE currents. */
    public final List<String> currents = new ArrayList<>();
    /**
     * FUNCTIONs and PROCEDUREs that can call themselves (directly or through others), in file order: their
     * generated methods count their nesting and stop a runaway recursion with a message.
     */
    public final List<String> recursive = new ArrayList<>();

    public Symbols(ModFile mod) {
        this.mod = mod;
        constants.put("PI", Math.PI);
        constants.put("FARADAY", UnitConstants.FARADAY);
        constants.put("R", UnitConstants.GAS_CONSTANT);
        constants.putAll(mod.unitConstants);
        for (Decl d : mod.constants) {
            checkName(d.name(), d.pos());
            constants.put(d.name(), d.value() == null ? 0.0 : d.value());
        }
        for (UseIon u : mod.ions) {
            checkName(u.ion(), u.pos());
            int k = ions.size();
            ions.add(new MechanismInfo.Ion(
                    u.ion(),
                    List.copyOf(u.read()),
                    List.copyOf(u.write()),
                    u.valence() == null ? Double.NaN : u.valence()));
            Set<String> all = new LinkedHashSet<>(u.read());
            all.addAll(u.write());
            for (String n : all) {
                checkName(n, u.pos());
                IonPart part;
                if (n.equals("e" + u.ion())) part = IonPart.E;
                else if (n.equals(u.ion() + "i")) part = IonPart.CI;
                else if (n.equals(u.ion() + "o")) part = IonPart.CO;
                else if (n.equals("i" + u.ion())) part = IonPart.CUR;
                else
                    throw err(
                            u.pos(),
                            "'" + n + "' is not a variable of ion " + u.ion() + " (expected e" + u.ion() + ", "
                                    + u.ion() + "i, " + u.ion() + "o or i" + u.ion() + ")");
                ionVars.put(
                        n, new IonVar(k, part, u.read().contains(n), u.write().contains(n)));
                if (part == IonPart.CUR && u.write().contains(n)) currents.add(n);
            }
        }
        for (String n : mod.nonspecific) currents.add(n);
        for (String n : mod.electrodeCurrent) currents.add(n);
        requireDeclarations();
        Set<String> range = new LinkedHashSet<>(mod.range);
        Set<String> global = new LinkedHashSet<>(mod.global);
        for (Decl d : mod.parameters) addField(d, FieldKind.PARAMETER, range, global);
        for (Decl d : mod.states) {
            addField(d, FieldKind.STATE, range, global);
            stateNames.add(d.name());
        }
        for (Decl d : mod.assigned) addField(d, FieldKind.ASSIGNED, range, global);
        for (String n : ionVars.keySet()) {
            fields.put(n, new MechanismInfo.Field(n, FieldKind.ION, 0, true, false, 0));
        }
        for (String n : mod.locals) {
            checkName(n, null);
            if (!fields.containsKey(n)) fields.put(n, new MechanismInfo.Field(n, FieldKind.LOCAL, 0, false, false, 0));
        }
        for (String c : currents) {
            if (!fields.containsKey(c)) {
                fields.put(c, new MechanismInfo.Field(c, FieldKind.ASSIGNED, 0, true, false, 0));
            }
        }
        for (String n : mod.pointer) {
            // a POINTER is a per-instance value the engine keeps up to date (e.g. the partner voltage of a gap
            // junction)
            checkName(n, mod.suffixPos);
            MechanismInfo.Field old = fields.get(n);
            fields.put(
                    n,
                    new MechanismInfo.Field(
                            n, FieldKind.POINTER, old == null ? 0 : old.defaultValue(), true, false, 0));
        }
        NameCheck names = new NameCheck(this);
        names.run();
        for (Map.Entry<String, Set<String>> e : names.calls.entrySet()) {
            if (reaches(names.calls, e.getKey(), e.getKey(), new java.util.HashSet<>())) recursive.add(e.getKey());
        }
    }

    /** Whether {@code from} calls {@code to}, directly or through others (a worklist: the chain may be long). */
    private static boolean reaches(Map<String, Set<String>> calls, String from, String to, Set<String> seen) {
        java.util.ArrayDeque<String> work = new java.util.ArrayDeque<>(List.of(from));
        while (!work.isEmpty()) {
            for (String c : calls.getOrDefault(work.pop(), Set.of())) {
                if (c.equals(to)) return true;
                if (seen.add(c)) work.push(c);
            }
        }
        return false;
    }

    /**
     * NEURON requires every variable the NEURON block names as an ion variable, a current or a POINTER to be
     * declared in a PARAMETER, ASSIGNED or STATE block too: nocmodl rejects an undeclared POINTER ("does not have a
     * proper declaration"), and the C code of an undeclared ion variable or current does not compile. So do we.
     * RANGE and GLOBAL names that no block declares are ignored by nocmodl without a word; we ignore them too,
     * logged at FINE (a model that sets such a name gets the engine's "has no parameter" error).
     */
    private void requireDeclarations() {
        Set<String> declared = new LinkedHashSet<>();
        for (List<Decl> ds : List.of(mod.parameters, mod.assigned, mod.states))
            for (Decl d : ds) declared.add(d.name());
        for (UseIon u : mod.ions) {
            for (String n : u.read()) requireDeclared(declared, n, u.pos(), "USEION " + u.ion() + " READ");
            for (String n : u.write()) requireDeclared(declared, n, u.pos(), "USEION " + u.ion() + " WRITE");
        }
        for (String n : mod.nonspecific)
            requireDeclared(declared, n, mod.neuronNames.getOrDefault(n, mod.suffixPos), "NONSPECIFIC_CURRENT");
        for (String n : mod.electrodeCurrent)
            requireDeclared(declared, n, mod.neuronNames.getOrDefault(n, mod.suffixPos), "ELECTRODE_CURRENT");
        for (String n : mod.pointer)
            requireDeclared(declared, n, mod.neuronNames.getOrDefault(n, mod.suffixPos), "POINTER");
        Set<String> ignored = new LinkedHashSet<>();
        for (String n : mod.range) if (!declared.contains(n) && !SPECIAL.contains(n)) ignored.add("RANGE " + n);
        for (String n : mod.global) if (!declared.contains(n) && !SPECIAL.contains(n)) ignored.add("GLOBAL " + n);
        if (!ignored
                .isEmpty()) { // common in published files (10 of the dbbs catalogue's 46): not worth a warning each run
            java.util.logging.Logger.getLogger(Symbols.class.getName())
                    .fine(mod.file + ": NEURON block: "
                            + String.join(", ", ignored)
                            + (ignored.size() == 1 ? " names a variable" : " name variables")
                            + " that no PARAMETER, ASSIGNED or STATE block declares; ignored, as nocmodl does");
        }
    }

    private void requireDeclared(Set<String> declared, String n, Pos p, String what) {
        if (!declared.contains(n)) {
            throw err(
                    p,
                    what + " " + n + ": '" + n + "' is not declared; declare it in an ASSIGNED (or PARAMETER, STATE)"
                            + " block too, as NEURON requires");
        }
    }

    private void addField(Decl d, FieldKind kind, Set<String> range, Set<String> global) {
        checkName(d.name(), d.pos());
        if (SPECIAL.contains(d.name()) || ionVars.containsKey(d.name())) return;
        if (fields.containsKey(d.name())) throw err(d.pos(), "'" + d.name() + "' is declared twice");
        if (d.arraySize() < 0 || d.arraySize() > 1_000_000) throw err(d.pos(), "array size out of range");
        double def = d.value() == null ? 0.0 : d.value();
        if (kind == FieldKind.PARAMETER) def = sixDigits(def);
        boolean isRange = kind == FieldKind.STATE || range.contains(d.name());
        boolean isGlobal = !isRange && (global.contains(d.name()) || kind == FieldKind.PARAMETER);
        fields.put(d.name(), new MechanismInfo.Field(d.name(), kind, def, isRange, isGlobal, d.arraySize()));
    }

    /**
     * nocmodl writes PARAMETER defaults into the C code with printf's %g, i.e. rounded to 6 significant digits
     * (a default of 19.47175 becomes 19.4718); NEURON's values are those.
     */
    static double sixDigits(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) return v;
        return new java.math.BigDecimal(v)
                .round(new java.math.MathContext(6, java.math.RoundingMode.HALF_EVEN))
                .doubleValue();
    }

    private NmodlException err(Pos p, String msg) {
        return p == null ? new NmodlException(mod.file, msg) : new NmodlException(mod.file, p.line(), p.column(), msg);
    }

    private void checkName(String n, Pos p) {
        if (!IDENT.matcher(n).matches()) throw err(p, "invalid identifier '" + n + "'");
    }

    /**
     * {@code m0} for a STATE {@code m} that the file does not declare: nocmodl declares it (a global starting at 0,
     * {@code m}'s value before INITIAL runs), so a file may read it.
     */
    public boolean isInitialValue(String n) {
        return n.length() > 1
                && n.endsWith("0")
                && !fields.containsKey(n)
                && stateNames.contains(n.substring(0, n.length() - 1));
    }

    public boolean isPointProcess() {
        return mod.pointProcess != null;
    }
}
