package org.bsb.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.bsb.api.Default;
import org.bsb.api.Range;
import org.bsb.api.Required;
import org.bsb.api.config.ConfigNode;
import org.bsb.api.config.ConfigSyntaxException;
import org.bsb.api.geometry.Point3;
import org.bsb.core.config.format.YamlConfigFormat;
import org.junit.jupiter.api.Test;

/** The binder's rules, one by one, on small records. */
class BinderTest {
    enum Side {
        PRE,
        POST
    }

    record Inner(@Required String name, @Default("2") int size) {}

    record Everything(
            @Default("0.5") @Range(min = 0, max = 1) double fraction,
            @Default("post") Side side,
            @Default("7") Point3 cube,
            @Default("[a, b]") List<String> letters,
            Map<Integer, List<String>> tags,
            List<Inner> inners,
            Integer count,
            Object anything,
            boolean flag) {}

    /** Defaults given the way the voxel-intersection bundle does: a DEFAULTS constant. */
    record WithConstant(
            double affinity, int voxels, @Default("3") int contacts, String side) {
        public static final WithConstant DEFAULTS = new WithConstant(1, 50, 99, "pre");
    }

    record Checked(@Range(min = 0, minExclusive = true) double dt) {
        Checked {
            if (dt > 10) {
                throw new IllegalArgumentException("a time step of at most 10 ms");
            }
        }
    }

    private static ConfigNode yaml(String text) throws ConfigSyntaxException {
        return new YamlConfigFormat().parse("t.yaml", text);
    }

    private static List<String> problems(Binder b) {
        return b.problems().stream().map(ConfigError::toString).toList();
    }

    @Test
    void absentKeysTakeTheirDefaults() throws ConfigSyntaxException {
        Binder b = new Binder("t.yaml", true);
        Everything e = b.bind(yaml("{}"), Everything.class, "");
        assertEquals(
                new Everything(
                        0.5, Side.POST, new Point3(7, 7, 7), List.of("a", "b"), Map.of(), List.of(), null, null, false),
                e);
        assertEquals(List.of(), b.problems());
    }

    @Test
    void theDefaultsConstantFillsComponentsWithoutAnAnnotation() throws ConfigSyntaxException {
        Binder b = new Binder("t.yaml", true);
        assertEquals(new WithConstant(0.5, 50, 3, "pre"), b.bind(yaml("affinity: 0.5"), WithConstant.class, "x"));
    }

    @Test
    void valuesAreConvertedAsTheOriginalCastsThem() throws ConfigSyntaxException {
        Binder b = new Binder("t.yaml", true);
        Everything e = b.bind(yaml("""
                fraction: '5e-1'
                side: PRE
                cube: [1, 2, 3.5]
                letters: z
                tags: {'16': dendrites, 17: [axon, x]}
                inners: [{name: n}, {name: m, size: 3.0}]
                count: 4
                anything: {a: [1, 2.5]}
                """), Everything.class, "");
        assertEquals(List.of(), b.problems());
        assertEquals(0.5, e.fraction());
        assertEquals(Side.PRE, e.side());
        assertEquals(new Point3(1, 2, 3.5), e.cube());
        assertEquals(List.of("z"), e.letters()); // a single value stands for a one-element list
        assertEquals(Map.of(16, List.of("dendrites"), 17, List.of("axon", "x")), e.tags());
        assertEquals(List.of(new Inner("n", 2), new Inner("m", 3)), e.inners());
        assertEquals(Map.of("a", List.of(1L, 2.5)), e.anything());
    }

    @Test
    void everyWrongValueIsReportedWithItsPath() throws ConfigSyntaxException {
        Binder b = new Binder("t.yaml", false);
        b.bind(yaml("""
                fraction: 1.5
                side: pree
                cube: [1, 2]
                tags: {x: [a]}
                inners: [{size: 1}, {name: k, size: 2.5}]
                count: .inf
                flag: 1
                extra: 3
                """), Everything.class, "n");
        assertEquals(
                List.of(
                        "t.yaml:1:11: n.fraction: found 1.5, expected a number in [0, 1]",
                        "t.yaml:2:7: n.side: found 'pree', expected one of pre, post (did you mean 'pre'?)",
                        "t.yaml:3:7: n.cube: found a list of 2, expected 3 numbers [x, y, z] (or one number for all three)",
                        "t.yaml:4:11: n.tags.x: found key 'x', expected an integer key",
                        "t.yaml:5:10: n.inners[0].name: found nothing, expected a string (required)",
                        "t.yaml:5:37: n.inners[1].size: found 2.5, expected an integer",
                        "t.yaml:6:8: n.count: found Infinity, expected an integer",
                        "t.yaml:7:7: n.flag: found 1, expected true or false",
                        "t.yaml:8:8: warning: n.extra: found unknown key 'extra', expected one of the keys fraction, side, "
                                + "cube, letters, tags, inners, count, anything, flag"),
                problems(b));
        assertThrows(ConfigException.class, () -> b.throwIfErrors(null));
    }

    @Test
    void recordConstructorsMayRejectValues() throws ConfigSyntaxException {
        Binder b = new Binder("t.yaml", true);
        b.bind(yaml("dt: 20"), Checked.class, "sim");
        assertEquals(
                List.of("t.yaml:1:1: sim: found this mapping, expected a time step of at most 10 ms"), problems(b));
        Binder zero = new Binder("t.yaml", true);
        zero.bind(yaml("dt: 0"), Checked.class, "sim");
        assertEquals(List.of("t.yaml:1:5: sim.dt: found 0, expected a number > 0"), problems(zero));
    }

    @Test
    void shortformsAndParametersCatchAll() throws ConfigSyntaxException {
        Binder b = new Binder("t.yaml", true);
        MorphologyNode m = b.bind(yaml("data/x.y.swc"), MorphologyNode.class, "morphologies[0]");
        assertEquals("x.y", m.name());
        assertEquals("bsb", m.parser().parser());
        DeviceNode d =
                b.bind(yaml("{device: d, targetting: {strategy: all}, start: 9, rate: 2.0}"), DeviceNode.class, "d");
        assertEquals(Map.of("start", 9L, "rate", 2L), d.parameters().values());
        assertEquals(List.of(), b.problems());
        assertNull(d.locations());
        assertFalse(d.parameters().coreKeys().contains("start"));
    }

    @Test
    void parametersBindToAServiceRecordWithCoreKeysAvailable() throws ConfigSyntaxException {
        record Sim(
                @Required double duration, @Default("-65") double initial) {}
        Binder b = new Binder("t.yaml", true);
        SimulationNode s = b.bind(
                yaml("{simulator: n, duration: 5, cell_models: {}, connection_models: {}, devices: {}, "
                        + "initial: -70}"),
                SimulationNode.class,
                "s");
        assertEquals(new Sim(5, -70), s.parameters().bind(Sim.class, "s"));
        ConfigException e =
                assertThrows(ConfigException.class, () -> s.parameters().bind(Inner.class, "s"));
        assertEquals(
                "t.yaml:1:1: s.name: found nothing, expected a string (required)\n"
                        + "t.yaml:1:91: warning: s.initial: found unknown key 'initial', expected one of the keys name, size",
                e.getMessage());
    }
}
