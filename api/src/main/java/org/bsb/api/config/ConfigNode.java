package org.bsb.api.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The format-neutral tree a config format produces: maps (keys in file order), lists and
 * scalars (String, Long, Double, Boolean or null), each with the position it was read from.
 */
public sealed interface ConfigNode {
    SourcePosition position();

    /** A mapping; keys keep their order in the file. */
    record MapNode(Map<String, ConfigNode> entries, SourcePosition position) implements ConfigNode {
        public MapNode {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }
    }

    record ListNode(List<ConfigNode> items, SourcePosition position) implements ConfigNode {
        public ListNode {
            items = List.copyOf(items);
        }
    }

    /** A scalar: String, Long, Double, Boolean, or null. */
    record ScalarNode(Object value, SourcePosition position) implements ConfigNode {}
}
