package org.bsb.neuron.nmodl.catalogue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bsb.api.io.AtomicFiles;
import org.bsb.neuron.nmodl.NmodlCompiler;
import org.bsb.neuron.nmodl.diag.NmodlException;

/**
 * Packs a folder of {@code .mod} files into a drop-in OSGi bundle, the counterpart of the original's
 * {@code pip install dbbs-catalogue}: a jar whose manifest says {@code BSB-Mechanisms: mechanisms}
 * ({@link BundleMechanisms} serves it as a {@link org.bsb.neuron.spi.MechanismCatalogue} while installed) and
 * whose folder {@code mechanisms/} holds the {@code .mod} files byte for byte, with any LICENSE, COPYING, README
 * or NOTICE file found next to them: the files keep their authors' terms, this class adds none.
 *
 * <p>Every file is parsed and the set compiled before anything is written, so a broken file is an error naming
 * it (file:line:column) and the output stays as it was; the jar is written to a hidden temporary file beside the
 * target and moved into place. The same input gives the same bytes (fixed entry times, sorted entries).
 */
public final class CatalogueBundle {
    /** The folder of the jar that holds the mod files (the value of the {@code BSB-Mechanisms} header). */
    public static final String FOLDER = "mechanisms";

    public static final String DEFAULT_VERSION = "1.0.0";
    /** Files copied along with the mod files, matched case-insensitively on the start of their name. */
    private static final List<String> DOCUMENTS =
            List.of("LICENSE", "LICENCE", "COPYING", "README", "NOTICE", "AUTHORS");

    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+(\\.\\d+(\\.[A-Za-z0-9_-]+)?)?)?");
    /**
     * Every entry's time: 1 January 2000, 00:00 in the local time zone, which a zip entry stores as that local
     * date and time, so that the same folder gives the same bytes in any time zone.
     */
    private static final long ENTRY_TIME = java.time.LocalDateTime.of(2000, 1, 1, 0, 0)
            .atZone(java.time.ZoneId.systemDefault())
            .toInstant()
            .toEpochMilli();

    private CatalogueBundle() {}

    /** What was packed. */
    public record Packed(
            Path jar,
            String symbolicName,
            String version,
            Map<String, String> mechanismsByFile,
            List<String> documents,
            boolean replaced) {}

    /** A folder that cannot be packed; the message says why and that nothing was written. */
    public static final class PackException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        PackException(String message, List<String> problems) {
            super(message, null, false, false);
            this.problems = List.copyOf(problems);
        }

        PackException(String message) {
            this(message, List.of(message));
        }

        /** One line per problem (for broken files: {@code file:line:column: message}). */
        public List<String> problems() {
            return problems;
        }
    }

    /**
     * A valid Bundle-SymbolicName made of {@code raw}: characters other than letters, digits, {@code _}, {@code -}
     * and {@code .} become {@code _}, runs of them one {@code _}, and empty dot-separated parts are dropped
     * ({@code "My mods (v2)"} becomes {@code My_mods_v2}).
     */
    public static String symbolicName(String raw) {
        List<String> tokens = new ArrayList<>();
        for (String part : raw.split("\\.")) {
            String token = part.replaceAll("[^A-Za-z0-9_-]+", "_").replaceAll("^_+|_+$", "");
            if (!token.isEmpty()) tokens.add(token);
        }
        return String.join(".", tokens);
    }

    /** The default file name of a bundle: {@code <symbolic name>-<version>.jar}. */
    public static String fileName(String symbolicName, String version) {
        return symbolicName + "-" + version + ".jar";
    }

    /**
     * Checks and packs the {@code .mod} files of {@code dir} (not its subfolders) into {@code jar}.
     *
     * @param name the bundle's symbolic name before sanitizing, or null for the folder's name
     * @param version the Bundle-Version, or null for {@value #DEFAULT_VERSION}
     * @param compile whether to compile the files too (otherwise they are only parsed)
     * @throws PackException for every problem of the input or the output; nothing is written then
     */
    public static Packed pack(Path dir, Path jar, String name, String version, boolean compile) {
        dir = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new PackException(dir + " is not a folder of .mod files; nothing written");
        }
        Path folderName = dir.getFileName();
        String raw = name != null ? name : folderName == null ? "" : folderName.toString();
        String bsn = symbolicName(raw);
        if (bsn.isEmpty()) {
            throw new PackException(
                    "cannot make a bundle name of '" + raw + "': give one with --name; nothing written");
        }
        String v = version != null ? version.trim() : DEFAULT_VERSION;
        if (!VERSION.matcher(v).matches()) {
            throw new PackException("version '" + v + "' is not an OSGi version (major[.minor[.micro[.qualifier]]], "
                    + "e.g. 1.0.0); nothing written");
        }
        checkTarget(jar);

        List<Path> mods = new ArrayList<>();
        List<Path> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                String fileName = f.getFileName().toString();
                if (fileName.endsWith(".mod")) {
                    mods.add(f);
                } else if (isDocument(fileName)) {
                    documents.add(f);
                }
            }
        } catch (IOException e) {
            throw new PackException("cannot read " + dir + ": " + e.getMessage() + "; nothing written");
        }
        if (mods.isEmpty()) {
            throw new PackException(dir + " has no .mod files; nothing written");
        }

        // Parse every file (all problems at once), then check the names and compile the set, as BundleMechanisms
        // and the engine will: what passes here loads from the bundle.
        Map<Path, byte[]> bytes = new LinkedHashMap<>();
        List<NmodlCompiler.Source> sources = new ArrayList<>();
        Map<String, String> mechanismsByFile = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path f : mods) {
            try {
                byte[] content = Files.readAllBytes(f);
                bytes.put(f, content);
                String text = new String(content, StandardCharsets.UTF_8);
                String mechanism = NmodlCompiler.mechanismName(f.toString(), text);
                sources.add(new NmodlCompiler.Source(f.toString(), text));
                mechanismsByFile.put(f.getFileName().toString(), mechanism);
            } catch (IOException e) {
                problems.add(f + ": cannot read: " + e.getMessage());
            } catch (NmodlException e) {
                problems.add(e.getMessage());
            }
        }
        if (problems.isEmpty()) {
            try {
                new NmodlCatalogue(dir.toString(), sources); // a mechanism name defined by two files
            } catch (NmodlException e) {
                problems.add(e.getMessage());
            }
        }
        if (problems.isEmpty() && compile) {
            problems.addAll(compileProblems(sources));
        }
        if (!problems.isEmpty()) {
            throw new PackException(
                    (problems.size() == 1 ? "a mod file" : problems.size() + " mod files") + " of " + dir
                            + " cannot be used; nothing written:\n  " + String.join("\n  ", problems),
                    problems);
        }

        boolean replaced = Files.exists(jar);
        byte[] content = jarBytes(bsn, v, dir, bytes, documents);
        write(jar, content);
        return new Packed(
                jar,
                bsn,
                v,
                mechanismsByFile,
                documents.stream().map(p -> p.getFileName().toString()).toList(),
                replaced);
    }

    /** The problems of compiling the files together; on failure each file alone, so that every broken one is named. */
    private static List<String> compileProblems(List<NmodlCompiler.Source> sources) {
        try {
            NmodlCompiler.compileAll(sources);
            return List.of();
        } catch (NmodlException | IllegalStateException first) {
            if (first.getMessage() != null && first.getMessage().startsWith("no Java compiler")) {
                return List.of(first.getMessage());
            }
            List<String> out = new ArrayList<>();
            for (NmodlCompiler.Source s : sources) {
                try {
                    NmodlCompiler.compileAll(List.of(s));
                } catch (NmodlException | IllegalStateException e) {
                    out.add(e instanceof NmodlException ? e.getMessage() : s.fileName() + ": " + e.getMessage());
                }
            }
            if (out.isEmpty()) out.add(first.getMessage());
            return out;
        }
    }

    private static boolean isDocument(String fileName) {
        String upper = fileName.toUpperCase(Locale.ROOT);
        return DOCUMENTS.stream().anyMatch(upper::startsWith);
    }

    /** The output must be a {@code .jar} (the plugins folder installs only those) and may replace only a mechanisms bundle. */
    private static void checkTarget(Path jar) {
        Path fileName = jar.getFileName();
        if (fileName == null || !fileName.toString().endsWith(".jar")) {
            throw new PackException("the output " + jar
                    + " must be a .jar file (the plugins folder installs only those); " + "nothing written");
        }
        if (Files.isDirectory(jar)) {
            throw new PackException("the output " + jar + " is a folder; nothing written");
        }
        if (Files.exists(jar)) {
            String header = null;
            try (JarFile existing = new JarFile(jar.toFile())) {
                Manifest m = existing.getManifest();
                header = m == null ? null : m.getMainAttributes().getValue(MechanismsHeader.NAME);
            } catch (IOException e) {
                // not a jar
            }
            if (header == null) {
                throw new PackException(
                        jar + " exists and is not a mechanisms bundle; remove it or choose another file; "
                                + "nothing written");
            }
        }
        Path parent = jar.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new PackException("the folder of " + jar + " does not exist; nothing written");
        }
    }

    /** The manifest of a bundle of mod files. */
    static Manifest manifest(String bsn, String version, String folder, int files) {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", bsn);
        a.putValue("Bundle-Version", version);
        a.putValue("Bundle-Name", "NMODL mechanisms " + bsn);
        a.putValue(
                "Bundle-Description",
                files + " .mod file" + (files == 1 ? "" : "s") + " from the folder '" + folder
                        + "', copied unchanged under their authors' terms (see the files and any LICENSE beside them)");
        a.putValue(MechanismsHeader.NAME, FOLDER);
        a.putValue("Created-By", "bsb mechanisms bundle (BSB for Java)");
        return m;
    }

    private static byte[] jarBytes(String bsn, String version, Path dir, Map<Path, byte[]> mods, List<Path> documents) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buffer)) {
            directory(zip, "META-INF/");
            entry(
                    zip,
                    JarFile.MANIFEST_NAME,
                    manifestBytes(manifest(bsn, version, dir.getFileName().toString(), mods.size())));
            directory(zip, FOLDER + "/");
            for (Map.Entry<Path, byte[]> e : mods.entrySet()) {
                entry(zip, FOLDER + "/" + e.getKey().getFileName(), e.getValue());
            }
            for (Path d : documents) {
                entry(zip, FOLDER + "/" + d.getFileName(), Files.readAllBytes(d));
            }
        } catch (IOException e) {
            throw new PackException("cannot pack " + dir + ": " + e.getMessage() + "; nothing written");
        }
        return buffer.toByteArray();
    }

    private static byte[] manifestBytes(Manifest m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.write(out);
        return out.toByteArray();
    }

    private static void directory(ZipOutputStream zip, String name) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(ENTRY_TIME);
        zip.putNextEntry(e);
        zip.closeEntry();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(ENTRY_TIME);
        zip.putNextEntry(e);
        zip.write(content);
        zip.closeEntry();
    }

    /**
     * Writes {@code content} to a hidden temporary file beside {@code jar} (the plugins folder ignores names that
     * start with a dot), flushes it and renames it over {@code jar} atomically ({@link AtomicFiles}); a failure
     * leaves {@code jar} as it was.
     */
    private static void write(Path jar, byte[] content) {
        try {
            AtomicFiles.write(jar, content);
        } catch (IOException e) {
            throw new PackException("cannot write " + jar + ": " + e.getMessage() + "; nothing written");
        }
    }
}
