package org.bsb.api.config;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/** A config file format ({@code json}, {@code yaml}), chosen by file extension. */
@ConsumerType
public interface ConfigFormat {
    /** Extensions without dot, e.g. {@code yaml}, {@code yml}. */
    List<String> extensions();

    /** @param source file name for positions and messages */
    ConfigNode parse(String source, String text) throws ConfigSyntaxException;

    String write(ConfigNode tree);
}
