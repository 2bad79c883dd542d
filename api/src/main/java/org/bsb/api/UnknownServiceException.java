package org.bsb.api;

import java.util.List;

/** A config named a service that no bundle provides. The message lists the known names. */
public class UnknownServiceException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ServiceKind kind;
    private final String name;
    private final List<String> known;
    private final String suggestion;

    public UnknownServiceException(ServiceKind kind, String name, List<String> known, String suggestion) {
        super("Unknown " + kind.label() + " '" + name + "'."
                + (suggestion != null ? " Did you mean '" + suggestion + "'?" : "")
                + " Known " + kind.label() + " names: " + (known.isEmpty() ? "(none installed)" : String.join(", ", known)));
        this.kind = kind;
        this.name = name;
        this.known = List.copyOf(known);
        this.suggestion = suggestion;
    }

    public ServiceKind kind() {
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
