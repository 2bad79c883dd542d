package org.bsb.neuron.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.bsb.neuron.model.ModelDefinition;

/**
 * The embedded default stellate model ({@code bsb-default/stellate-model.yaml} in this bundle,
 * from examples/neuron-simulation/data), whose synapse mechanisms this bundle also carries
 * ({@code BSB-Mechanisms: bsb-default/mechanisms}).
 */
final class DefaultModel {
    static final String RESOURCE = "bsb-default/stellate-model.yaml";
    private static ModelDefinition stellate;

    private DefaultModel() {}

    static synchronized ModelDefinition stellate() {
        if (stellate == null) {
            try (InputStream in = DefaultModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the adapter bundle lacks " + RESOURCE);
                }
                // ModelDefinition reads YAML from files: hand it a temporary copy
                Path tmp = Files.createTempFile("stellate-model", ".yaml");
                try {
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                    stellate = ModelDefinition.read(tmp, null);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stellate;
    }
}
