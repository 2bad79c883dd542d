package org.bsb.core.config;

import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bsb.api.config.ConfigNode;
import org.bsb.api.config.SourcePosition;
import org.bsb.core.config.format.JsonConfigFormat;

/**
 * Writes a config (or any parameter record) back as a config tree: snake_case keys, every value
 * explicit (defaults included), {@link Parameters} merged into their node. Reading the JSON
 * back gives an equal {@link Configuration}; this is how the config is stored in a network file.
 */
public final class ConfigWriter {
    private static final JsonConfigFormat JSON = new JsonConfigFormat();

    private ConfigWriter() {}

    public static String toJson(Configuration config) {
        return JSON.write(toTree(config));
    }

    public static ConfigNode toTree(Record record) {
        return Plain.toNode(plain(record), SourcePosition.unknown("<config>"));
    }

    /** A record as a plain map (see {@link Plain}). */
    public static Map<String, Object> plain(Record record) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            Object value;
            try {
                var accessor = c.getAccessor();
                accessor.setAccessible(true);
                value = accessor.invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c, e);
            }
            if (value == null) {
                continue;
            }
            if (value instanceof Parameters p) {
                p.values().forEach(out::putIfAbsent);
            } else {
                out.put(Names.snake(c.getName()), Plain.normalize(value));
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
