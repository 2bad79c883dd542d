package org.bsb.api.config;

/** Malformed JSON/YAML, with the position of the fault. */
public class ConfigSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;
    private final SourcePosition position;

    public ConfigSyntaxException(SourcePosition position, String problem) {
        super(position + ": " + problem);
        this.position = position;
    }

    public SourcePosition position() {
        return position;
    }
}
