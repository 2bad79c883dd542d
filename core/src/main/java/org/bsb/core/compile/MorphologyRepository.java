package org.bsb.core.compile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bsb.api.morphology.Morphology;
import org.bsb.api.morphology.MorphologyFormatException;
import org.bsb.api.morphology.MorphologyParser;

/** The network's morphologies by name, in the order they were added. */
public final class MorphologyRepository {
    private final Map<String, Morphology> byName = new LinkedHashMap<>();

    public MorphologyRepository() {}

    public MorphologyRepository(Collection<Morphology> morphologies) {
        for (Morphology m : morphologies) {
            byName.put(m.name(), m);
        }
    }

    /** Parses every entry; a later entry of the same name replaces an earlier one (as the original's overwrite). */
    public static MorphologyRepository load(List<MorphologySpec> specs) throws CompileException {
        MorphologyRepository repo = new MorphologyRepository();
        for (MorphologySpec spec : specs) {
            repo.byName.put(spec.name(), parse(spec));
        }
        return repo;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Morphology parse(MorphologySpec spec) throws CompileException {
        try (InputStream in = Files.newInputStream(spec.file())) {
            MorphologyParser parser = spec.parser();
            return parser.parse(spec.file().toString(), spec.name(), in, spec.parameters());
        } catch (NoSuchFileException e) {
            throw new CompileException(spec.configPath() + ".file: morphology file not found: " + spec.file());
        } catch (IOException e) {
            throw new CompileException(spec.configPath() + ".file: cannot read " + spec.file() + ": " + e.getMessage());
        } catch (MorphologyFormatException e) {
            throw new CompileException(spec.configPath() + ": " + e.getMessage());
        }
    }

    public void put(Morphology m) {
        byName.put(m.name(), m);
    }

    public Morphology get(String name) {
        return byName.get(name);
    }

    public List<Morphology> all() {
        return List.copyOf(byName.values());
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /**
     * The names matching {@code selectors} (globs with {@code *}), in selector then repository
     * order, without duplicates.
     *
     * @param node the config node asking, for the error message
     * @throws CompileException naming the selectors that match nothing
     */
    public List<String> select(List<String> selectors, String node) throws CompileException {
        List<String> out = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String selector : selectors) {
            Pattern p = Pattern.compile(glob(selector));
            boolean any = false;
            for (String name : byName.keySet()) {
                if (p.matcher(name).matches()) {
                    any = true;
                    if (!out.contains(name)) {
                        out.add(name);
                    }
                }
            }
            if (!any) {
                missing.add(selector);
            }
        }
        if (!missing.isEmpty()) {
            throw new CompileException("Morphology repository misses the following morphologies required by " + node
                    + ": " + String.join(", ", missing) + " (known: "
                    + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet())) + ")");
        }
        return out;
    }

    private static String glob(String selector) {
        String[] parts = selector.split("\\*", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sb.append(".*");
            }
            sb.append(Pattern.quote(parts[i]));
        }
        return sb.toString();
    }
}
