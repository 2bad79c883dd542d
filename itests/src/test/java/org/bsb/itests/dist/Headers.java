package org.bsb.itests.dist;

import java.util.ArrayList;
import java.util.List;

/** Splits an OSGi manifest header ({@code Import-Package}, ...) into clauses and their names. */
final class Headers {
    private Headers() {}

    /** The clauses of a header, split at commas outside quotes. */
    static List<String> clauses(String header) {
        List<String> clauses = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return clauses;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                clauses.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        clauses.add(current.toString().trim());
        return clauses;
    }

    /** The names a clause applies to ({@code a;b;version=1} names a and b). */
    static List<String> names(String clause) {
        List<String> names = new ArrayList<>();
        for (String part : clause.split(";")) {
            String p = part.trim();
            if (p.contains("=")) {
                break;
            }
            names.add(p);
        }
        return names;
    }
}
