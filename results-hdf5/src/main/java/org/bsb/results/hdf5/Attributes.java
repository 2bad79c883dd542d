package org.bsb.results.hdf5;

import io.jhdf.api.Attribute;
import io.jhdf.api.Node;
import io.jhdf.api.WritableNode;
import java.lang.reflect.Array;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Converts annotation values to HDF5 attributes and back. */
final class Attributes {
    private Attributes() {}

    /**
     * Writes {@code value} as attribute {@code name}: numbers, strings and booleans as scalars,
     * arrays and lists as 1-D arrays, maps as one attribute per entry ({@code name.key}). Nulls
     * and empty arrays are left out (jHDF cannot write empty attributes).
     */
    static void put(WritableNode node, String name, Object value) {
        Object v = convert(value);
        if (v == null) {
            return;
        }
        if (v instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
                put(node, name + "." + e.getKey(), e.getValue());
            }
            return;
        }
        if (v.getClass().isArray() && Array.getLength(v) == 0) {
            return;
        }
        node.putAttribute(name, v);
    }

    private static Object convert(Object value) {
        if (value == null
                || value instanceof String
                || value instanceof Integer
                || value instanceof Long
                || value instanceof Double
                || value instanceof Boolean
                || value instanceof Map<?, ?>
                || value instanceof int[]
                || value instanceof long[]
                || value instanceof double[]
                || value instanceof String[]) {
            return value;
        }
        if (value instanceof Float || value instanceof java.math.BigDecimal) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof java.math.BigInteger b) {
            return b.longValue();
        }
        if (value instanceof List<?> list) {
            return convertList(list);
        }
        if (value instanceof float[] f) {
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                d[i] = f[i];
            }
            return d;
        }
        return value.toString();
    }

    private static Object convertList(List<?> list) {
        boolean integral = true;
        boolean numeric = true;
        for (Object o : list) {
            if (!(o instanceof Number)) {
                numeric = false;
                integral = false;
                break;
            }
            if (!(o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte)) {
                integral = false;
            }
        }
        if (integral) {
            long[] out = new long[list.size()];
            boolean fitsInt = true;
            for (int i = 0; i < out.length; i++) {
                out[i] = ((Number) list.get(i)).longValue();
                fitsInt &= out[i] == (int) out[i];
            }
            if (fitsInt) {
                int[] ints = new int[out.length];
                for (int i = 0; i < out.length; i++) {
                    ints[i] = (int) out[i];
                }
                return ints;
            }
            return out;
        }
        if (numeric) {
            double[] out = new double[list.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = ((Number) list.get(i)).doubleValue();
            }
            return out;
        }
        return list.stream().map(String::valueOf).toArray(String[]::new);
    }

    /** Every attribute of {@code node} except {@code skip}, by name (sorted). */
    static Map<String, Object> read(Node node, java.util.Set<String> skip) {
        Map<String, Object> out = new LinkedHashMap<>();
        new TreeMap<>(node.getAttributes()).forEach((name, attribute) -> {
            if (!skip.contains(name)) {
                out.put(name, value(attribute));
            }
        });
        return out;
    }

    static Object value(Attribute attribute) {
        return attribute.getData();
    }

    static double number(Node node, String name, double fallback) {
        Attribute a = node.getAttribute(name);
        return a == null ? fallback : ((Number) a.getData()).doubleValue();
    }

    static String string(Node node, String name, String fallback) {
        Attribute a = node.getAttribute(name);
        return a == null ? fallback : String.valueOf(a.getData());
    }
}
