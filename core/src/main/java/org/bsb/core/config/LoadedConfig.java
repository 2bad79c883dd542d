package org.bsb.core.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A valid config with what else its loading found out.
 *
 * @param baseDirectory the folder paths in the config are relative to (the config file's folder)
 * @param warnings problems that do not stop it from being used (e.g. unknown keys)
 * @param services every service it names, with the bundle providing each
 */
public record LoadedConfig(
        Configuration config, Path baseDirectory, List<ConfigError> warnings, List<ServiceUse> services) {
    public LoadedConfig {
        warnings = List.copyOf(warnings);
        services = List.copyOf(services);
    }

    /** A path from the config ({@code data/StellateCell.swc}) as a file. */
    public Path resolve(String relative) {
        return baseDirectory.resolve(relative).normalize();
    }
}
