package org.bsb.neuron.nmodl.catalogue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.bsb.neuron.nmodl.NmodlCompiler;
import org.bsb.neuron.spi.MechanismCatalogue.Precedence;
import org.bsb.neuron.spi.MechanismKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bsb mechanisms bundle}: the jar's manifest and entries, and broken folders refused with nothing written. */
class CatalogueBundleTest {
    private static final Path MODS = Path.of("src/test/resources/mod");
    private static final String BROKEN = "NEURON { SUFFIX broken }\nBREAKPOINT { x = }\n";

    private static Path folder(Path root, String name, String... mods) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        for (String m : mods) Files.copy(MODS.resolve(m), dir.resolve(m));
        return dir;
    }

    private static Map<String, byte[]> entries(Path jar) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (JarFile f = new JarFile(jar.toFile())) {
            for (var e = f.entries(); e.hasMoreElements(); ) {
                var entry = e.nextElement();
                try (InputStream in = f.getInputStream(entry)) {
                    out.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return out;
    }

    private static Attributes manifest(Path jar) throws IOException {
        try (JarFile f = new JarFile(jar.toFile())) {
            return f.getManifest().getMainAttributes();
        }
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void packsTheModFilesUnchangedWithTheirLicenseUnderAManifestThatNamesTheFolder(@TempDir Path tmp) throws Exception {
        Path dir = folder(tmp, "lab mods", "facsyn.mod", "kin3.mod");
        Files.writeString(dir.resolve("LICENSE"), "the authors' terms\n");
        Files.writeString(dir.resolve("README.md"), "what these are\n");
        Files.writeString(dir.resolve("notes.txt"), "not copied\n");
        Files.createDirectories(dir.resolve("sub"));
        Files.copy(MODS.resolve("lin2.mod"), dir.resolve("sub/lin2.mod"));
        Path jar = tmp.resolve("lab.jar");

        CatalogueBundle.Packed p = CatalogueBundle.pack(dir, jar, null, null, true);

        assertEquals("lab_mods", p.symbolicName());
        assertEquals("1.0.0", p.version());
        assertEquals(Map.of("facsyn.mod", "facsyn", "kin3.mod", "kin3"), p.mechanismsByFile());
        assertEquals(List.of("LICENSE", "README.md"), p.documents());
        assertFalse(p.replaced());
        Attributes m = manifest(jar);
        assertEquals("2", m.getValue("Bundle-ManifestVersion"));
        assertEquals("lab_mods", m.getValue("Bundle-SymbolicName"));
        assertEquals("1.0.0", m.getValue("Bundle-Version"));
        assertEquals("mechanisms", m.getValue("BSB-Mechanisms"));
        assertEquals(null, m.getValue("Import-Package"));
        assertEquals(null, m.getValue("Bundle-License"), "the tool copies, it does not license");
        Map<String, byte[]> entries = entries(jar);
        assertEquals(
                List.of(
                        "META-INF/",
                        "META-INF/MANIFEST.MF",
                        "mechanisms/",
                        "mechanisms/facsyn.mod",
                        "mechanisms/kin3.mod",
                        "mechanisms/LICENSE",
                        "mechanisms/README.md"),
                List.copyOf(entries.keySet()));
        assertArrayEquals(Files.readAllBytes(dir.resolve("facsyn.mod")), entries.get("mechanisms/facsyn.mod"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("LICENSE")), entries.get("mechanisms/LICENSE"));
        assertEquals(List.of("lab mods", "lab.jar"), listing(tmp), "no temporary file left");
        if (Files.getFileStore(jar).supportsFileAttributeView("posix")) {
            assertEquals(
                    Files.getPosixFilePermissions(dir.resolve("LICENSE")),
                    Files.getPosixFilePermissions(jar),
                    "the permissions of any new file, not a temporary file's private ones");
        }

        // what BundleMechanisms makes of it: the header's folder, its mod files, one installed catalogue
        List<NmodlCompiler.Source> sources = new ArrayList<>();
        for (MechanismsHeader.Entry e : MechanismsHeader.parse(m.getValue("BSB-Mechanisms"))) {
            assertEquals(Precedence.INSTALLED, e.precedence());
            entries.forEach((name, bytes) -> {
                if (name.startsWith(e.folder() + "/") && name.endsWith(".mod")) {
                    sources.add(
                            new NmodlCompiler.Source("lab_mods!/" + name, new String(bytes, StandardCharsets.UTF_8)));
                }
            });
        }
        NmodlCatalogue c = new NmodlCatalogue("bundle lab_mods", sources);
        assertEquals(MechanismKind.POINT_PROCESS, c.find("facsyn").orElseThrow().kind());
        assertEquals(MechanismKind.DENSITY, c.find("kin3").orElseThrow().kind());

        // the same folder gives the same bytes; packing again replaces the bundle
        byte[] first = Files.readAllBytes(jar);
        assertTrue(CatalogueBundle.pack(dir, jar, null, null, false).replaced());
        assertArrayEquals(first, Files.readAllBytes(jar));
    }

    @Test
    void nameAndVersionAreTakenAndMadeValid(@TempDir Path tmp) throws Exception {
        Path dir = folder(tmp, "neuron", "kin3.mod");
        CatalogueBundle.Packed p =
                CatalogueBundle.pack(dir, tmp.resolve("x.jar"), "dbbs catalogue/.mods", "2.1.0.rc1", false);
        assertEquals("dbbs_catalogue.mods", p.symbolicName());
        assertEquals("dbbs_catalogue.mods", manifest(tmp.resolve("x.jar")).getValue("Bundle-SymbolicName"));
        assertEquals("2.1.0.rc1", manifest(tmp.resolve("x.jar")).getValue("Bundle-Version"));
        assertEquals(
                "neuron",
                CatalogueBundle.pack(dir, tmp.resolve("y.jar"), null, "3", false)
                        .symbolicName());

        assertEquals("My_mods_v2", CatalogueBundle.symbolicName("My mods (v2)"));
        assertEquals("a.b-c.d_e", CatalogueBundle.symbolicName("..a..b-c.d_e."));
        assertEquals("", CatalogueBundle.symbolicName("(!)"));

        var e = assertThrows(
                CatalogueBundle.PackException.class,
                () -> CatalogueBundle.pack(dir, tmp.resolve("z.jar"), "(!)", null, false));
        assertTrue(e.getMessage().contains("--name"), e.getMessage());
        e = assertThrows(
                CatalogueBundle.PackException.class,
                () -> CatalogueBundle.pack(dir, tmp.resolve("z.jar"), null, "1.x", false));
        assertTrue(e.getMessage().startsWith("version '1.x' is not an OSGi version"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("z.jar")));
    }

    @Test
    void aBrokenFileIsNamedWithLineAndColumnAndNothingIsWritten(@TempDir Path tmp) throws Exception {
        Path dir = folder(tmp, "mods", "facsyn.mod", "kin3.mod");
        Path jar = tmp.resolve("out.jar");
        CatalogueBundle.pack(dir, jar, null, null, false);
        byte[] before = Files.readAllBytes(jar);
        Files.writeString(dir.resolve("broken.mod"), BROKEN);
        Files.writeString(dir.resolve("worse.mod"), "NEURON { POINT_PROCESS worse }\nINITIAL {\n  VERBATIM\n");

        var e = assertThrows(
                CatalogueBundle.PackException.class, () -> CatalogueBundle.pack(dir, jar, null, null, true));
        String broken = dir.resolve("broken.mod") + ":2:";
        String worse = dir.resolve("worse.mod") + ":3:";
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith(broken), e.problems().get(0));
        assertTrue(e.problems().get(1).startsWith(worse), e.problems().get(1));
        assertTrue(
                e.getMessage().startsWith("2 mod files of " + dir + " cannot be used; nothing written:\n  " + broken),
                e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(jar), "the existing bundle is untouched");
        assertFalse(Files.exists(tmp.resolve("new.jar")));
        assertThrows(
                CatalogueBundle.PackException.class,
                () -> CatalogueBundle.pack(dir, tmp.resolve("new.jar"), null, null, true));
        assertEquals(List.of("mods", "out.jar"), listing(tmp), "no new or temporary file");
    }

    @Test
    void aFileThatParsesButDoesNotCompileIsNamed(@TempDir Path tmp) throws Exception {
        Path dir = folder(tmp, "mods", "kin3.mod");
        Files.writeString(
                dir.resolve("undeclared.mod"),
                "NEURON { SUFFIX undeclared NONSPECIFIC_CURRENT i }\nASSIGNED { i }\nBREAKPOINT {\n  i = gbar * 2\n}\n");
        Path jar = tmp.resolve("out.jar");
        var e = assertThrows(
                CatalogueBundle.PackException.class, () -> CatalogueBundle.pack(dir, jar, null, null, true));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(
                e.problems().get(0).startsWith(dir.resolve("undeclared.mod") + ":4:7: undeclared variable 'gbar'"),
                e.getMessage());
        assertFalse(Files.exists(jar));
        // --no-compile only parses: the file passes
        CatalogueBundle.pack(dir, jar, null, null, false);
        assertTrue(Files.exists(jar));
    }

    @Test
    void aNameDefinedTwiceAnEmptyFolderAndABadOutputAreRefused(@TempDir Path tmp) throws Exception {
        Path dir = folder(tmp, "mods", "kin3.mod");
        Files.copy(MODS.resolve("kin3.mod"), dir.resolve("kin3_copy.mod"));
        var e = assertThrows(
                CatalogueBundle.PackException.class,
                () -> CatalogueBundle.pack(dir, tmp.resolve("a.jar"), null, null, false));
        assertTrue(
                e.getMessage().contains("kin3_copy.mod: mechanism kin3 is also defined by " + dir.resolve("kin3.mod")),
                e.getMessage());

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        e = assertThrows(
                CatalogueBundle.PackException.class,
                () -> CatalogueBundle.pack(empty, tmp.resolve("a.jar"), null, null, false));
        assertEquals(empty + " has no .mod files; nothing written", e.getMessage());

        Files.delete(dir.resolve("kin3_copy.mod"));
        e = assertThrows(
                CatalogueBundle.PackException.class,
                () -> CatalogueBundle.pack(dir, tmp.resolve("a.zip"), null, null, false));
        assertTrue(e.getMessage().contains("must be a .jar file"), e.getMessage());
        Path other = Files.writeString(tmp.resolve("other.jar"), "not a bundle");
        e = assertThrows(
                CatalogueBundle.PackException.class, () -> CatalogueBundle.pack(dir, other, null, null, false));
        assertTrue(e.getMessage().startsWith(other + " exists and is not a mechanisms bundle"), e.getMessage());
        assertEquals("not a bundle", Files.readString(other));
        assertFalse(Files.exists(tmp.resolve("a.jar")));
    }

    private record Run(int status, String out, String err) {}

    private static Run bsb(Path cwd, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = MechanismsCommand.run(
                cwd,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theCommandReportsWhatItWroteAndFailsWithTheFileNamed(@TempDir Path tmp) throws Exception {
        Path dir = folder(tmp, "mods", "facsyn.mod", "kin3.mod");
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));

        Run ok = bsb(tmp, "bundle", "mods", "-o", "plugins", "--name", "lab.synapses", "--version", "1.2.0", "-v", "2");
        assertEquals(0, ok.status(), ok.err());
        Path jar = plugins.resolve("lab.synapses-1.2.0.jar");
        assertTrue(Files.isRegularFile(jar));
        assertEquals(
                List.of(
                        "Checked 2 mod files of " + dir + " (parsed and compiled)",
                        "  facsyn.mod -> facsyn",
                        "  kin3.mod -> kin3",
                        "Wrote " + jar + ": bundle lab.synapses 1.2.0, BSB-Mechanisms: mechanisms",
                        "The mod files are copied unchanged and keep their authors' terms; no LICENSE, COPYING or README file was "
                                + "beside them: check the files' own terms before sharing the jar.",
                        "Drop it into the distribution's plugins/ folder (or BSB_PLUGINS): its mechanisms are used from then on, "
                                + "without a restart."),
                ok.out().lines().toList());

        Files.writeString(dir.resolve("COPYING"), "terms");
        Run again = bsb(
                tmp,
                "bundle",
                "mods",
                "-o",
                "plugins/lab.synapses-1.2.0.jar",
                "--name",
                "lab.synapses",
                "--version",
                "1.2.0");
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().contains("Replaced " + jar), again.out());
        assertTrue(again.out().contains("also copied from beside them: COPYING"), again.out());

        Files.writeString(dir.resolve("broken.mod"), BROKEN);
        Run bad = bsb(tmp, "bundle", "mods", "-o", "new.jar");
        assertEquals(1, bad.status());
        assertEquals("", bad.out());
        assertTrue(
                bad.err()
                        .startsWith("bsb mechanisms bundle: a mod file of " + dir + " cannot be used; nothing "
                                + "written:\n  " + dir.resolve("broken.mod") + ":2:"),
                bad.err());
        assertFalse(Files.exists(tmp.resolve("new.jar")));

        Run usage = bsb(tmp, "bundle", "mods");
        assertEquals(2, usage.status());
        assertTrue(usage.err().contains("Missing required option: '--output=FILE.jar'"), usage.err());
        Run help = bsb(tmp, "bundle", "--help");
        assertEquals(0, help.status(), help.err());
        assertTrue(
                help.out().startsWith("Usage: bsb mechanisms bundle [-h] [--no-compile] [--name=N] -o=FILE.jar"),
                help.out());
        assertTrue(help.out().contains("--version=V"), help.out());
        Run none = bsb(tmp);
        assertEquals(2, none.status());
        assertTrue(none.out().startsWith("Usage: bsb mechanisms [-h] [COMMAND]"), none.out());
        assertTrue(none.out().contains("  bundle  Pack a folder of .mod files"), none.out());
    }
}
