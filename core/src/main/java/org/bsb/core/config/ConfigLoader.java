package org.bsb.core.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bsb.api.config.ConfigFormat;
import org.bsb.api.config.ConfigNode;
import org.bsb.api.config.ConfigSyntaxException;
import org.bsb.api.config.SourcePosition;
import org.bsb.core.config.format.JsonConfigFormat;
import org.bsb.core.config.format.YamlConfigFormat;
import org.bsb.core.registry.Registry;
import org.bsb.core.registry.RegistryEntry;
import org.bsb.core.registry.ServiceKind;

/**
 * Reads configs: file → format (by extension, among the registry's {@code ConfigFormat}
 * services, falling back to the built-in json and yaml) → tree → {@link Configuration} →
 * whole-config checks and services. Every problem of a file is collected; nothing here throws
 * anything but {@link ConfigException}.
 */
public final class ConfigLoader {
    private ConfigLoader() {}

    /** Loads a config file; unknown keys are warnings. @throws ConfigException with every problem */
    public static LoadedConfig load(Path file, Registry registry) {
        return check(file, registry, false).orThrow();
    }

    /** @param strict whether unknown keys are errors */
    public static LoadedConfig load(Path file, Registry registry, boolean strict) {
        return check(file, registry, strict).orThrow();
    }

    /** Checks a config file and reports everything, valid or not. Never throws. */
    public static ConfigCheck check(Path file, Registry registry, boolean strict) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = absolute.getParent();
        String source = file.getFileName() != null ? file.getFileName().toString() : file.toString();
        ConfigFormat format;
        try {
            format = formatFor(source, registry);
        } catch (ConfigException e) {
            return new ConfigCheck(null, base, e.errors(), List.of());
        }
        String text;
        try {
            text = Files.readString(absolute);
        } catch (NoSuchFileException e) {
            return failed(base, source, "no such file (" + absolute + ")", "a config file");
        } catch (CharacterCodingException e) {
            return failed(base, source, "bytes that are not UTF-8 text", "a UTF-8 encoded " + source + " file");
        } catch (IOException e) {
            return failed(base, source, "an unreadable file (" + e.getMessage() + ")", "a readable config file");
        }
        return check(source, text, format, registry, base, strict);
    }

    /**
     * Checks config text.
     *
     * @param source the file name for messages
     * @param registry null to skip resolving services
     * @param baseDirectory the folder relative paths refer to, or null to skip file checks
     */
    public static ConfigCheck check(
            String source, String text, ConfigFormat format, Registry registry, Path baseDirectory, boolean strict) {
        ConfigNode tree;
        try {
            tree = format.parse(source, text);
        } catch (ConfigSyntaxException e) {
            SourcePosition at = e.position();
            String problem = e.getMessage().startsWith(at + ": ")
                    ? e.getMessage().substring(at.toString().length() + 2)
                    : e.getMessage();
            return new ConfigCheck(
                    null,
                    baseDirectory,
                    List.of(ConfigError.error(
                            at,
                            "",
                            "malformed " + formatName(format) + " (" + problem + ")",
                            "well-formed " + formatName(format))),
                    List.of());
        }
        List<ConfigError> referenceErrors = new ArrayList<>();
        if (References.used(tree)) {
            tree = new References(registry, baseDirectory, referenceErrors).resolve(tree);
        }
        ConfigCheck check = check(tree, source, registry, baseDirectory, strict);
        if (referenceErrors.isEmpty()) {
            return check;
        }
        // A node whose reference failed lacks the referenced keys: its other errors are noise.
        List<String> broken = new ArrayList<>();
        for (ConfigError e : referenceErrors) {
            int at = Math.max(e.path().lastIndexOf(".$ref"), e.path().lastIndexOf(".$import"));
            if (e.isError() && at >= 0) {
                broken.add(e.path().substring(0, at));
            }
        }
        List<ConfigError> all = new ArrayList<>(referenceErrors);
        for (ConfigError e : check.problems()) {
            if (broken.stream()
                    .noneMatch(b -> e.path().startsWith(b + ".") || e.path().startsWith(b + "["))) {
                all.add(e);
            }
        }
        return new ConfigCheck(check.config(), baseDirectory, all, check.services());
    }

    /** Checks a parsed tree (e.g. from the builder). */
    public static ConfigCheck check(
            ConfigNode tree, String source, Registry registry, Path baseDirectory, boolean strict) {
        Binder binder = new Binder(source, strict);
        Configuration config = binder.bind(tree, Configuration.class, "");
        List<ServiceUse> services = new ArrayList<>();
        if (config != null) {
            Validator validator = new Validator(binder, registry, baseDirectory);
            validator.validate(config);
            services = validator.services();
        }
        return new ConfigCheck(config, baseDirectory, binder.problems(), services);
    }

    /**
     * Reads a config stored as JSON in a network file (no file checks: its paths refer to the
     * folder it was compiled in). @throws ConfigException with every problem
     */
    public static LoadedConfig fromJson(String json, String source, Registry registry) {
        return check(source, json, new JsonConfigFormat(), registry, null, false)
                .orThrow();
    }

    /** The format for a file name's extension. @throws ConfigException naming the known extensions */
    public static ConfigFormat formatFor(String fileName, Registry registry) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot >= 0 ? fileName.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        List<ConfigFormat> formats = new ArrayList<>();
        if (registry != null) {
            for (RegistryEntry e : registry.entries(ServiceKind.CONFIG_FORMAT)) {
                formats.add((ConfigFormat) e.service());
            }
        }
        formats.add(new JsonConfigFormat());
        formats.add(new YamlConfigFormat());
        List<String> known = new ArrayList<>();
        for (ConfigFormat f : formats) {
            if (f.extensions().contains(extension)) {
                return f;
            }
            f.extensions().stream().filter(x -> !known.contains(x)).forEach(known::add);
        }
        throw new ConfigException(List.of(ConfigError.error(
                SourcePosition.unknown(fileName),
                "",
                extension.isEmpty() ? "no file extension" : "extension '." + extension + "'",
                "a config file ending in ." + String.join(", .", known))));
    }

    private static String formatName(ConfigFormat format) {
        return format.extensions().isEmpty()
                ? "config"
                : format.extensions().get(0).toUpperCase(Locale.ROOT);
    }

    private static ConfigCheck failed(Path base, String source, String found, String expected) {
        return new ConfigCheck(
                null, base, List.of(ConfigError.error(SourcePosition.unknown(source), "", found, expected)), List.of());
    }
}
