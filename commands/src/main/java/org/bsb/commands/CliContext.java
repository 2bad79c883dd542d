package org.bsb.commands;

import java.io.PrintStream;
import java.nio.file.Path;
import org.bsb.core.registry.Registry;

/** What every command needs: the services, where to print, and the user's working folder. */
public record CliContext(Registry registry, PrintStream out, PrintStream err, Path workingDirectory) {
    /** A path given on the command line, relative to the user's working folder. */
    public Path resolve(String path) {
        return workingDirectory.resolve(path).normalize();
    }
}
