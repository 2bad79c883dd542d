package org.bsb.neuron.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.bsb.api.BsbName;
import org.bsb.api.simulation.CellModelProvider;
import org.bsb.neuron.model.ModelDefinition;
import org.osgi.service.component.annotations.Component;

/**
 * The embedded default stellate model ({@code bsb-default/stellate-model.yaml} in this bundle,
 * from examples/neuron-simulation/data), whose synapse mechanisms this bundle also carries
 * ({@code BSB-Mechanisms: bsb-default/mechanisms;precedence:=fallback}: an installed catalogue
 * that provides AMPA, NMDA or GABA wins over them). Registered as the cell model
 * {@code default_stellate}: a cell model may say {@code model: default_stellate}.
 */
@Component(service = CellModelProvider.class)
@BsbName("default_stellate")
public final class DefaultModel implements CellModelProvider {
    static final String RESOURCE = "bsb-default/stellate-model.yaml";
    private static Map<String, Object> data;
    private static ModelDefinition stellate;

    public DefaultModel() {}

    @Override
    public Map<String, Object> definition() {
        return data();
    }

    @SuppressWarnings("unchecked")
    private static synchronized Map<String, Object> data() {
        if (data == null) {
            try (InputStream in = DefaultModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the adapter bundle lacks " + RESOURCE);
                }
                data = (Map<String, Object>)
                        ModelDefinition.data(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return data;
    }

    static synchronized ModelDefinition stellate() {
        if (stellate == null) {
            stellate = ModelDefinition.fromData(data(), RESOURCE);
        }
        return stellate;
    }
}
