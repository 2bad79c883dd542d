package org.bsb.api.command;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Where a command prints and the user's working folder, which paths on its command line are relative to.
 *
 * @param workingDirectory an absolute path
 */
public record CommandContext(PrintStream out, PrintStream err, Path workingDirectory) {
    /** A path given on the command line, relative to the user's working folder. */
    public Path resolve(String path) {
        return workingDirectory.resolve(path).normalize();
    }
}
