package org.bsb.core.config.format;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.List;
import org.bsb.api.BsbName;
import org.bsb.api.config.ConfigFormat;
import org.bsb.api.config.ConfigNode;
import org.bsb.api.config.ConfigSyntaxException;
import org.osgi.service.component.annotations.Component;

/** The {@code yaml} config format (extensions yaml and yml). */
@Component(service = ConfigFormat.class)
@BsbName({"yaml", "yml"})
public class YamlConfigFormat implements ConfigFormat {
    private final YAMLFactory factory = YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();

    @Override
    public List<String> extensions() {
        return List.of("yaml", "yml");
    }

    @Override
    public ConfigNode parse(String source, String text) throws ConfigSyntaxException {
        return JacksonTrees.parse(factory, source, text);
    }

    /** A single YAML value written in flow style ({@code 1}, {@code pre}, {@code [0, 0, 0]}). */
    public static ConfigNode parseValue(String source, String text) throws ConfigSyntaxException {
        return JacksonTrees.parse(VALUES, source, text);
    }

    private static final YAMLFactory VALUES = new YAMLFactory();

    @Override
    public String write(ConfigNode tree) {
        return JacksonTrees.write(factory, tree, false);
    }
}
