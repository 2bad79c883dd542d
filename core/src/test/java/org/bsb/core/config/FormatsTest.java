package org.bsb.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.bsb.api.config.ConfigNode;
import org.bsb.api.config.ConfigNode.MapNode;
import org.bsb.api.config.ConfigSyntaxException;
import org.bsb.core.config.format.JsonConfigFormat;
import org.bsb.core.config.format.YamlConfigFormat;
import org.junit.jupiter.api.Test;

class FormatsTest {
    private final JsonConfigFormat json = new JsonConfigFormat();
    private final YamlConfigFormat yaml = new YamlConfigFormat();

    @Test
    void nodesCarryTheirLineAndColumn() throws ConfigSyntaxException {
        MapNode root = (MapNode) json.parse("a.json", "{\n  \"network\": {\n    \"x\": 100.0\n  }\n}");
        ConfigNode x = ((MapNode) root.entries().get("network")).entries().get("x");
        assertEquals("a.json:3:10", x.position().toString());
        MapNode y = (MapNode) yaml.parse("a.yaml", "network:\n  x: 100\n");
        assertEquals(
                "a.yaml:2:6",
                ((MapNode) y.entries().get("network"))
                        .entries()
                        .get("x")
                        .position()
                        .toString());
    }

    @Test
    void scalarsKeepTheirTypes() throws ConfigSyntaxException {
        Object v = Plain.of(
                yaml.parse("t", "{a: 100, b: 100.0, c: '16', d: true, e: ~, f: 12345678901234567890, g: .inf}"));
        assertEquals(
                Map.of(
                        "a",
                        100L,
                        "b",
                        100L,
                        "c",
                        "16",
                        "d",
                        true,
                        "f",
                        1.2345678901234567e19,
                        "g",
                        Double.POSITIVE_INFINITY),
                withoutNull(v));
        assertTrue(((Map<?, ?>) v).containsKey("e"));
    }

    private static Map<?, ?> withoutNull(Object v) {
        Map<Object, Object> m = new java.util.LinkedHashMap<>((Map<?, ?>) v);
        m.values().removeIf(java.util.Objects::isNull);
        return m;
    }

    @Test
    void yamlAnchorsAndAliasesOfMappingsAreResolved() throws ConfigSyntaxException {
        Object v =
                Plain.of(yaml.parse("t", "base: &hemi {cell_types: [a], morphology_labels: [axon]}\nother: *hemi\n"));
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(m.get("base"), m.get("other"));
        assertEquals(List.of("axon"), ((Map<?, ?>) m.get("other")).get("morphology_labels"));
        ConfigSyntaxException e = assertThrows(ConfigSyntaxException.class, () -> yaml.parse("t", "a: 1\nb: *nope\n"));
        assertEquals("t:2:4", e.position().toString());
    }

    @Test
    void aliasBombsAreRejected() {
        StringBuilder b = new StringBuilder("a0: &a0 [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n");
        for (int i = 1; i < 40; i++) {
            b.append("a")
                    .append(i)
                    .append(": &a")
                    .append(i)
                    .append(" [*a")
                    .append(i - 1)
                    .append(", *a")
                    .append(i - 1)
                    .append(", *a")
                    .append(i - 1)
                    .append("]\n");
        }
        ConfigSyntaxException e =
                assertThrows(ConfigSyntaxException.class, () -> yaml.parse("bomb.yaml", b.toString()));
        assertTrue(e.getMessage().contains("through its aliases"), e.getMessage());
    }

    @Test
    void malformedInputIsASyntaxErrorWithAPosition() {
        ConfigSyntaxException e = assertThrows(ConfigSyntaxException.class, () -> json.parse("x.json", "{\"a\": tru}"));
        assertEquals(1, e.position().line());
        assertEquals(7, e.position().column());
        e = assertThrows(ConfigSyntaxException.class, () -> yaml.parse("x.yaml", "a:\n  - b\n c: d\n"));
        assertEquals(3, e.position().line());
        assertThrows(ConfigSyntaxException.class, () -> yaml.parse("x.yaml", "a: 1\n---\nb: 2\n"));
        assertThrows(ConfigSyntaxException.class, () -> json.parse("x.json", "{} {}"));
    }

    @Test
    void writtenTreesParseBackToTheSameValues() throws ConfigSyntaxException {
        Object plain = Plain.normalize(Map.of(
                "tags", Map.of("16", List.of("dendrites")), "x", 1.5, "n", List.of(1, 2), "s", "yes", "t", "16"));
        for (var format : List.of(json, yaml)) {
            String text = format.write(Plain.toNode(plain, org.bsb.api.config.SourcePosition.unknown("t")));
            assertEquals(plain, Plain.of(format.parse("t", text)), text);
        }
    }
}
