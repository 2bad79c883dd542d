package org.bsb.neuron.nmodl;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bsb.api.io.AtomicFiles;
import org.bsb.neuron.nmodl.diag.NmodlException;
import org.bsb.neuron.nmodl.gen.InMemoryCompiler;
import org.bsb.neuron.nmodl.gen.MethodSizes;
import org.bsb.neuron.nmodl.gen.VectorForm;
import org.bsb.neuron.nmodl.model.Model;
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
    static final String CODEGEN_VERSION = "nmodl-codegen-39";

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
        String species = VectorForm.species();
        String form = species == null ? "" : "vector " + species + "\n";
        if (species != null) VectorForm.keepC1Off();
        for (int k = 0; k < sources.size(); k++) {
            Source s = sources.get(k);
            String key = sha256(CODEGEN_VERSION + "\n" + form + s.text());
            NmodlMechanismType cached = CACHE.get(key);
            if (cached != null && cached.info().file().equals(s.fileName())) {
                out[k] = cached;
                continue;
            }
            Model model = analyse(s.fileName(), s.text());
            String className = "M" + key.substring(0, 24);
            String fqcn = JavaPrinter.PACKAGE + "." + className;
            MechanismInfo info = info(model.symbols, s.fileName());
            Map<String, byte[]> bytes = DiskCache.load(key);
            if (bytes != null) {
                out[k] = make(InMemoryCompiler.define(bytes).get(fqcn), info, key, null);
                continue;
            }
            pending.put(
                    fqcn,
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
            DiskCache.store(p.key, mine);
            out[p.index] = make(InMemoryCompiler.define(mine).get(e.getKey()), p.info, p.key, p.src);
        }
        return List.of(out);
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

    /** Class files of compiled mechanisms on disk, one file per content hash. */
    static final class DiskCache {
        private DiskCache() {}

        static Path dir() {
            String env = System.getenv("BSB_NMODL_CACHE");
            if (env != null && env.equals("off")) return null;
            if (env != null && !env.isBlank()) return Path.of(env);
            String home = System.getProperty("user.home");
            return home == null ? null : Path.of(home, ".cache", "bsb", "nmodl");
        }

        static Map<String, byte[]> load(String key) {
            Path d = dir();
            if (d == null) return null;
            Path f = d.resolve(key + ".classes");
            if (!Files.isRegularFile(f)) return null;
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(f)))) {
                int n = in.readInt();
                Map<String, byte[]> out = new LinkedHashMap<>();
                for (int k = 0; k < n; k++) {
                    String name = in.readUTF();
                    byte[] b = new byte[in.readInt()];
                    in.readFully(b);
                    out.put(name, b);
                }
                return out;
            } catch (IOException | RuntimeException e) {
                return null; // a damaged cache entry is recompiled
            }
        }

        static void store(String key, Map<String, byte[]> classes) {
            Path d = dir();
            if (d == null) return;
            try {
                // whole or not at all, and no temporary file left when it fails: a half entry would be read as damaged
                AtomicFiles.write(d.resolve(key + ".classes"), stream -> {
                    DataOutputStream out = new DataOutputStream(stream);
                    out.writeInt(classes.size());
                    for (Map.Entry<String, byte[]> e : classes.entrySet()) {
                        out.writeUTF(e.getKey());
                        out.writeInt(e.getValue().length);
                        out.write(e.getValue());
                    }
                    out.flush();
                });
            } catch (IOException | RuntimeException e) {
                // the cache is an optimisation only
            }
        }
    }
}
