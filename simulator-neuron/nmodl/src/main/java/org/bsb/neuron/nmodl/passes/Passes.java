package org.bsb.neuron.nmodl.passes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.bsb.neuron.nmodl.ast.AstDump;
import org.bsb.neuron.nmodl.lex.Lexer;
import org.bsb.neuron.nmodl.model.*;
import org.bsb.neuron.nmodl.parse.Parser;
import org.bsb.neuron.nmodl.print.JavaPrinter;
import org.bsb.neuron.nmodl.sema.Symbols;

/**
 * The compiler's passes, in order. The front end (lexer, parser, semantic analysis) runs once per file;
 * the back end (solver lowering, KINETIC lowering, the first-write rewrite, printing) once per form of the
 * generated class (KINETIC solves in one method, or split when that method is too large for the JIT).
 *
 * <p>{@code BSB_NMODL_DUMP=<folder>} (or the system property {@code bsb.nmodl.dump}) writes the model after
 * every pass as {@code <file>.<nn>-<pass>.txt} into that folder ({@code -} for standard error).
 */
public final class Passes {
    /** Lexer, parser, semantic analysis. */
    public static final List<Pass> FRONT = List.of(new Lex(), new Parse(), new Sema());
    /** From the analysed tree to Java source. */
    public static final List<Pass> BACK =
            List.of(new SolveLowering(), new KineticLowering(), new FirstWrite(), new Print());

    private Passes() {}

    /** Runs the front end on a file's text. */
    public static Model analyse(String file, String text) {
        Model m = new Model(file, text);
        run(FRONT, m, 1);
        return m;
    }

    /** Runs the back end on an analysed model: the Java source of {@code JavaPrinter.PACKAGE + "." + className}. */
    public static String generate(Model analysed, String className, boolean scalarKinetics) {
        return generate(analysed, className, scalarKinetics, null);
    }

    /** As {@link #generate(Model, String, boolean)}, KINETIC solves also in vector form (null: scalar only). */
    public static String generate(Model analysed, String className, boolean scalarKinetics, String vectorSpecies) {
        Model m = analysed.forBackEnd(className, scalarKinetics, vectorSpecies);
        run(BACK, m, FRONT.size() + 1);
        return m.java;
    }

    private static void run(List<Pass> passes, Model m, int number) {
        Path dump = dumpFolder();
        for (Pass p : passes) {
            p.run(m);
            if (dump != null) dump(dump, m, p, number);
            number++;
        }
    }

    /** The folder of {@code BSB_NMODL_DUMP} / {@code bsb.nmodl.dump}, {@code Path.of("-")} for standard error, or null. */
    static Path dumpFolder() {
        String d = System.getProperty("bsb.nmodl.dump", System.getenv("BSB_NMODL_DUMP"));
        return d == null || d.isBlank() ? null : Path.of(d);
    }

    private static void dump(Path folder, Model m, Pass p, int number) {
        String name = String.format("%s.%02d-%s.txt", Path.of(m.file).getFileName(), number, p.name());
        String text = p.dump(m);
        if (folder.toString().equals("-")) {
            System.err.println("==== " + name + "\n" + text);
            return;
        }
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(name), text);
        } catch (IOException e) {
            System.err.println("nmodl: cannot write the dump " + folder.resolve(name) + ": " + e.getMessage());
        }
    }

    /** Tokens of the file. */
    static final class Lex implements Pass {
        @Override
        public String name() {
            return "lex";
        }

        @Override
        public void run(Model m) {
            m.tokens = Lexer.tokenize(m.file, m.text);
        }

        @Override
        public String dump(Model m) {
            return m.tokens.stream()
                    .map(t -> t.line() + ":" + t.column() + " " + t.kind() + " " + t.text())
                    .collect(Collectors.joining("\n", "", "\n"));
        }
    }

    /** The syntax tree. */
    static final class Parse implements Pass {
        @Override
        public String name() {
            return "parse";
        }

        @Override
        public void run(Model m) {
            try {
                m.mod = Parser.parse(m.file, m.tokens);
            } catch (StackOverflowError e) {
                throw new org.bsb.neuron.nmodl.diag.NmodlException(m.file, "expression or block nesting too deep");
            }
        }

        @Override
        public String dump(Model m) {
            return AstDump.file(m.mod);
        }
    }

    /** Names classified (fields, ions, constants, specials), undeclared names refused. */
    static final class Sema implements Pass {
        @Override
        public String name() {
            return "sema";
        }

        @Override
        public void run(Model m) {
            m.symbols = new Symbols(m.mod);
        }

        @Override
        public String dump(Model m) {
            Symbols s = m.symbols;
            return "fields " + s.fields.keySet() + "\nions " + s.ionVars.keySet() + "\nconstants " + s.constants
                    + "\nstates " + s.stateNames + "\ncurrents " + s.currents + "\nrecursive " + s.recursive + "\n";
        }
    }

    /** The Java source. */
    static final class Print implements Pass {
        @Override
        public String name() {
            return "print";
        }

        @Override
        public void run(Model m) {
            m.java = JavaPrinter.print(m);
        }

        @Override
        public String dump(Model m) {
            return m.java;
        }
    }
}
