package org.bsb.results.hdf5;

import java.io.IOException;
import java.nio.file.Path;
import org.bsb.api.BsbName;
import org.bsb.api.simulation.ResultsFormat;
import org.bsb.api.simulation.SimulationResults;
import org.osgi.service.component.annotations.Component;

/** The {@code hdf5} results format (layout in README.md). */
@Component(service = ResultsFormat.class)
@BsbName({"hdf5", "h5"})
public class Hdf5ResultsFormat implements ResultsFormat {
    @Override
    public String extension() {
        return "h5";
    }

    @Override
    public Path write(SimulationResults results, Path directory) throws IOException {
        return ResultsWriter.writeNew(results, directory);
    }

    @Override
    public SimulationResults read(Path file) throws IOException {
        return ResultsReader.read(file);
    }
}
