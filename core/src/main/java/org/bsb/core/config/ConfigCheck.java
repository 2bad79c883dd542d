package org.bsb.core.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything that checking a config found, whether or not it is valid (what {@code bsb validate}
 * prints).
 *
 * @param config the config as far as it could be read (a best effort when there are errors;
 *     null if the file could not be parsed at all)
 * @param problems errors and warnings, in file order
 * @param services the services the config names and what provides each
 */
public record ConfigCheck(Configuration config, Path baseDirectory, List<ConfigError> problems, List<ServiceUse> services) {
    public ConfigCheck {
        problems = problems.stream().sorted(ConfigError.IN_FILE_ORDER).toList();
        services = List.copyOf(services);
    }

    public List<ConfigError> errors() {
        return problems.stream().filter(ConfigError::isError).toList();
    }

    public List<ConfigError> warnings() {
        return problems.stream().filter(e -> !e.isError()).toList();
    }

    public boolean valid() {
        return config != null && errors().isEmpty();
    }

    /** @throws ConfigException with every problem unless the config is valid */
    public LoadedConfig orThrow() {
        if (!valid()) {
            throw new ConfigException(problems, config);
        }
        return new LoadedConfig(config, baseDirectory, warnings(), services);
    }
}
