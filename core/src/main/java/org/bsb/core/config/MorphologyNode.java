package org.bsb.core.config;

import org.bsb.api.Default;
import org.bsb.api.Required;

/**
 * An entry of {@code morphologies}: a file (relative to the config's folder), the name it is
 * stored under (default: the file name without extension), and how to parse it. May be written
 * as just the file name.
 */
@Shortform("file")
public record MorphologyNode(
        @Required String file, String name, @Default("{}") ParserNode parser) {
    public MorphologyNode {
        if (name == null && file != null) {
            name = stem(file);
        }
        if (parser == null) {
            parser = new ParserNode("bsb", java.util.Map.of(), Parameters.none());
        }
    }

    /** {@code data/StellateCell.swc} to {@code StellateCell}. */
    static String stem(String file) {
        String base = file.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }
}
