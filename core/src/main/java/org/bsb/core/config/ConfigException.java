package org.bsb.core.config;

import java.util.List;

/**
 * A config has errors; {@link #errors()} lists every one of them (and the warnings), in file
 * order. The message is those lines, so printing it explains everything without a stack trace.
 */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<ConfigError> errors;
    private final transient Configuration partial;

    public ConfigException(List<ConfigError> errors) {
        this(errors, null);
    }

    /** @param partial the config as far as it could be read, or null */
    public ConfigException(List<ConfigError> errors, Configuration partial) {
        super(render(errors), null, false, false);
        this.errors = errors.stream().sorted(ConfigError.IN_FILE_ORDER).toList();
        this.partial = partial;
    }

    /** Errors and warnings, in file order. */
    public List<ConfigError> errors() {
        return errors;
    }

    /** Only the errors (not the warnings). */
    public List<ConfigError> onlyErrors() {
        return errors.stream().filter(ConfigError::isError).toList();
    }

    /**
     * The config as far as it could be read despite the errors (wrong values replaced by what an
     * absent key gives), for summaries; null if the file could not be parsed. Never run it.
     */
    public Configuration partial() {
        return partial;
    }

    private static String render(List<ConfigError> errors) {
        StringBuilder b = new StringBuilder();
        errors.stream()
                .sorted(ConfigError.IN_FILE_ORDER)
                .forEach(e -> b.append(b.length() == 0 ? "" : "\n").append(e));
        return b.toString();
    }
}
