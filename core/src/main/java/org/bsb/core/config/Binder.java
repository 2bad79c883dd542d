package org.bsb.core.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bsb.api.Default;
import org.bsb.api.Range;
import org.bsb.api.Required;
import org.bsb.api.config.ConfigNode;
import org.bsb.api.config.ConfigNode.ListNode;
import org.bsb.api.config.ConfigNode.MapNode;
import org.bsb.api.config.ConfigNode.ScalarNode;
import org.bsb.api.config.ConfigSyntaxException;
import org.bsb.api.config.SourcePosition;
import org.bsb.api.geometry.Point3;
import org.bsb.core.config.format.YamlConfigFormat;
import org.bsb.core.registry.NameSuggester;

/**
 * Binds config trees to records and collects every problem with its path instead of stopping
 * at the first. Used for the core's own schema ({@link Configuration}) and for the parameter
 * records that services declare ({@link org.bsb.api.Parameterized}).
 *
 * <p>Rules: a record component {@code voxelsPre} reads key {@code voxels_pre}; {@link Required}
 * components must be present (null counts as absent); absent ones take their {@link Default}
 * (parsed as YAML flow text and converted like file input), else, if the record has a
 * {@code public static final DEFAULTS} instance of itself, that instance's value, else
 * null / empty / zero;
 * {@link Range} bounds numbers (and each number of a list or point). A component of type
 * {@link Parameters} collects the keys no other component takes; without one such keys are
 * reported as unknown (warnings, or errors when strict), with a "did you mean". Numbers accept
 * numeric strings (as the original's float casts do); a single value where a list is expected
 * is a one-element list. A record constructor that throws IllegalArgumentException becomes a
 * config error at the record's path.
 */
public final class Binder {
    private static final Object FAILED = new Object();

    /** What binding needs of a record class; reflection on record components is slow, so it is cached. */
    private record Shape(
            RecordComponent[] components,
            String[] keys,
            Type[] types,
            boolean[] required,
            Default[] defaults,
            Range[] ranges,
            Constructor<?> constructor,
            Object[] constants) {
        static Shape of(Class<?> type) {
            RecordComponent[] c = type.getRecordComponents();
            int n = c.length;
            String[] keys = new String[n];
            Type[] types = new Type[n];
            boolean[] required = new boolean[n];
            Default[] defaults = new Default[n];
            Range[] ranges = new Range[n];
            Class<?>[] raw = new Class<?>[n];
            for (int i = 0; i < n; i++) {
                keys[i] = Names.snake(c[i].getName());
                types[i] = c[i].getGenericType();
                required[i] = c[i].isAnnotationPresent(Required.class);
                defaults[i] = c[i].getAnnotation(Default.class);
                ranges[i] = c[i].getAnnotation(Range.class);
                raw[i] = c[i].getType();
            }
            Constructor<?> constructor = null;
            try {
                constructor = type.getDeclaredConstructor(raw);
                constructor.setAccessible(true);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // reported when binding
            }
            return new Shape(c, keys, types, required, defaults, ranges, constructor, constants(type, c));
        }

        /** The components of the record's {@code public static final DEFAULTS} instance, if it has one. */
        private static Object[] constants(Class<?> type, RecordComponent[] c) {
            try {
                java.lang.reflect.Field f = type.getField("DEFAULTS");
                if (!java.lang.reflect.Modifier.isStatic(f.getModifiers()) || f.getType() != type) {
                    return null;
                }
                Object instance = f.get(null);
                if (instance == null) {
                    return null;
                }
                Object[] values = new Object[c.length];
                for (int i = 0; i < c.length; i++) {
                    java.lang.reflect.Method accessor = c[i].getAccessor();
                    accessor.setAccessible(true);
                    values[i] = accessor.invoke(instance);
                }
                return values;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        /** Whether an absent component takes the DEFAULTS constant's value (no @Default on it). */
        boolean fromConstant(int i) {
            return constants != null && defaults[i] == null;
        }
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };
    private static final Map<String, ConfigNode> DEFAULTS = new ConcurrentHashMap<>();

    private final String file;
    private final boolean strict;
    private final List<ConfigError> errors = new ArrayList<>();
    private final Map<String, SourcePosition> positions = new HashMap<>();

    /**
     * @param file the config file's name, for messages
     * @param strict whether unknown keys are errors rather than warnings
     */
    public Binder(String file, boolean strict) {
        this.file = file;
        this.strict = strict;
    }

    /**
     * Binds {@code node} to {@code type}. Values that are wrong are reported and replaced by
     * what an absent key gives, so the result is a best effort: check {@link #hasErrors()}
     * before using it. Null only if the node as a whole is unusable.
     */
    public <T> T bind(ConfigNode node, Class<T> type, String path) {
        Object v = node == null || isNull(node)
                ? absent(type, type, (Default) null, path, SourcePosition.unknown(file))
                : convert(node, type, path);
        return v == FAILED ? null : type.cast(v);
    }

    /**
     * Binds a service's parameters; keys in {@code ignoredKeys} belong to the core and are not
     * reported as unknown. A best effort like {@link #bind}; null if unusable.
     */
    public <P extends Record> P bindParameters(
            MapNode node, Class<P> type, String path, Collection<String> ignoredKeys) {
        positions.putIfAbsent(path, node.position());
        Object v = bindRecord(node, type, path, ignoredKeys);
        return v == FAILED ? null : type.cast(v);
    }

    /** Errors and warnings so far. */
    public List<ConfigError> problems() {
        return Collections.unmodifiableList(errors);
    }

    public boolean hasErrors() {
        return errors.stream().anyMatch(ConfigError::isError);
    }

    /** @throws ConfigException with every problem if any of them is an error */
    public void throwIfErrors(Configuration partial) {
        if (hasErrors()) {
            throw new ConfigException(errors, partial);
        }
    }

    public String file() {
        return file;
    }

    /** Where {@code path} (or its closest known ancestor) was read. */
    public SourcePosition positionOf(String path) {
        String p = path;
        while (true) {
            SourcePosition at = positions.get(p);
            if (at != null) {
                return at;
            }
            if (p.isEmpty()) {
                return SourcePosition.unknown(file);
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
    }

    public void error(String path, String found, String expected) {
        errors.add(ConfigError.error(positionOf(path), path, found, expected));
    }

    public void warning(String path, String found, String expected) {
        errors.add(ConfigError.warning(positionOf(path), path, found, expected));
    }

    /** An unknown key at {@code path}: a warning, or an error when strict. */
    void unknown(String path, String key, String expected) {
        SourcePosition at = positionOf(path);
        errors.add(new ConfigError(
                strict ? ConfigError.Severity.ERROR : ConfigError.Severity.WARNING,
                at.file(),
                at.line(),
                at.column(),
                path,
                "unknown key '" + key + "'",
                expected));
    }

    void add(ConfigError e) {
        errors.add(e);
    }

    private void error(SourcePosition at, String path, String found, String expected) {
        errors.add(ConfigError.error(at, path, found, expected));
    }

    // ---------------------------------------------------------------------------------------

    private Object convert(ConfigNode node, Type type, String path) {
        positions.putIfAbsent(path, node.position());
        Class<?> raw = rawClass(type);
        if (raw == ConfigNode.class) {
            return node;
        }
        if (raw == Object.class) {
            return Plain.of(node);
        }
        if (raw == String.class) {
            if (node instanceof ScalarNode s && s.value() != null) {
                return String.valueOf(Plain.normalize(s.value()));
            }
            return fail(node, path, "a string");
        }
        if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
            Double d = number(node);
            if (d == null) {
                return fail(node, path, "a number");
            }
            if (!Double.isFinite(d)) {
                return fail(node, path, "a finite number");
            }
            return raw == float.class || raw == Float.class ? (Object) d.floatValue() : d;
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            Long l = integer(node);
            boolean isInt = raw == int.class || raw == Integer.class;
            Double d = number(node);
            boolean whole = d != null && Double.isFinite(d) && d == Math.rint(d);
            if (isInt
                    && (l != null && (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE)
                            || l == null && whole && Math.abs(d) > Integer.MAX_VALUE)) {
                // e.g. count: 1e12 is a whole number, but not one this field can hold
                return fail(node, path, "a whole number of at most 2147483647 in magnitude");
            }
            if (l == null || isInt && (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE)) {
                return fail(node, path, "an integer");
            }
            return isInt ? (Object) l.intValue() : l;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (node instanceof ScalarNode s && s.value() instanceof Boolean b) {
                return b;
            }
            return fail(node, path, "true or false");
        }
        if (raw.isEnum()) {
            return enumValue(node, raw, path);
        }
        if (raw == Point3.class) {
            return point(node, path);
        }
        if (raw == List.class || raw == Collection.class) {
            return list(node, typeArgument(type, 0), path);
        }
        if (raw == Map.class) {
            return map(node, typeArgument(type, 0), typeArgument(type, 1), path);
        }
        if (raw == Parameters.class) {
            if (node instanceof MapNode m) {
                return Parameters.of(m.entries(), m, Set.of());
            }
            return fail(node, path, "a mapping");
        }
        if (raw.isRecord()) {
            return bindRecord(node, raw, path, List.of());
        }
        error(
                node.position(),
                path,
                Plain.describe(node),
                "a value the binder supports (" + raw.getSimpleName()
                        + " is not a supported parameter type; this is a bug of the service that declares it)");
        return FAILED;
    }

    private Object fail(ConfigNode node, String path, String expected) {
        error(node.position(), path, Plain.describe(node), expected);
        return FAILED;
    }

    private Object bindRecord(ConfigNode node, Class<?> type, String path, Collection<String> ignoredKeys) {
        Shortform shortform = type.getAnnotation(Shortform.class);
        if (node instanceof ScalarNode s && s.value() != null && shortform != null) {
            node = new MapNode(Map.of(shortform.value(), node), node.position());
        } else if (isNull(node)) {
            node = new MapNode(Map.of(), node.position());
        }
        if (!(node instanceof MapNode map)) {
            return fail(node, path, "a mapping" + (shortform != null ? " or a single " + shortform.value() : ""));
        }
        Shape shape = SHAPES.get(type);
        RecordComponent[] components = shape.components();
        Object[] args = new Object[components.length];
        Set<String> known = new LinkedHashSet<>();
        int catchAll = -1;
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            if (c.getType() == Parameters.class) {
                catchAll = i;
                continue;
            }
            String key = shape.keys()[i];
            known.add(key);
            String childPath = Names.child(path, key);
            ConfigNode child = map.entries().get(key);
            if (child == null || isNull(child)) {
                if (shape.required()[i]) {
                    error(
                            child != null ? child.position() : map.position(),
                            childPath,
                            child != null ? "null" : "nothing",
                            expectation(shape.types()[i]) + " (required)");
                    args[i] = fallback(shape, i);
                    continue;
                }
                args[i] = shape.fromConstant(i)
                        ? shape.constants()[i]
                        : absent(c.getType(), shape.types()[i], shape.defaults()[i], childPath, map.position());
            } else {
                args[i] = convert(child, shape.types()[i], childPath);
                if (args[i] != FAILED) {
                    inRange(args[i], shape.ranges()[i], child, childPath);
                }
            }
            if (args[i] == FAILED) {
                // Keep going with the value an absent key would have, so that later checks
                // (references, services) still run and every mistake is reported in one pass.
                args[i] = fallback(shape, i);
            }
        }
        Map<String, ConfigNode> leftovers = new LinkedHashMap<>();
        map.entries().forEach((k, v) -> {
            if (!known.contains(k) && !ignoredKeys.contains(k)) {
                leftovers.put(k, v);
            }
        });
        if (catchAll >= 0) {
            leftovers.forEach((k, v) -> positions.putIfAbsent(Names.child(path, k), v.position()));
            args[catchAll] = Parameters.of(leftovers, map, known);
        } else {
            leftovers.forEach((k, v) -> unknownKey(k, v, Names.child(path, k), known));
        }
        return construct(type, shape, args, map, path);
    }

    /** The value of a component whose input was wrong or missing: its absent value, quietly. */
    private Object fallback(Shape shape, int i) {
        RecordComponent c = shape.components()[i];
        int before = errors.size();
        Object v = shape.required()[i]
                ? null
                : shape.fromConstant(i)
                        ? shape.constants()[i]
                        : absent(c.getType(), shape.types()[i], shape.defaults()[i], "", SourcePosition.unknown(file));
        while (errors.size() > before) {
            errors.remove(errors.size() - 1);
        }
        if (v == FAILED || v == null) {
            Class<?> t = c.getType();
            if (t == double.class) {
                return 0.0;
            }
            if (t == float.class) {
                return 0.0f;
            }
            if (t == int.class) {
                return 0;
            }
            if (t == long.class) {
                return 0L;
            }
            if (t == boolean.class) {
                return false;
            }
            return null;
        }
        return v;
    }

    private void unknownKey(String key, ConfigNode value, String path, Set<String> known) {
        String suggestion = NameSuggester.closest(key, known);
        String expected = suggestion != null
                ? "a known key (did you mean '" + suggestion + "'?)"
                : known.isEmpty() ? "no keys here" : "one of the keys " + String.join(", ", known);
        ConfigError e = new ConfigError(
                strict ? ConfigError.Severity.ERROR : ConfigError.Severity.WARNING,
                value.position().file(),
                value.position().line(),
                value.position().column(),
                path,
                "unknown key '" + key + "'",
                expected);
        errors.add(e);
    }

    private Object construct(Class<?> type, Shape shape, Object[] args, MapNode node, String path) {
        try {
            if (shape.constructor() == null) {
                throw new NoSuchMethodException("no accessible canonical constructor");
            }
            return shape.constructor().newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            error(
                    node.position(),
                    path,
                    "this mapping",
                    cause.getMessage() != null
                            ? cause.getMessage()
                            : "valid values (" + cause.getClass().getSimpleName() + ")");
            return FAILED;
        } catch (ReflectiveOperationException | RuntimeException e) {
            error(
                    node.position(),
                    path,
                    "this mapping",
                    "a value of " + type.getSimpleName() + " (cannot construct it: " + e + ")");
            return FAILED;
        }
    }

    /** The value of an absent component. */
    private Object absent(Class<?> raw, Type type, Default d, String path, SourcePosition parent) {
        if (d != null) {
            ConfigNode node = DEFAULTS.computeIfAbsent(d.value(), Binder::parseDefault);
            if (node == null) {
                error(
                        parent,
                        path,
                        "@Default(\"" + d.value() + "\")",
                        "a default that parses as YAML (a bug of its record)");
                return FAILED;
            }
            positions.putIfAbsent(path, parent);
            ConfigNode placed = Plain.toNode(Plain.of(node), parent);
            return convert(placed, type, path);
        }
        if (raw == double.class) {
            return 0.0;
        }
        if (raw == float.class) {
            return 0.0f;
        }
        if (raw == int.class) {
            return 0;
        }
        if (raw == long.class) {
            return 0L;
        }
        if (raw == boolean.class) {
            return false;
        }
        if (raw == List.class || raw == Collection.class) {
            return List.of();
        }
        if (raw == Map.class) {
            return Map.of();
        }
        if (raw == Parameters.class) {
            return Parameters.none();
        }
        return null;
    }

    private static ConfigNode parseDefault(String text) {
        try {
            return YamlConfigFormat.parseValue("@Default", text);
        } catch (ConfigSyntaxException e) {
            return null;
        }
    }

    private Object list(ConfigNode node, Type item, String path) {
        if (node instanceof MapNode) {
            return fail(node, path, "a list of " + plural(item));
        }
        List<ConfigNode> items = node instanceof ListNode l ? l.items() : List.of(node);
        List<Object> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            ConfigNode child = items.get(i);
            String childPath = node instanceof ListNode ? Names.index(path, i) : path;
            Object v = isNull(child) ? fail(child, childPath, expectation(item)) : convert(child, item, childPath);
            if (v != FAILED) {
                out.add(v);
            }
        }
        return Collections.unmodifiableList(out);
    }

    private Object map(ConfigNode node, Type keyType, Type valueType, String path) {
        if (!(node instanceof MapNode map)) {
            return fail(node, path, "a mapping of " + plural(valueType));
        }
        Class<?> keyClass = rawClass(keyType);
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigNode> e : map.entries().entrySet()) {
            String childPath = Names.child(path, e.getKey());
            Object key = e.getKey();
            if (keyClass == Integer.class || keyClass == Long.class) {
                try {
                    long l = Long.parseLong(e.getKey().trim());
                    key = keyClass == Integer.class ? (Object) Math.toIntExact(l) : (Object) l;
                } catch (NumberFormatException | ArithmeticException ex) {
                    error(e.getValue().position(), childPath, "key '" + e.getKey() + "'", "an integer key");
                    continue;
                }
            }
            Object v = isNull(e.getValue()) && rawClass(valueType).isRecord()
                    ? bindRecord(e.getValue(), rawClass(valueType), childPath, List.of())
                    : isNull(e.getValue()) && rawClass(valueType) != Object.class
                            ? fail(e.getValue(), childPath, expectation(valueType))
                            : convert(e.getValue(), valueType, childPath);
            if (v != FAILED) {
                out.put(key, v);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private Object point(ConfigNode node, String path) {
        if (node instanceof ScalarNode) {
            Double d = number(node);
            if (d != null && Double.isFinite(d)) {
                return new Point3(d, d, d);
            }
        } else if (node instanceof ListNode l && l.items().size() == 3) {
            double[] xyz = new double[3];
            boolean ok = true;
            for (int i = 0; i < 3; i++) {
                Double d = number(l.items().get(i));
                if (d == null || !Double.isFinite(d)) {
                    fail(l.items().get(i), Names.index(path, i), "a number");
                    ok = false;
                } else {
                    xyz[i] = d;
                }
            }
            return ok ? new Point3(xyz[0], xyz[1], xyz[2]) : FAILED;
        }
        String found = node instanceof ListNode l ? "a list of " + l.items().size() : Plain.describe(node);
        error(node.position(), path, found, "3 numbers [x, y, z] (or one number for all three)");
        return FAILED;
    }

    private Object enumValue(ConfigNode node, Class<?> type, String path) {
        List<String> names = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            names.add(((Enum<?>) constant).name().toLowerCase(Locale.ROOT));
        }
        if (node instanceof ScalarNode s && s.value() instanceof String text) {
            String wanted = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().toLowerCase(Locale.ROOT).equals(wanted)) {
                    return constant;
                }
            }
            String suggestion = NameSuggester.closest(text, names);
            return fail(
                    node,
                    path,
                    "one of " + String.join(", ", names)
                            + (suggestion != null ? " (did you mean '" + suggestion + "'?)" : ""));
        }
        return fail(node, path, "one of " + String.join(", ", names));
    }

    private boolean inRange(Object value, Range range, ConfigNode node, String path) {
        if (range == null) {
            return true;
        }
        boolean ok = true;
        if (value instanceof Number n) {
            ok = checkNumber(n.doubleValue(), range, node, path);
        } else if (value instanceof Point3 p && node instanceof ListNode l) {
            for (int i = 0; i < 3; i++) {
                ok &= checkNumber(p.get(i), range, l.items().get(i), Names.index(path, i));
            }
        } else if (value instanceof Point3 p) {
            ok = checkNumber(p.x(), range, node, path);
        } else if (value instanceof List<?> list && node instanceof ListNode l) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof Number n) {
                    ok &= checkNumber(n.doubleValue(), range, l.items().get(i), Names.index(path, i));
                }
            }
        }
        return ok;
    }

    private boolean checkNumber(double v, Range r, ConfigNode node, String path) {
        boolean ok = (r.minExclusive() ? v > r.min() : v >= r.min()) && (r.maxExclusive() ? v < r.max() : v <= r.max());
        if (!ok) {
            error(node.position(), path, Plain.describe(node), "a number " + describe(r));
        }
        return ok;
    }

    /** {@code >= 0}, {@code > 0}, {@code in [0, 1]}. */
    static String describe(Range r) {
        boolean lower = r.min() != Double.NEGATIVE_INFINITY;
        boolean upper = r.max() != Double.POSITIVE_INFINITY;
        if (lower && upper) {
            return "in " + (r.minExclusive() ? "(" : "[") + fmt(r.min()) + ", " + fmt(r.max())
                    + (r.maxExclusive() ? ")" : "]");
        }
        if (lower) {
            return (r.minExclusive() ? "> " : ">= ") + fmt(r.min());
        }
        return upper ? (r.maxExclusive() ? "< " : "<= ") + fmt(r.max()) : "";
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static Double number(ConfigNode node) {
        if (!(node instanceof ScalarNode s)) {
            return null;
        }
        Object v = s.value();
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String text) {
            try {
                return Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Long integer(ConfigNode node) {
        if (!(node instanceof ScalarNode s)) {
            return null;
        }
        Object v = s.value();
        if (v instanceof Long l) {
            return l;
        }
        Double d = number(node);
        if (d != null && d == Math.rint(d) && Math.abs(d) < 9.2e18) {
            return d.longValue();
        }
        return null;
    }

    static boolean isNull(ConfigNode node) {
        return node instanceof ScalarNode s && s.value() == null;
    }

    /** What a value of {@code type} looks like, for messages. */
    static String expectation(Type type) {
        Class<?> raw = rawClass(type);
        if (raw == String.class) {
            return "a string";
        }
        if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
            return "a number";
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return "an integer";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "true or false";
        }
        if (raw.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object c : raw.getEnumConstants()) {
                names.add(((Enum<?>) c).name().toLowerCase(Locale.ROOT));
            }
            return "one of " + String.join(", ", names);
        }
        if (raw == Point3.class) {
            return "3 numbers [x, y, z]";
        }
        if (raw == List.class || raw == Collection.class) {
            return "a list of " + plural(typeArgument(type, 0));
        }
        if (raw == Map.class) {
            return "a mapping of " + plural(typeArgument(type, 1));
        }
        if (raw == Object.class) {
            return "a value";
        }
        return "a mapping";
    }

    private static String plural(Type type) {
        Class<?> raw = rawClass(type);
        if (raw == String.class) {
            return "strings";
        }
        if (raw == double.class || raw == Double.class) {
            return "numbers";
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return "integers";
        }
        if (raw == Object.class) {
            return "values";
        }
        if (raw == List.class) {
            return "lists";
        }
        return "mappings";
    }

    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return rawClass(p.getRawType());
        }
        if (type instanceof WildcardType w) {
            return rawClass(w.getUpperBounds()[0]);
        }
        return Object.class;
    }

    private static Type typeArgument(Type type, int i) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > i) {
            return p.getActualTypeArguments()[i];
        }
        return Object.class;
    }
}
