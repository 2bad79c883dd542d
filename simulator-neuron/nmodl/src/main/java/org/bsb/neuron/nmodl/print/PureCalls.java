package org.bsb.neuron.nmodl.print;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Common subexpressions of pure calls ({@code exp}, {@code pow}, {@code log}, ...): the first evaluation in
 * straight-line code goes into a final local that later identical calls reuse while none of the variables
 * it reads is assigned; calls over nothing but {@code celsius}, {@code dt} and constants (Q10 factors) become
 * fields computed once per engine callback ({@code uniforms()}). What a call reads is recorded from the
 * resolved names as the expression is printed, and what a line assigns is told by its printer: no text of
 * the generated code is inspected.
 */
final class PureCalls {
    /** The variables an expression reads, and whether anything in it depends on the instance (or is a test). */
    static final class Reads {
        final Set<String> names = new HashSet<>();
        boolean perInstance;
    }

    private record Known(String local, Set<String> reads) {}

    /** Java text of a pure call -> the local holding its value. */
    private Map<String, Known> known = new HashMap<>();
    /** Java text of a uniform call -> its field ({@code u0}, {@code u1}, ...), in the order first met. */
    final Map<String, String> uniform = new LinkedHashMap<>();

    private final Set<String> uniformFields = new HashSet<>();
    private final Deque<Reads> frames = new ArrayDeque<>();

    /** Starts recording what the expression printed next reads. */
    void begin() {
        frames.push(new Reads());
    }

    Reads end() {
        return frames.pop();
    }

    /** Records a variable read by the expression being printed; {@code uniform}: celsius, dt or a uniform field. */
    void read(String name, boolean uniform) {
        Reads r = frames.peek();
        if (r == null) return;
        r.names.add(name);
        if (!uniform) r.perInstance = true;
    }

    /** Records something that makes the expression per instance without being a variable (a test, a call of the file). */
    void perInstance() {
        Reads r = frames.peek();
        if (r != null) r.perInstance = true;
    }

    /** Adds what a sub-expression read to the enclosing one. */
    void merge(Reads sub) {
        Reads r = frames.peek();
        if (r == null) return;
        r.names.addAll(sub.names);
        r.perInstance |= sub.perInstance;
    }

    static boolean isUniformName(String name) {
        return name.equals("celsius") || name.equals("dt");
    }

    /** The field of a uniform call, made on first use. */
    String uniformField(String call) {
        return uniform.computeIfAbsent(call, k -> {
            String f = "u" + uniform.size();
            uniformFields.add(f);
            return f;
        });
    }

    boolean isUniformField(String name) {
        return uniformFields.contains(name);
    }

    String local(String call) {
        Known k = known.get(call);
        return k == null ? null : k.local();
    }

    void remember(String call, String local, Set<String> reads) {
        known.put(call, new Known(local, reads));
    }

    /** Forgets the values that read {@code variable}, which a line has just assigned. */
    void assigned(String variable) {
        known.values().removeIf(k -> k.reads().contains(variable));
    }

    void clear() {
        known.clear();
    }

    /** What is known now, for the branches of an IF (each starts from what was known before it). */
    Map<String, ?> snapshot() {
        return new HashMap<>(known);
    }

    @SuppressWarnings("unchecked")
    void restore(Map<String, ?> snapshot) {
        known = new HashMap<>((Map<String, Known>) snapshot);
    }

    boolean isEmpty() {
        return known.isEmpty();
    }
}
