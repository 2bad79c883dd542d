package org.bsb.neuron.nmodl.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bsb.neuron.nmodl.ast.Ast.ModFile;
import org.bsb.neuron.nmodl.ast.Ast.Solve;
import org.bsb.neuron.nmodl.lex.Token;
import org.bsb.neuron.nmodl.sema.Symbols;

/** What the passes know about one file; each pass fills in its part. */
public final class Model {
    public final String file;
    public final String text;
    /** Lexer. */
    public List<Token> tokens;
    /** Parser. */
    public ModFile mod;
    /** Semantic analysis. */
    public Symbols symbols;
    /** Back end: the class to print and whether KINETIC schemes get the one-method form. */
    public String className;

    public boolean scalarKinetics = true;
    /**
     * The {@code jdk.incubator.vector} species of the vector forms (e.g. {@code SPECIES_512}),
     * or null for the scalar form only.
     */
    public String vectorSpecies;
    /** Solver lowering: each SOLVE's block, by {@link #solveKey}. */
    public final Map<String, SolvedBlock> solved = new LinkedHashMap<>();
    /** Printer. */
    public String java;

    public Model(String file, String text) {
        this.file = file;
        this.text = text;
    }

    /** A model with this one's front-end results, for a back-end run. */
    public Model forBackEnd(String className, boolean scalarKinetics) {
        return forBackEnd(className, scalarKinetics, null);
    }

    /** As {@link #forBackEnd(String, boolean)}, with KINETIC solves also in vector form over {@code vectorSpecies}. */
    public Model forBackEnd(String className, boolean scalarKinetics, String vectorSpecies) {
        Model m = new Model(file, text);
        m.vectorSpecies = vectorSpecies;
        m.tokens = tokens;
        m.mod = mod;
        m.symbols = symbols;
        m.className = className;
        m.scalarKinetics = scalarKinetics;
        return m;
    }

    /** SOLVEs of the same block by the same method share one solver. */
    public static String solveKey(Solve s) {
        return s.block() + ":" + (s.method() == null ? "" : s.method());
    }
}
