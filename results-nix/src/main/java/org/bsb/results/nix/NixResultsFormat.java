package org.bsb.results.nix;

import java.io.IOException;
import java.nio.file.Path;
import org.bsb.api.BsbName;
import org.bsb.api.simulation.ResultsFormat;
import org.bsb.api.simulation.SimulationResults;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code nix} results format: neo's NIX file ({@code .nio}), as the original BSB writes its
 * results, readable with {@code neo.io.NixIO(path, mode="ro").read_block()} (README.md).
 */
@Component(service = ResultsFormat.class)
@BsbName({"nix", "nio", "neo"})
public class NixResultsFormat implements ResultsFormat {
    @Override
    public String extension() {
        return Nix.EXTENSION;
    }

    @Override
    public Path write(SimulationResults results, Path directory) throws IOException {
        return NixWriter.writeNew(results, directory);
    }

    @Override
    public SimulationResults read(Path file) throws IOException {
        return NixReader.read(file);
    }
}
