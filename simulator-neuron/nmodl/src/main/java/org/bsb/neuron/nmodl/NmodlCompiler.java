package org.bsb.neuron.nmodl;

import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bsb.neuron.nmodl.diag.NmodlException;
import org.bsb.neuron.nmodl.gen.InMemoryCompiler;
import org.bsb.neuron.nmodl.gen.MethodSizes;
import org.bsb.neuron.nmodl.gen.VectorForm;
import org.bsb.neuron.nmodl.model.Model;
import org.bsb.neuron.nmodl.parse.Parser;
import org.bsb.neuron.nmodl.passes.Passes;
import org.bsb.neuron.nmodl.print.JavaPrinter;
import org.bsb.neuron.nmodl.runtime.MechanismInfo;
import org.bsb.neuron.nmodl.runtime.NmodlMechanism;
import org.bsb.neuron.nmodl.runtime.NmodlMechanismType;
import org.bsb.neuron.nmodl.sema.Symbols;

/**
 * Compiles {@code .mod} text into mechanism types of the SPI. Results are cached per SHA-256 of the file
 * content: in memory for the JVM, and as class files under {@code ~/.cache/bsb/nmodl} (or
 * {@code $BSB_NMODL_CACHE}; set it to {@code off} to disable) so later runs skip the Java compiler.
 */
public final class NmodlCompiler {
    /** Changes whenever generated code changes, so stale disk caches are ignored. */
    static final String CODEGEN_VERSION = "nmodl-codegen-49";

    private static final Map<String, NmodlMechanismType> CACHE = new ConcurrentHashMap<>();

    private NmodlCompiler() {}

    /** One file to compile: its name (for messages) and content. */
    public record Source(String fileName, String text) {}

    /** Compiles (or takes from a cache) the mechanism type of one file. */
    public static NmodlMechanismType compile(String fileName, String text) {
        return compileAll(List.of(new Source(fileName, text))).get(0);
    }

    /**
     * Compiles several files in one Java compiler run (cached ones are skipped). Returns the types in input
     * order; an {@link NmodlException} names the first file that fails.
     */
    public static List<NmodlMechanismType> compileAll(List<Source> sources) {
        NmodlMechanismType[] out = new NmodlMechanismType[sources.size()];
        Map<String, Pending> pending = new LinkedHashMap<>();
        String species = vectorSpecies();
        for (int k = 0; k < sources.size(); k++) {
            Source s = sources.get(k);
            String key = key(s.text());
            out[k] = cached(key, s.fileName());
            if (out[k] != null) continue;
            String className = className(key);
            Model model = analyse(s.fileName(), s.text());
            MechanismInfo info = info(model.symbols, s.fileName());
            pending.put(
                    JavaPrinter.PACKAGE + "." + className,
                    new Pending(
                            k,
                            info,
                            key,
                            model,
                            className,
                            generate(model, className, true, species, s.fileName()),
                            species != null));
        }
        if (pending.isEmpty()) return List.of(out);
        Map<String, Map<String, byte[]>> compiled = compileBatch(pending);
        // a method too large for the JIT: the vector form goes first (scalar one-method form), then the one-method
        // KINETIC solve (the split array form)
        for (int round = 0; round < 2; round++) {
            Map<String, Pending> huge = new LinkedHashMap<>();
            compiled.forEach((fqcn, classes) -> {
                int largest = classes.values().stream()
                        .mapToInt(MethodSizes::largest)
                        .max()
                        .orElse(0);
                Pending p = pending.get(fqcn);
                if (largest > MethodSizes.JIT_LIMIT && (p.vector || p.scalar)) {
                    boolean scalar = p.vector; // drop the vector form first, then the one-method form
                    huge.put(
                            fqcn,
                            new Pending(
                                    p.index,
                                    p.info,
                                    p.key,
                                    p.model,
                                    p.className,
                                    generate(p.model, p.className, scalar, null, p.info.file()),
                                    false,
                                    scalar));
                }
            });
            if (huge.isEmpty()) break;
            compiled.putAll(compileBatch(huge));
            pending.putAll(huge);
        }
        for (Map.Entry<String, Pending> e : pending.entrySet()) {
            Pending p = e.getValue();
            Map<String, byte[]> mine = compiled.get(e.getKey());
            DiskCache.store(p.key, new DiskCache.Entry(mine, p.info));
            out[p.index] = make(InMemoryCompiler.define(mine).get(e.getKey()), p.info, p.key, p.src);
        }
        return List.of(out);
    }

    /**
     * The NEURON name of the mechanism a file defines (its SUFFIX, POINT_PROCESS or ARTIFICIAL_CELL). A file compiled
     * before is not parsed again: its name comes with its classes from the caches (which then serve the compiling).
     */
    public static String mechanismName(String fileName, String text) {
        NmodlMechanismType t = cached(key(text), fileName);
        return t != null ? t.info().name() : Parser.parse(fileName, text).mechanismName();
    }

    /** The compile cache key of a file's content: it changes with the generator and with the vector form. */
    static String key(String text) {
        String species = vectorSpecies();
        return sha256(CODEGEN_VERSION + "\n" + (species == null ? "" : "vector " + species + "\n") + text);
    }

    /**
     * The vector forms' species, or null; with one, C1 is kept off the vector methods before any class that has
     * them is defined (compiled now or loaded from a cache).
     */
    private static String vectorSpecies() {
        String species = VectorForm.species();
        if (species != null) VectorForm.keepC1Off();
        return species;
    }

    private static String className(String key) {
        return "M" + key.substring(0, 24);
    }

    /** The type compiled from the content of {@code key}, from memory or disk; null when it was never compiled. */
    private static NmodlMechanismType cached(String key, String fileName) {
        NmodlMechanismType t = CACHE.get(key);
        if (t != null && t.info().file().equals(fileName)) return t;
        DiskCache.Entry hit = DiskCache.load(key, fileName);
        if (hit == null) return null;
        String fqcn = JavaPrinter.PACKAGE + "." + className(key);
        return make(InMemoryCompiler.define(hit.classes()).get(fqcn), hit.info(), key, null);
    }

    /** A file on its way through the Java compiler. */
    private record Pending(
            int index,
            MechanismInfo info,
            String key,
            Model model,
            String className,
            String src,
            boolean vector,
            boolean scalar) {
        Pending(int index, MechanismInfo info, String key, Model model, String className, String src, boolean vector) {
            this(index, info, key, model, className, src, vector, true);
        }
    }

    private static String generate(
            Model model, String className, boolean scalarKinetics, String species, String fileName) {
        try {
            return Passes.generate(model, className, scalarKinetics, species);
        } catch (StackOverflowError e) {
            throw new NmodlException(fileName, "expression or block nesting too deep");
        }
    }

    /** Compiles in one Java compiler run; the classes of each top-level class (with nested ones) by its name. */
    private static Map<String, Map<String, byte[]>> compileBatch(Map<String, Pending> batch) {
        Map<String, String> sources = new LinkedHashMap<>();
        batch.forEach((fqcn, p) -> sources.put(fqcn, p.src));
        Map<String, byte[]> all;
        try {
            all = InMemoryCompiler.compileToBytes(sources);
        } catch (InMemoryCompiler.TooLargeException e) {
            Pending p = batch.get(e.classes().iterator().next());
            throw new NmodlException(
                    p == null ? "?" : p.info.file(),
                    "its blocks make more Java code than a method can hold"
                            + " (64 KB of bytecode, e.g. from the derivatives of a very long expression): split long expressions into"
                            + " LOCAL variables or FUNCTIONs");
        } catch (IllegalStateException e) { // our defect: name the files whose code failed, for the report
            List<String> files = new ArrayList<>();
            batch.forEach((fqcn, p) -> {
                if (e.getMessage() != null && e.getMessage().contains(p.className)) files.add(p.info.file());
            });
            if (files.isEmpty()) throw e;
            throw new IllegalStateException(String.join(", ", files) + ": " + e.getMessage(), e);
        }
        Map<String, Map<String, byte[]>> out = new LinkedHashMap<>();
        for (String fqcn : batch.keySet()) {
            Map<String, byte[]> mine = new LinkedHashMap<>();
            for (Map.Entry<String, byte[]> c : all.entrySet()) {
                if (c.getKey().equals(fqcn) || c.getKey().startsWith(fqcn + "$")) mine.put(c.getKey(), c.getValue());
            }
            out.put(fqcn, mine);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static NmodlMechanismType make(Class<?> cls, MechanismInfo info, String key, String src) {
        try {
            NmodlMechanismType t = new NmodlMechanismType(
                    info,
                    (Constructor<? extends NmodlMechanism>) cls.getConstructor(NmodlMechanismType.class, int.class),
                    src);
            CACHE.put(key, t);
            return t;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses and generates Java source (no compilation), for inspection and tests. */
    public static String generateSource(String fileName, String text) {
        return Passes.generate(analyse(fileName, text), "Preview", true);
    }

    /** Parses and analyses a file (no code generation): the front-end passes. */
    static Model analyse(String fileName, String text) {
        return Passes.analyse(fileName, text);
    }

    private static MechanismInfo info(Symbols sym, String fileName) {
        List<MechanismInfo.Field> fields = new ArrayList<>(sym.fields.values());
        return new MechanismInfo(
                sym.mod.mechanismName(),
                fileName,
                sym.isPointProcess(),
                sym.mod.artificialCell,
                List.copyOf(fields),
                List.copyOf(sym.ions),
                sym.mod.netReceive == null ? 0 : sym.mod.netReceive.params().size(),
                !sym.currents.isEmpty(),
                !sym.mod.electrodeCurrent.isEmpty(),
                sym.recursive.stream()
                        .map(n -> sym.mod.callables.get(n).kind() + " " + n)
                        .toList());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
