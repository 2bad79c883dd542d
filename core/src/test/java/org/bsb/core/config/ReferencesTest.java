package org.bsb.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bsb.core.registry.MapRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code $ref} and {@code $import}, as in the original (semantics §1.2). */
class ReferencesTest {
    private final MapRegistry registry = FakeServices.tutorial();

    /** The tutorial with the cell type moved to another file and the region's stack imported. */
    private static String tutorialWith(String cellTypes, String regions) throws IOException {
        String text = Files.readString(TutorialConfigTest.YAML);
        int from = text.indexOf("cell_types:\n");
        int to = text.indexOf("placement:\n");
        text = text.substring(0, from) + cellTypes + text.substring(to);
        from = text.indexOf("regions:\n");
        to = text.indexOf("morphologies:\n");
        return text.substring(0, from) + regions + text.substring(to);
    }

    private Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void referencedAndImportedNodesGiveTheSameConfig(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(TutorialConfigTest.EXAMPLE.resolve("data/StellateCell.swc"), dir.resolve("data/StellateCell.swc"));
        Files.copy(TutorialConfigTest.EXAMPLE.resolve("data/Stellate.py"), dir.resolve("data/Stellate.py"));
        write(dir, "parts/cells.json", """
                {"cells": {"stellate": {"spatial": {"radius": 4, "density": 1,
                   "morphologies": [{"names": ["StellateCell"]}]}}},
                 "stacks": {"cortex": {"type": "stack", "children": ["stellate_layer"]}}}
                """);
        Path main = write(dir, "main.yaml", tutorialWith("""
                cell_types:
                  stellate_cell:
                    $ref: parts/cells.json#/cells/stellate
                    spatial:
                      density: 0.000005
                """, """
                regions:
                  $import:
                    ref: parts/cells.json#/stacks
                    values: [cortex]
                  example_cortex:
                    $ref: parts/cells.json#/stacks/cortex
                """));
        ConfigCheck check = ConfigLoader.check(main, registry, false);
        assertEquals(List.of(), check.problems());
        Configuration expected =
                ConfigLoader.load(TutorialConfigTest.YAML, registry).config();
        assertEquals(expected.cellTypes(), check.config().cellTypes());
        // The imported 'cortex' is a region of its own, after the local ones.
        assertEquals(
                List.of("example_cortex", "cortex"),
                List.copyOf(check.config().regions().keySet()));
        assertEquals(
                expected.regions().get("example_cortex"),
                check.config().regions().get("cortex"));
    }

    @Test
    void brokenReferencesAreErrorsWithTheirPaths(@TempDir Path dir) throws IOException {
        write(dir, "parts/list.yaml", "cells: {x: [1, 2]}\n");
        write(dir, "parts/bad.yaml", "broken: {a: [}\n");
        Path main = write(dir, "main.yaml", tutorialWith("""
                cell_types:
                  stellate_cell:
                    $ref: parts/missing.json#/x
                  a: {$ref: parts/list.yaml#/cells/x}
                  d: {$ref: parts/bad.yaml#/broken}
                  b: {$ref: '#/cell_types/b'}
                  c: {$ref: '#/nowhere'}
                """, "regions: {}\n"));
        ConfigCheck check = ConfigLoader.check(main, registry, false);
        List<String> paths = check.errors().stream().map(ConfigError::path).toList();
        // In file order; the malformed referenced file's error points into that file.
        assertEquals(
                List.of(
                        "morphologies[0].file",
                        "cell_types.stellate_cell.$ref",
                        "cell_types.a.$ref",
                        "cell_types.b.$ref",
                        "cell_types.c.$ref",
                        "cell_types.d.$ref"),
                paths);
        String all = check.problems().toString();
        assertTrue(all.contains("expected a reference that does not lead back to itself"), all);
        assertTrue(all.contains("expected a reference to a mapping"), all);
        assertTrue(all.contains("no 'nowhere' there"), all);
        assertTrue(all.contains("parts/bad.yaml:1:14: cell_types.d.$ref: found malformed parts/bad.yaml"), all);
        assertTrue(all.contains("parts/missing.json not found"), all);
    }
}
