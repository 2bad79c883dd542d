package org.bsb.core.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bsb.api.config.ConfigNode;
import org.bsb.api.config.ConfigNode.ListNode;
import org.bsb.api.config.ConfigNode.MapNode;
import org.bsb.api.config.ConfigNode.ScalarNode;
import org.bsb.api.config.SourcePosition;
import org.bsb.api.geometry.Point3;

/**
 * Plain config values without positions: String, Long, Double, Boolean, null, List and Map
 * (String keys, file order). Numbers are normalized so that YAML's {@code 100} and JSON's
 * {@code 100.0} are the same value: integral doubles become Longs. This is what makes a JSON and
 * a YAML config, or a loaded and a built one, compare equal.
 */
public final class Plain {
    /** Integral doubles beyond this magnitude stay doubles (longs are exact only up to 2^53 as doubles). */
    private static final double EXACT = 9.007199254740992E15;

    private Plain() {}

    public static Object of(ConfigNode node) {
        if (node instanceof MapNode map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.entries().forEach((k, v) -> out.put(k, of(v)));
            return Collections.unmodifiableMap(out);
        }
        if (node instanceof ListNode list) {
            List<Object> out = new ArrayList<>(list.items().size());
            list.items().forEach(i -> out.add(of(i)));
            return Collections.unmodifiableList(out);
        }
        return normalize(((ScalarNode) node).value());
    }

    /** Any Java value a user may hand the builder, as a plain value. */
    public static Object normalize(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : normalize(big.doubleValue());
        }
        if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            double d = ((Number) v).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) <= EXACT && !(d == 0 && 1 / d < 0)) {
                return (long) d;
            }
            return d;
        }
        if (v instanceof Number n) {
            return normalize(n.doubleValue());
        }
        if (v instanceof Character) {
            return v.toString();
        }
        if (v instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT);
        }
        if (v instanceof Point3 p) {
            return List.of(normalize(p.x()), normalize(p.y()), normalize(p.z()));
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, val) -> out.put(String.valueOf(k), normalize(val)));
            return Collections.unmodifiableMap(out);
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(i -> out.add(normalize(i)));
            return Collections.unmodifiableList(out);
        }
        if (v instanceof double[] a) {
            List<Object> out = new ArrayList<>();
            for (double d : a) {
                out.add(normalize(d));
            }
            return Collections.unmodifiableList(out);
        }
        if (v instanceof int[] a) {
            List<Object> out = new ArrayList<>();
            for (int i : a) {
                out.add((long) i);
            }
            return Collections.unmodifiableList(out);
        }
        if (v instanceof Object[] a) {
            return normalize(List.of(a));
        }
        if (v instanceof Record r) {
            return ConfigWriter.plain(r);
        }
        throw new IllegalArgumentException("not a config value: " + v.getClass().getName());
    }

    /** A plain value as a tree whose every node has position {@code at}. */
    public static ConfigNode toNode(Object plain, SourcePosition at) {
        return nodeOfNormalized(normalize(plain), at);
    }

    private static ConfigNode nodeOfNormalized(Object v, SourcePosition at) {
        if (v instanceof Map<?, ?> map) {
            Map<String, ConfigNode> entries = new LinkedHashMap<>();
            map.forEach((k, val) -> entries.put((String) k, nodeOfNormalized(val, at)));
            return new MapNode(entries, at);
        }
        if (v instanceof List<?> list) {
            List<ConfigNode> items = new ArrayList<>();
            list.forEach(i -> items.add(nodeOfNormalized(i, at)));
            return new ListNode(items, at);
        }
        return new ScalarNode(v, at);
    }

    /** How a value is shown in an error: strings quoted, containers by kind. */
    public static String describe(ConfigNode node) {
        if (node == null) {
            return "nothing";
        }
        if (node instanceof MapNode) {
            return "a mapping";
        }
        if (node instanceof ListNode) {
            return "a list";
        }
        return describe(((ScalarNode) node).value());
    }

    public static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            String shown = s.length() > 60 ? s.substring(0, 57) + "..." : s;
            return "'" + shown.replace("\n", "\\n") + "'";
        }
        if (v instanceof Map) {
            return "a mapping";
        }
        if (v instanceof List) {
            return "a list";
        }
        return String.valueOf(v);
    }
}
