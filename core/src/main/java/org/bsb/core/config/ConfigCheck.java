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
public record ConfigCheck(
        Configuration config, Path baseDirectory, List<ConfigError> problems, List<ServiceUse> services) {
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

    /**
     * The config as {@code compile} and {@code reconfigure} take it, to build a network or store it in
     * one: every error counts except a simulation's service (its simulator, a device) that is not
     * installed here, which is a warning, since a simulation runs where its simulator is. Values
     * that cannot run (a resolution of 0, {@code duration: "abc"}, mechanisms that are not
     * {@code .mod} files) are errors. A network's stored config is judged the same way.
     *
     * @throws ConfigException with every problem unless the config is valid so
     */
    public LoadedConfig orThrowForNetwork() {
        return new ConfigCheck(config, baseDirectory, forNetwork(), services).orThrow();
    }

    /** The problems as {@link #orThrowForNetwork()} judges them. */
    public List<ConfigError> forNetwork() {
        return problems.stream()
                .map(e -> notInstalledForSimulation(e)
                        ? new ConfigError(
                                ConfigError.Severity.WARNING,
                                e.file(),
                                e.line(),
                                e.column(),
                                e.path(),
                                e.found(),
                                e.expected())
                        : e)
                .toList();
    }

    /** An error naming a simulation's service that is not installed. */
    private boolean notInstalledForSimulation(ConfigError e) {
        return e.isError()
                && e.path().startsWith("simulations.")
                && services.stream().anyMatch(u -> !u.installed() && u.path().equals(e.path()));
    }

    /** @throws ConfigException with every problem unless the config is valid */
    public LoadedConfig orThrow() {
        if (!valid()) {
            throw new ConfigException(problems, config);
        }
        return new LoadedConfig(config, baseDirectory, warnings(), services);
    }
}
