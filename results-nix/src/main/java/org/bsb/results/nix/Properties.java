package org.bsb.results.nix;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Annotation values as NIX property values, as neo's {@code NixIO._write_property} stores them:
 * one-element arrays for scalars (strings, int64, float64), 1-D arrays for lists; and back.
 */
final class Properties {
    private Properties() {}

    /**
     * Flattens {@code annotations} into property values: maps become one property per entry
     * ({@code name.key}; neo itself would store only a map's keys), nulls and empty arrays are
     * left out (neo writes them as empty properties, which jHDF cannot write), reserved names too.
     */
    static Map<String, Object> flatten(Map<String, Object> annotations) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (annotations != null) {
            new TreeMap<>(annotations).forEach((k, v) -> put(out, k, v));
        }
        return out;
    }

    private static void put(Map<String, Object> out, String name, Object value) {
        if (value == null || Nix.RESERVED.contains(name) || name.isEmpty() || name.contains("/")) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            new TreeMap<>(map).forEach((k, v) -> put(out, name + "." + k, v));
            return;
        }
        Object v = values(value);
        if (v != null && Array.getLength(v) > 0) {
            out.put(name, v);
        }
    }

    /** The property values (a Java array jHDF writes) of one annotation value. */
    static Object values(Object value) {
        if (value instanceof String s) {
            return new String[] {s};
        }
        if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte
                || value instanceof BigInteger) {
            return new long[] {((Number) value).longValue()};
        }
        if (value instanceof Number n) {
            return new double[] {n.doubleValue()};
        }
        if (value instanceof Boolean b) {
            return new boolean[] {b};
        }
        if (value instanceof int[] a) {
            long[] out = new long[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i];
            }
            return out;
        }
        if (value instanceof long[]
                || value instanceof double[]
                || value instanceof String[]
                || value instanceof boolean[]) {
            return value;
        }
        if (value instanceof float[] f) {
            double[] out = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                out[i] = f[i];
            }
            return out;
        }
        if (value instanceof List<?> list) {
            return list(list);
        }
        if (value.getClass().isArray()) {
            return list(java.util.Arrays.asList((Object[]) value));
        }
        return new String[] {value.toString()};
    }

    private static Object list(List<?> list) {
        boolean integral = true;
        boolean numeric = true;
        for (Object o : list) {
            if (!(o instanceof Number)) {
                numeric = false;
                integral = false;
                break;
            }
            if (o instanceof Double || o instanceof Float || o instanceof BigDecimal) {
                integral = false;
            }
        }
        if (integral) {
            return list.stream().mapToLong(o -> ((Number) o).longValue()).toArray();
        }
        if (numeric) {
            return list.stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
        }
        return list.stream().map(String::valueOf).toArray(String[]::new);
    }

    /**
     * An annotation value of property values read back: one value is a scalar, several an array.
     * int64 values become {@code Integer} ({@code int[]}) when they all fit, as the hdf5 format's
     * int32 attributes read back, else {@code Long} ({@code long[]}).
     */
    static Object annotation(Object data) {
        if (data == null) {
            return null;
        }
        if (data instanceof long[] l) {
            boolean fits = true;
            for (long x : l) {
                fits &= x == (int) x;
            }
            if (l.length == 1) {
                return fits ? (Object) (int) l[0] : (Object) l[0];
            }
            if (fits) {
                int[] out = new int[l.length];
                for (int i = 0; i < l.length; i++) {
                    out[i] = (int) l[i];
                }
                return out;
            }
            return l;
        }
        if (data instanceof int[] i) {
            return i.length == 1 ? (Object) i[0] : i;
        }
        if (data instanceof short[] || data instanceof byte[]) {
            int n = Array.getLength(data);
            int[] out = new int[n];
            for (int k = 0; k < n; k++) {
                out[k] = ((Number) Array.get(data, k)).intValue();
            }
            return n == 1 ? (Object) out[0] : out;
        }
        if (data instanceof double[] d) {
            return d.length == 1 ? (Object) d[0] : d;
        }
        if (data instanceof float[] f) {
            double[] out = new double[f.length];
            for (int k = 0; k < f.length; k++) {
                out[k] = f[k];
            }
            return out.length == 1 ? (Object) out[0] : out;
        }
        if (data instanceof boolean[] b) {
            return b.length == 1 ? (Object) b[0] : b;
        }
        if (data instanceof String[] s) {
            return s.length == 1 ? s[0] : s;
        }
        if (data.getClass().isArray()) {
            int n = Array.getLength(data);
            if (n == 1) {
                return Array.get(data, 0);
            }
        }
        return data;
    }
}
