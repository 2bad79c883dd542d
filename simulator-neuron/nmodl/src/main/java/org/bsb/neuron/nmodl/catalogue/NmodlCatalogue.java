package org.bsb.neuron.nmodl.catalogue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.bsb.neuron.nmodl.NmodlCompiler;
import org.bsb.neuron.nmodl.diag.NmodlException;
import org.bsb.neuron.nmodl.runtime.NmodlMechanismType;
import org.bsb.neuron.spi.MechanismCatalogue;
import org.bsb.neuron.spi.MechanismType;

/**
 * The mechanisms of a set of {@code .mod} files. Files are parsed up front (to know their names and report
 * syntax errors early) and compiled together, in one Java compiler run, the first time a mechanism is asked
 * for. {@link #find} accepts NEURON names and the short names of model definitions ({@link NameResolver}).
 */
public class NmodlCatalogue implements MechanismCatalogue {
    private final String origin;
    private final Precedence precedence;
    private final Map<String, NmodlCompiler.Source> byName = new LinkedHashMap<>();
    private volatile Map<String, NmodlMechanismType> compiled;

    /** A user-installed catalogue of the given sources; {@code origin} names where they come from in messages. */
    public NmodlCatalogue(String origin, List<NmodlCompiler.Source> sources) {
        this(origin, Precedence.INSTALLED, sources);
    }

    /** A catalogue of the given sources that stands at {@code precedence} among the catalogues of a run. */
    public NmodlCatalogue(String origin, Precedence precedence, List<NmodlCompiler.Source> sources) {
        this.origin = origin;
        this.precedence = precedence;
        for (NmodlCompiler.Source s : sources) {
            String name = NmodlCompiler.mechanismName(s.fileName(), s.text());
            NmodlCompiler.Source old = byName.putIfAbsent(name, s);
            if (old != null) {
                throw new NmodlException(
                        s.fileName(),
                        "mechanism " + name + " is also defined by " + old.fileName() + " (" + origin + ")");
            }
        }
    }

    /**
     * Every {@code *.mod} file of the directories, in order. A mechanism name defined by two files (in one folder or
     * in two) is an error naming both: one catalogue, one file per name.
     */
    public static NmodlCatalogue fromDirectories(String origin, List<Path> dirs) {
        List<NmodlCompiler.Source> sources = new ArrayList<>();
        Map<String, String> names = new java.util.HashMap<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException(origin + ": mechanism directory " + dir + " does not exist");
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : (Iterable<Path>)
                        files.filter(p -> p.toString().endsWith(".mod")).sorted()::iterator) {
                    String text = Files.readString(f, StandardCharsets.UTF_8);
                    String name = NmodlCompiler.mechanismName(f.toString(), text);
                    unique(names, name, f.toString(), origin);
                    sources.add(new NmodlCompiler.Source(f.toString(), text));
                }
            } catch (IOException e) {
                throw new IllegalArgumentException(origin + ": cannot read " + dir + ": " + e.getMessage(), e);
            }
        }
        return new NmodlCatalogue(origin, sources);
    }

    /**
     * The catalogue of a simulation's {@code mechanisms:} list: each entry a directory of {@code .mod} files or
     * one {@code .mod} file, relative paths resolved against the folder of the config file. Errors name the
     * config path, e.g. {@code simulations.basal.mechanisms[1]}.
     *
     * @param where the config path of the list, for messages
     */
    public static NmodlCatalogue forConfig(Path configDir, List<String> entries, String where) {
        List<NmodlCompiler.Source> sources = new ArrayList<>();
        Map<String, String> names = new java.util.HashMap<>();
        for (int k = 0; k < entries.size(); k++) {
            String at = where + "[" + k + "]";
            Path p = configDir.resolve(entries.get(k)).normalize();
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.toString().endsWith(".mod")).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new IllegalArgumentException(at + ": cannot read " + p + ": " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(p) && p.toString().endsWith(".mod")) {
                files.add(p);
            } else {
                throw new IllegalArgumentException(
                        at + ": expected a directory of .mod files or a .mod file, but " + p + " is neither");
            }
            for (Path f : files) {
                try {
                    String text = Files.readString(f, StandardCharsets.UTF_8);
                    String name = NmodlCompiler.mechanismName(f.toString(), text);
                    unique(names, name, f.toString(), null); // the catch below puts the config path in front
                    sources.add(new NmodlCompiler.Source(f.toString(), text));
                } catch (IOException e) {
                    throw new IllegalArgumentException(at + ": cannot read " + f + ": " + e.getMessage(), e);
                } catch (NmodlException e) {
                    throw new NmodlException(e.file(), e.line(), e.column(), at + ": " + stripLocation(e));
                }
            }
        }
        return new NmodlCatalogue(where, Precedence.CONFIG, sources);
    }

    /** Records that {@code file} defines {@code name}; a second file for one name is an error naming both. */
    private static void unique(Map<String, String> names, String name, String file, String where) {
        String first = names.putIfAbsent(name, file);
        if (first != null) {
            throw new NmodlException(
                    file,
                    (where == null ? "" : where + ": ") + "mechanism " + name + " is also defined by " + first
                            + "; a catalogue takes one file per mechanism name (remove or rename one)");
        }
    }

    private static String stripLocation(NmodlException e) {
        String m = e.getMessage();
        int i = m.indexOf(": ");
        return i < 0 ? m : m.substring(i + 2);
    }

    @Override
    public String origin() {
        return origin;
    }

    @Override
    public Precedence precedence() {
        return precedence;
    }

    @Override
    public boolean provides(String name) {
        return NameResolver.resolve(name, byName.keySet()).isPresent();
    }

    /** NEURON names of every mechanism, without compiling. */
    public Collection<String> names() {
        return byName.keySet();
    }

    private Map<String, NmodlMechanismType> compiled() {
        Map<String, NmodlMechanismType> c = compiled;
        if (c == null) {
            synchronized (this) {
                c = compiled;
                if (c == null) {
                    List<NmodlCompiler.Source> sources = new ArrayList<>(byName.values());
                    List<NmodlMechanismType> types = NmodlCompiler.compileAll(sources);
                    c = new LinkedHashMap<>();
                    for (NmodlMechanismType t : types) c.put(t.name(), t);
                    compiled = c;
                }
            }
        }
        return c;
    }

    @Override
    public Collection<MechanismType> types() {
        return List.copyOf(compiled().values());
    }

    /**
     * The mechanism a NEURON name or a model definition's short name means. A short name gets the type under
     * that name ({@link NmodlMechanismType#renamed}), because engines match a section's mechanism names
     * against {@link MechanismType#name()}; the compiled code is shared.
     */
    @Override
    public Optional<MechanismType> find(String name) {
        Optional<String> resolved = NameResolver.resolve(name, byName.keySet());
        if (resolved.isEmpty()) return Optional.empty();
        NmodlMechanismType t = compiled().get(resolved.get());
        if (t.name().equals(name)) return Optional.of(t);
        return Optional.of(aliases.computeIfAbsent(name, t::renamed));
    }

    private final Map<String, NmodlMechanismType> aliases = new java.util.concurrent.ConcurrentHashMap<>();

    /** Known names the unresolvable {@code name} may mean (for error messages). */
    public List<String> suggestions(String name) {
        return NameResolver.suggestions(name, byName.keySet());
    }

    @Override
    public String toString() {
        return "NMODL catalogue " + origin + " (" + byName.size() + " mechanisms)";
    }
}
