package org.bsb.neuron.nmodl.gen;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.ObjectName;

/**
 * Whether KINETIC solves get their vector form ({@code jdk.incubator.vector}, several instances' Newton
 * solves side by side, bit for bit the scalar form's results) and over which species. The system property
 * {@code bsb.nmodl.vector} or the variable {@code BSB_NMODL_VECTOR}: {@code off} (scalar form only),
 * {@code on} (the platform's preferred width, fixed when the code is generated), {@code 128}, {@code 256} or {@code 512} bits. Default: on when
 * the JVM runs with {@code --add-modules jdk.incubator.vector}, else off (the module is not resolved
 * otherwise, and a running JVM cannot add it).
 */
public final class VectorForm {
    public static final String MODULE = "jdk.incubator.vector";
    private static final Logger LOG = Logger.getLogger(VectorForm.class.getName());
    private static volatile boolean warned;
    private static boolean directiveAdded;

    private VectorForm() {}

    /** Whether the incubator module is resolved in this JVM. */
    public static boolean available() {
        return ModuleLayer.boot().findModule(MODULE).isPresent();
    }

    /**
     * Keeps C1 off the vector methods ({@code vstep_*}, {@code vkfin_*}, {@code vcur} of generated classes), once per JVM, through HotSpot's
     * compiler directives (what {@code jcmd <pid> Compiler.directives_add} does). C1 does not intrinsify the
     * Vector API, and for methods this large it runs out of virtual registers, after which HotSpot can leave
     * the method in C1's tier 2, allocating every vector, for the rest of the run (measured: 1.6x the scalar
     * form's time instead of 0.64x). Without C1 the interpreter profiles the method and C2 compiles it.
     */
    public static synchronized void keepC1Off() {
        if (directiveAdded) return;
        directiveAdded = true;
        try {
            Path f = Files.createTempFile("bsb-nmodl-directives", ".json");
            try {
                Files.writeString(
                        f,
                        "[{ match: [\"org/bsb/neuron/nmodl/generated/*.vstep_*\","
                                + " \"org/bsb/neuron/nmodl/generated/*.vkfin_*\","
                                + " \"org/bsb/neuron/nmodl/generated/*.vcur\"], c1: { Exclude: true } }]");
                ManagementFactory.getPlatformMBeanServer()
                        .invoke(
                                new ObjectName("com.sun.management:type=DiagnosticCommand"),
                                "compilerDirectivesAdd",
                                new Object[] {new String[] {f.toString()}},
                                new String[] {String[].class.getName()});
            } finally {
                Files.deleteIfExists(f);
            }
        } catch (IOException | RuntimeException | javax.management.JMException e) {
            LOG.log(Level.WARNING, "could not keep C1 off the vector forms (slower until C2): " + e, e);
        }
    }

    /** The species field of {@code DoubleVector} to use ({@code SPECIES_512}, …), or null for scalar only. */
    public static String species() {
        String s = System.getProperty("bsb.nmodl.vector");
        if (s == null) s = System.getenv("BSB_NMODL_VECTOR");
        s = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        if (s.equals("off") || s.equals("false") || s.equals("0")) return null;
        if (!available()) {
            if (!s.isEmpty() && !warned) {
                warned = true;
                LOG.warning("bsb.nmodl.vector=" + s + " needs the JVM option --add-modules " + MODULE
                        + "; using the scalar form");
            }
            return null;
        }
        return switch (s) {
            case "128", "256", "512" -> "SPECIES_" + s;
            default -> preferred();
        };
    }

    /**
     * The platform's preferred species as a fixed width ({@code SPECIES_512} on AVX-512), so that generated code
     * may count on its lanes and the cache key names what the code was made for.
     */
    private static String preferred() {
        try {
            // from the platform loader, which defines the module (a bundle's loader does not see it), by names built
            // at run time: bnd reads a Class.forName of a constant name as an import of its package, which would
            // make this bundle unresolvable without the incubator module
            ClassLoader platform = ClassLoader.getPlatformClassLoader();
            Object species = Class.forName(MODULE.concat(".DoubleVector"), true, platform)
                    .getField("SPECIES_PREFERRED")
                    .get(null);
            int bits = (Integer) Class.forName(MODULE.concat(".VectorSpecies"), true, platform)
                    .getMethod("vectorBitSize")
                    .invoke(species);
            return bits == 128 || bits == 256 || bits == 512 ? "SPECIES_" + bits : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The lanes of doubles of a species field name ({@code SPECIES_512}: 8). */
    public static int lanes(String species) {
        return Integer.parseInt(species.substring("SPECIES_".length())) / 64;
    }
}
