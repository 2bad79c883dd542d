package org.bsb.api.morphology;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.bsb.api.Parameterized;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Reads a morphology file format. Registered as a service with {@code bsb.name} (e.g.
 * {@code swc}); the config's {@code morphologies[i].parser} node binds to {@link #parameterType()}.
 */
@ConsumerType
public interface MorphologyParser<P extends Record> extends Parameterized<P> {
    /** File extensions (without dot) this parser reads, e.g. {@code swc}. */
    List<String> extensions();

    /**
     * @param source the file's name or path, used in error messages
     * @param name the name the morphology gets in the repository
     */
    Morphology parse(String source, String name, InputStream in, P parameters)
            throws MorphologyFormatException, IOException;
}
