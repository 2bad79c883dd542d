package org.bsb.api;

import java.util.List;

/** A config named a service that no bundle provides. The message lists the known names. */
public class UnknownServiceException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String kind;
    private final String name;
    private final List<String> known;
    private final String suggestion;

    /** @param kind what was looked for, as a user reads it, e.g. "placement strategy" */
    public UnknownServiceException(String kind, String name, List<String> known, String suggestion) {
        super("Unknown " + kind + " '" + name + "'."
                + (suggestion != null ? " Did you mean '" + suggestion + "'?" : "")
                + " Known " + kind + " names: " + (known.isEmpty() ? "(none installed)" : String.join(", ", known)));
        this.kind = kind;
        this.name = name;
        this.known = List.copyOf(known);
        this.suggestion = suggestion;
    }

    /** What was looked for, e.g. "placement strategy". */
    public String kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public List<String> known() {
        return known;
    }

    /** The closest known name, or null if none is close. */
    public String suggestion() {
        return suggestion;
    }
}
