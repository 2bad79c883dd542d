package org.bsb.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bsb.api.config.ConfigFormat;
import org.bsb.api.config.SourcePosition;
import org.bsb.core.config.format.JsonConfigFormat;
import org.bsb.core.config.format.YamlConfigFormat;
import org.bsb.core.registry.MapRegistry;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of the tutorial config: wrong types at random paths, removed and misspelt
 * keys, garbage characters, truncation, deep nesting. Every outcome must be a valid config
 * (which then survives the JSON round trip) or a report whose every error has a config path or
 * a position in the file; no other exception may escape.
 */
class ConfigFuzzTest {
    private static final long SEED = 20261125L;
    /** Per test; raise with -Dbsb.fuzz.mutations=100000 for a long run. */
    private static final int MUTATIONS = Integer.getInteger("bsb.fuzz.mutations", 1000);

    private static final int TREE_MUTATIONS = MUTATIONS;
    private static final int TEXT_MUTATIONS = MUTATIONS;

    private final MapRegistry registry = FakeServices.tutorial();
    private final ConfigFormat json = new JsonConfigFormat();
    private final ConfigFormat yaml = new YamlConfigFormat();
    private int valid;
    private int invalid;

    @Test
    void mutatedTreesGiveAValidConfigOrErrorsWithPaths() throws Exception {
        Random random = new Random(SEED);
        String text = Files.readString(TutorialConfigTest.JSON);
        Object base = Plain.of(json.parse("base.json", text));
        for (int i = 0; i < TREE_MUTATIONS; i++) {
            Object tree = mutableCopy(base);
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                tree = mutate(tree, random);
            }
            ConfigFormat format = random.nextBoolean() ? json : yaml;
            String written = format.write(Plain.toNode(tree, SourcePosition.unknown("m")));
            check("tree mutation " + i, written, format, random.nextInt(4) == 0);
        }
        assertTrue(valid > 50 && invalid > TREE_MUTATIONS / 2, "valid " + valid + ", invalid " + invalid);
    }

    @Test
    void mutatedTextGivesAValidConfigOrErrorsWithPositions() throws IOException {
        Random random = new Random(SEED + 1);
        String jsonText = Files.readString(TutorialConfigTest.JSON);
        String yamlText = Files.readString(TutorialConfigTest.YAML);
        for (int i = 0; i < TEXT_MUTATIONS; i++) {
            boolean isJson = random.nextBoolean();
            String text = isJson ? jsonText : yamlText;
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                text = garble(text, random);
            }
            check("text mutation " + i, text, isJson ? json : yaml, false);
        }
        assertTrue(invalid > TEXT_MUTATIONS / 2, "valid " + valid + ", invalid " + invalid);
    }

    @Test
    void deepNestingIsAnErrorNotACrash() {
        for (int depth : new int[] {10, 100, 499, 501, 5000}) {
            String deepList = "[".repeat(depth) + "]".repeat(depth);
            String deepMap = "{\"a\": ".repeat(depth) + "1" + "}".repeat(depth);
            for (String inner : List.of(deepList, deepMap)) {
                String text = "{\"name\": " + inner + ", \"storage\": {\"engine\": \"hdf5\"}}";
                check("json depth " + depth, text, json, false);
                check("yaml depth " + depth, text, yaml, false); // JSON is YAML flow style
            }
        }
        ConfigCheck check =
                ConfigLoader.check("d.json", "[".repeat(600) + "]".repeat(600), json, registry, null, false);
        assertFalse(check.valid());
        assertEquals(1, check.problems().get(0).line());
    }

    private void check(String what, String text, ConfigFormat format, boolean strict) {
        ConfigCheck check;
        try {
            check = ConfigLoader.check("fuzz." + format.extensions().get(0), text, format, registry, null, strict);
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError(what + " threw " + e + "\n--- input ---\n" + text, e);
        }
        if (check.valid()) {
            valid++;
            Configuration back;
            try {
                back = ConfigLoader.fromJson(ConfigWriter.toJson(check.config()), "stored", registry)
                        .config();
            } catch (ConfigException e) {
                throw new AssertionError(
                        what + ": a valid config does not survive the JSON round trip:\n" + e.getMessage()
                                + "\n--- input ---\n" + text,
                        e);
            }
            assertEquals(check.config(), back, what);
            return;
        }
        invalid++;
        for (ConfigError e : check.errors()) {
            if (e.path().isEmpty() && e.line() <= 0) {
                fail(what + ": error without a path or a position: " + e + "\n--- input ---\n" + text);
            }
            if (e.found() == null || e.expected() == null || e.expected().isBlank()) {
                fail(what + ": error without what was found and expected: " + e);
            }
        }
    }

    // --- tree mutations ----------------------------------------------------------------------

    private Object mutate(Object tree, Random r) {
        List<Object[]> slots = new ArrayList<>(); // {container, key or index}
        collect(tree, slots);
        if (slots.isEmpty()) {
            return tree;
        }
        Object[] slot = slots.get(r.nextInt(slots.size()));
        int kind = r.nextInt(10);
        if (slot[0] instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) m;
            String key = (String) slot[1];
            switch (kind) {
                case 0 -> map.remove(key);
                case 1 -> {
                    Object v = map.remove(key);
                    map.put(typo(key, r), v);
                }
                case 2 -> map.put("unknown_" + r.nextInt(100), mutableCopy(randomValue(r, 0)));
                default -> map.put(key, mutableCopy(randomValue(r, 0)));
            }
        } else {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) slot[0];
            int index = (Integer) slot[1];
            switch (kind) {
                case 0 -> list.remove(index);
                case 1 -> list.add(index, list.get(index));
                default -> list.set(index, mutableCopy(randomValue(r, 0)));
            }
        }
        return tree;
    }

    private static void collect(Object node, List<Object[]> slots) {
        if (node instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                slots.add(new Object[] {map, key});
                collect(map.get(key), slots);
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                slots.add(new Object[] {list, i});
                collect(list.get(i), slots);
            }
        }
    }

    private static String typo(String key, Random r) {
        if (key.isEmpty()) {
            return "x";
        }
        int at = r.nextInt(key.length());
        return key.substring(0, at) + key.substring(at + 1);
    }

    private static Object randomValue(Random r, int depth) {
        switch (r.nextInt(depth > 2 ? 9 : 13)) {
            case 0:
                return null;
            case 1:
                return r.nextBoolean();
            case 2:
                return (long) (r.nextInt(2001) - 1000);
            case 3:
                return r.nextGaussian() * 1000;
            case 4:
                return -1.0;
            case 5:
                return 0L;
            case 6:
                return "";
            case 7:
                return List.of(1e308, -1e308, Double.NaN).get(r.nextInt(3));
            case 8:
                return "stellate_" + (char) ('a' + r.nextInt(26));
            case 9: {
                List<Object> l = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    l.add(randomValue(r, depth + 1));
                }
                return l;
            }
            case 10: {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    m.put(
                            List.of("strategy", "x", "cell_types", "radius", "16", "", "$ref", "$import")
                                    .get(r.nextInt(8)),
                            r.nextInt(3) == 0
                                    ? List.of("#/network", "#/partitions", "#..", "#/", "x.json#/a", "#/cell_types/x")
                                            .get(r.nextInt(6))
                                    : randomValue(r, depth + 1));
                }
                return m;
            }
            case 11: {
                Object v = 1L;
                for (int i = r.nextInt(80); i > 0; i--) {
                    v = r.nextBoolean() ? List.of(v) : Map.of("a", v);
                }
                return v;
            }
            default:
                return "9";
        }
    }

    @SuppressWarnings("unchecked")
    private static Object mutableCopy(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> out.put(k, mutableCopy(v)));
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(mutableCopy(v)));
            return out;
        }
        return node;
    }

    // --- text mutations ----------------------------------------------------------------------

    private static final String NASTY = "{}[]:,\"'\n\t -&*!|>%@#?\\\u0000\u0007\u00ff\ufffd\ud83d\ude00";

    private static String garble(String text, Random r) {
        if (text.isEmpty()) {
            return NASTY.substring(r.nextInt(NASTY.length()));
        }
        int at = r.nextInt(text.length());
        int len = 1 + r.nextInt(Math.min(20, text.length() - at));
        switch (r.nextInt(6)) {
            case 0: // replace a character with a structural or control one
                return text.substring(0, at) + NASTY.charAt(r.nextInt(NASTY.length())) + text.substring(at + 1);
            case 1: // delete a range
                return text.substring(0, at) + text.substring(at + len);
            case 2: // duplicate a range
                return text.substring(0, at + len) + text.substring(at, at + len) + text.substring(at + len);
            case 3: // truncate
                return text.substring(0, at);
            case 4: { // random bytes read as Latin-1
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < len; i++) {
                    b.append((char) r.nextInt(256));
                }
                return text.substring(0, at) + b + text.substring(at);
            }
            default: { // swap two digits or letters for others
                char c = text.charAt(at);
                char replacement = Character.isDigit(c) ? (char) ('0' + r.nextInt(10)) : (char) ('a' + r.nextInt(26));
                return text.substring(0, at) + replacement + text.substring(at + 1);
            }
        }
    }
}
