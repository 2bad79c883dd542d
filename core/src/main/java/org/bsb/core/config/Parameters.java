package org.bsb.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.bsb.api.config.ConfigNode;
import org.bsb.api.config.ConfigNode.MapNode;
import org.bsb.api.config.SourcePosition;

/**
 * The keys of a node that belong to the service it names rather than to the core: a
 * VoxelIntersection's {@code affinity}, a spike generator's {@code start}. Kept raw (plain
 * values, and the positioned source node when read from a file) so that the service's parameter
 * record can be bound whenever the service is known: at load time by the validator, and again
 * at compile or simulate time by whoever runs the service ({@link #bind}).
 *
 * <p>Equality is that of the plain values; the source positions do not count.
 */
public final class Parameters {
    private static final Parameters NONE = new Parameters(Map.of(), null, Set.of());

    private final Map<String, Object> values;
    /** The whole node these parameters were read from, core keys included; null if built from values. */
    private final MapNode source;
    /** The keys of {@link #source} that the core binds itself. */
    private final Set<String> coreKeys;

    private Parameters(Map<String, Object> values, MapNode source, Set<String> coreKeys) {
        this.values = values;
        this.source = source;
        this.coreKeys = coreKeys;
    }

    public static Parameters none() {
        return NONE;
    }

    /** From plain values (the builder); keys are the config's snake_case keys. */
    public static Parameters of(Map<String, ?> values) {
        if (values.isEmpty()) {
            return NONE;
        }
        Map<String, Object> plain = new LinkedHashMap<>();
        values.forEach((k, v) -> plain.put(k, Plain.normalize(v)));
        return new Parameters(Collections.unmodifiableMap(plain), null, Set.of());
    }

    /** The {@code leftovers} of {@code whole}, whose other keys ({@code coreKeys}) the core binds. */
    static Parameters of(Map<String, ConfigNode> leftovers, MapNode whole, Set<String> coreKeys) {
        @SuppressWarnings("unchecked")
        Map<String, Object> plain = (Map<String, Object>) Plain.of(new MapNode(leftovers, whole.position()));
        return new Parameters(plain, whole, Set.copyOf(coreKeys));
    }

    /** The plain values by key, in file order. */
    public Map<String, Object> values() {
        return values;
    }

    public Object get(String key) {
        return values.get(key);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * The whole node these parameters came from, with positions: the service's keys and the
     * core's ones (e.g. a simulation's {@code temperature}, a parser's {@code tags}), so that a
     * parameter record may declare core keys too.
     */
    public MapNode node() {
        return source != null ? source : (MapNode) Plain.toNode(values, SourcePosition.unknown("<config>"));
    }

    /** The keys of {@link #node()} that the core binds (not reported as unknown to a service). */
    public Set<String> coreKeys() {
        return coreKeys;
    }

    /**
     * Binds these parameters to a service's parameter record, applying its defaults; a
     * component named like a core key receives that key's value.
     *
     * @param path the config path of the node, for messages ({@code connectivity.stellate_to_stellate})
     * @throws ConfigException listing every problem
     */
    public <P extends Record> P bind(Class<P> type, String path) {
        MapNode node = node();
        Binder binder = new Binder(node.position().file(), false);
        P bound = binder.bindParameters(node, type, path, coreKeys);
        binder.throwIfErrors(null);
        return bound;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters p && values.equals(p.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
