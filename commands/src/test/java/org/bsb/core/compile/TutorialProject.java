package org.bsb.core.compile;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bsb.commands.BsbCli;
import org.bsb.core.registry.MapRegistry;
import org.bsb.core.registry.ServiceLoaderRegistry;

/** A project folder with the tutorial's morphology, compiled with {@code bsb compile} as a user would. */
final class TutorialProject {
    final Path dir;
    final MapRegistry registry;
    /** Standard error of the last command. */
    String err = "";

    TutorialProject(Path dir) throws Exception {
        this.dir = dir;
        Files.createDirectories(dir.resolve("data"));
        Tutorial.swc(dir.resolve("data"));
        registry = ServiceLoaderRegistry.load(TutorialProject.class.getClassLoader());
    }

    /** Writes {@code config} to net.json and runs {@code bsb compile net.json args...}; the exit status. */
    int compile(String config, String... args) throws Exception {
        Files.writeString(dir.resolve("net.json"), config);
        List<String> argv = new ArrayList<>(List.of("compile", "net.json"));
        argv.addAll(List.of(args));
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int rc = BsbCli.run(
                registry,
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(e, true, StandardCharsets.UTF_8),
                dir,
                argv.toArray(new String[0]));
        err = e.toString(StandardCharsets.UTF_8);
        return rc;
    }
}
