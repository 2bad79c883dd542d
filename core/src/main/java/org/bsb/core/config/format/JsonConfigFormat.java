package org.bsb.core.config.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.util.List;
import org.bsb.api.BsbName;
import org.bsb.api.config.ConfigFormat;
import org.bsb.api.config.ConfigNode;
import org.bsb.api.config.ConfigSyntaxException;
import org.osgi.service.component.annotations.Component;

/** The {@code json} config format (strict JSON, as the original's json parser). */
@Component(service = ConfigFormat.class)
@BsbName({"json"})
public class JsonConfigFormat implements ConfigFormat {
    private final JsonFactory factory = JsonFactory.builder()
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    @Override
    public List<String> extensions() {
        return List.of("json");
    }

    @Override
    public ConfigNode parse(String source, String text) throws ConfigSyntaxException {
        return JacksonTrees.parse(factory, source, text);
    }

    @Override
    public String write(ConfigNode tree) {
        return JacksonTrees.write(factory, tree, true) + "\n";
    }
}
