package org.bsb.core.compile;

import java.nio.file.Path;
import org.bsb.api.morphology.MorphologyParser;

/**
 * A {@code morphologies[i]} entry: the file (absolute, resolved against the config's folder),
 * the repository name (default: the file's stem) and its parser with bound parameters.
 *
 * @param configPath where the entry sits in the config, for messages ({@code morphologies[0]})
 */
public record MorphologySpec(String configPath, Path file, String name, MorphologyParser<?> parser, Record parameters) {
    /** The file name without its extension, the original's default morphology name. */
    public static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
