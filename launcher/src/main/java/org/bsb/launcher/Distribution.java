package org.bsb.launcher;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the distribution lives: {@code bsb-launcher.jar} beside {@code bundles/} (installed at
 * start) and {@code plugins/} (watched while running; {@code BSB_PLUGINS} overrides it).
 */
record Distribution(Path home, Path bundles, Path plugins) {
    static Distribution locate() {
        Path home;
        String override = System.getProperty("bsb.home", System.getenv("BSB_HOME"));
        if (override != null && !override.isBlank()) {
            home = Path.of(override);
        } else {
            try {
                home = Path.of(Main.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI())
                        .getParent();
            } catch (URISyntaxException e) {
                throw new IllegalStateException("cannot locate the distribution", e);
            }
        }
        String plugins = System.getenv("BSB_PLUGINS");
        Path pluginDir = plugins != null && !plugins.isBlank() ? Path.of(plugins) : home.resolve("plugins");
        return new Distribution(
                home.toAbsolutePath(), home.resolve("bundles").toAbsolutePath(), pluginDir.toAbsolutePath());
    }

    void check() {
        if (!Files.isDirectory(bundles)) {
            throw new IllegalStateException("no bundles folder at " + bundles + " (is " + home
                    + " a BSB distribution? Build it with: mvn package)");
        }
        File dir = plugins.toFile();
        if (!dir.isDirectory() && !dir.mkdirs()) {
            throw new IllegalStateException("cannot create the plugins folder " + plugins);
        }
    }
}
