package org.bsb.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import org.bsb.api.config.ConfigNode;
import org.bsb.core.config.ConfigLoader;
import org.bsb.core.config.Configuration;
import org.bsb.core.registry.MapRegistry;
import org.bsb.core.registry.ServiceLoaderRegistry;

/** The tutorial's config, read from the example file, without its simulations (no simulator needed). */
final class TutorialConfig {
    private TutorialConfig() {}

    static Configuration withoutSimulations(Path example) throws Exception {
        MapRegistry registry = ServiceLoaderRegistry.load();
        var tree = (ConfigNode.MapNode) ConfigLoader.formatFor(example.toString(), registry)
                .parse(example.toString(), Files.readString(example));
        var entries = new LinkedHashMap<>(tree.entries());
        entries.remove("simulations");
        return ConfigLoader.check(
                        new ConfigNode.MapNode(entries, tree.position()),
                        example.toString(),
                        registry,
                        example.toAbsolutePath().getParent(),
                        false)
                .orThrow()
                .config();
    }
}
