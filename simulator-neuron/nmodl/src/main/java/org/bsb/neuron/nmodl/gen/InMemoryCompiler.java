package org.bsb.neuron.nmodl.gen;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles generated Java source in memory with the JDK's {@code javax.tools} compiler. The runtime classes
 * the generated code extends are served from this bundle's class loader (so it also works inside OSGi,
 * where they are not on the system class path), and the result is defined in a child loader of it.
 */
public final class InMemoryCompiler {
    /** Packages the generated code compiles against, with their classes (a bundle loader cannot list a package). */
    private static final Map<String, String[]> PACKAGES = Map.of(
            "org.bsb.neuron.nmodl.runtime",
                    new String[] {
                        "NmodlMechanism",
                        "NmodlMechanism$FormChoice",
                        "NmodlMechanismType",
                        "MechanismInfo",
                        "MechanismInfo$Field",
                        "MechanismInfo$FieldKind",
                        "MechanismInfo$Ion",
                        "DenseSolver"
                    },
            "org.bsb.neuron.spi",
                    new String[] {
                        "Mechanism",
                        "MechanismType",
                        "MechContext",
                        "IonArrays",
                        "IonUse",
                        "EventSink",
                        "Variable",
                        "VariableKind",
                        "MechanismKind",
                        "MechanismCatalogue"
                    });

    private InMemoryCompiler() {}

    /** Compiles one class; returns it defined in a new child loader of this bundle's loader. */
    public static Class<?> compile(String fqcn, String source) {
        return define(compileToBytes(Map.of(fqcn, source))).get(fqcn);
    }

    /**
     * Compiles several classes in one compiler run (much cheaper than one run each) and returns the class
     * files by binary name. Throws {@link IllegalStateException} naming the class when the code does not compile.
     */
    /** The generated classes (binary names) exceed a limit of the class file format, e.g. 64 KB of code per method. */
    public static final class TooLargeException extends IllegalStateException {
        private static final long serialVersionUID = 1L;
        private final transient java.util.Set<String> classes;

        TooLargeException(java.util.Set<String> classes) {
            super("generated code exceeds the class file limits: " + classes);
            this.classes = java.util.Set.copyOf(classes);
        }

        public java.util.Set<String> classes() {
            return classes;
        }
    }

    public static Map<String, byte[]> compileToBytes(Map<String, String> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler: run on a JDK (not a JRE) to compile NMODL mechanisms");
        }
        ClassLoader parent = InMemoryCompiler.class.getClassLoader();
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        StandardJavaFileManager std = javac.getStandardFileManager(diags, null, null);
        MemoryManager fm = new MemoryManager(std, parent);
        List<JavaFileObject> units = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            String src = e.getValue();
            units.add(
                    new SimpleJavaFileObject(
                            URI.create("string:///" + e.getKey().replace('.', '/') + ".java"),
                            JavaFileObject.Kind.SOURCE) {
                        @Override
                        public CharSequence getCharContent(boolean ignore) {
                            return src;
                        }
                    });
        }
        StringWriter log = new StringWriter();
        List<String> options = new ArrayList<>(List.of("-proc:none", "-g:none", "-nowarn"));
        // the vector forms (VectorForm) compile against the incubator module when this JVM has it
        if (VectorForm.available()) options.addAll(List.of("--add-modules", VectorForm.MODULE));
        Boolean ok = javac.getTask(log, fm, diags, options, null, units).call();
        if (!Boolean.TRUE.equals(ok)) {
            // the JVM's class file limits (a method over 64 KB, too many constants): the input is too large, not a
            // defect
            java.util.Set<String> tooLarge = new java.util.LinkedHashSet<>();
            boolean onlyLimits = true;
            for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
                if (d.getKind() != Diagnostic.Kind.ERROR) continue;
                String code = d.getCode() == null ? "" : d.getCode();
                if (code.startsWith("compiler.err.limit.") && d.getSource() != null) {
                    String path = d.getSource().toUri().getPath();
                    tooLarge.add(
                            path.substring(1, path.length() - ".java".length()).replace('/', '.'));
                } else {
                    onlyLimits = false;
                }
            }
            if (onlyLimits && !tooLarge.isEmpty()) throw new TooLargeException(tooLarge);
            StringBuilder sb = new StringBuilder("generated code does not compile (a compiler defect):");
            for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
                sb.append("\n  ")
                        .append(d.getSource() == null ? "" : d.getSource().getName())
                        .append(" line ")
                        .append(d.getLineNumber())
                        .append(": ")
                        .append(d.getMessage(null));
            }
            throw new IllegalStateException(sb.toString());
        }
        return fm.output;
    }

    /** Defines compiled classes in a new child loader of this bundle's loader; returns the top-level ones. */
    public static Map<String, Class<?>> define(Map<String, byte[]> classes) {
        ClassLoader parent = InMemoryCompiler.class.getClassLoader();
        ClassLoader loader = new ClassLoader(parent) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                // the incubator's classes come from the JDK, also inside OSGi, whose bundle loaders delegate only
                // java.* to the JDK
                if (name.startsWith(VectorForm.MODULE + "."))
                    return ClassLoader.getPlatformClassLoader().loadClass(name);
                return super.loadClass(name, resolve);
            }

            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] b = classes.get(name);
                if (b == null) throw new ClassNotFoundException(name);
                return defineClass(name, b, 0, b.length);
            }
        };
        Map<String, Class<?>> out = new HashMap<>();
        for (String name : classes.keySet()) {
            if (name.contains("$")) continue;
            try {
                out.put(name, loader.loadClass(name));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** Keeps class output in memory and lists the runtime package's classes from the parent loader. */
    private static final class MemoryManager extends ForwardingJavaFileManager<JavaFileManager> {
        final Map<String, byte[]> output = new HashMap<>();
        final ClassLoader parent;
        private final Map<String, Boolean> onClassPath = new HashMap<>();

        MemoryManager(StandardJavaFileManager std, ClassLoader parent) {
            super(std);
            this.parent = parent;
            for (String pkg : PACKAGES.keySet()) {
                boolean found;
                try {
                    Iterable<JavaFileObject> it =
                            std.list(StandardLocation.CLASS_PATH, pkg, Set.of(JavaFileObject.Kind.CLASS), false);
                    found = it.iterator().hasNext();
                } catch (IOException e) {
                    found = false;
                }
                onClassPath.put(pkg, found);
            }
        }

        @Override
        public JavaFileObject getJavaFileForOutput(
                Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
            return new SimpleJavaFileObject(
                    URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                @Override
                public OutputStream openOutputStream() {
                    return new ByteArrayOutputStream() {
                        @Override
                        public void close() {
                            output.put(className, toByteArray());
                        }
                    };
                }
            };
        }

        @Override
        public Iterable<JavaFileObject> list(
                Location location, String packageName, Set<JavaFileObject.Kind> kinds, boolean recurse)
                throws IOException {
            if (location == StandardLocation.CLASS_PATH
                    && PACKAGES.containsKey(packageName)
                    && !onClassPath.get(packageName)
                    && kinds.contains(JavaFileObject.Kind.CLASS)) {
                return loaderClasses(packageName);
            }
            return super.list(location, packageName, kinds, recurse);
        }

        @Override
        public String inferBinaryName(Location location, JavaFileObject file) {
            if (file instanceof LoaderClassFile l) return l.binaryName;
            return super.inferBinaryName(location, file);
        }

        private Iterable<JavaFileObject> loaderClasses(String pkg) {
            List<JavaFileObject> out = new ArrayList<>();
            for (String simple : PACKAGES.get(pkg)) {
                String bin = pkg + "." + simple;
                URL url = parent.getResource(bin.replace('.', '/') + ".class");
                if (url != null) out.add(new LoaderClassFile(bin, url));
            }
            return Collections.unmodifiableList(out);
        }
    }

    private static final class LoaderClassFile extends SimpleJavaFileObject {
        final String binaryName;
        final URL url;

        LoaderClassFile(String binaryName, URL url) {
            super(URI.create("bundle:///" + binaryName.replace('.', '/') + ".class"), JavaFileObject.Kind.CLASS);
            this.binaryName = binaryName;
            this.url = url;
        }

        @Override
        public InputStream openInputStream() throws IOException {
            return url.openStream();
        }
    }

    static String classPathHint() {
        return System.getProperty("java.class.path", "").replace(File.pathSeparatorChar, ' ');
    }
}
