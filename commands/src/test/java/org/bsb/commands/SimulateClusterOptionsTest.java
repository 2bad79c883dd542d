package org.bsb.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code bsb simulate}'s cluster options: what it passes on as plain data, and its note under srun/mpirun. */
class SimulateClusterOptionsTest {
    private static SimulateCommand parse(String... args) {
        SimulateCommand command = new SimulateCommand(null);
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void theClusterOptionsGivenArePassedOnByTheirNamesWithoutDashes() {
        SimulateCommand split = parse(
                "net.hdf5",
                "sim",
                "--cluster",
                "127.0.0.1:5701,127.0.0.1:5702",
                "--rank",
                "1",
                "--bind",
                "127.0.0.1",
                "--cluster-name",
                "lab",
                "--join-timeout",
                "30");
        assertEquals(
                Map.of(
                        "cluster", "127.0.0.1:5701,127.0.0.1:5702",
                        "rank", "1",
                        "bind", "127.0.0.1",
                        "cluster-name", "lab",
                        "join-timeout", "30"),
                split.clusterOptions());
        assertEquals(Map.of(), parse("net.hdf5", "sim").clusterOptions(), "no option: the whole run here");
        assertEquals(
                Map.of("cluster", "auto", "port", "5801"),
                parse("net.hdf5", "sim", "--cluster", "auto", "--port", "5801").clusterOptions());
    }

    @Test
    void oneOfManyLaunchedProcessesWithoutAClusterOptionIsToldOnce() {
        List<String> said = new ArrayList<>();
        SimulateCommand.warnIfLaunchedAsOneOfMany((level, m) -> said.add(level + " " + m), Map.of("SLURM_NTASKS", "4"));
        assertEquals(1, said.size(), said.toString());
        assertTrue(
                said.get(0).startsWith("1 Note: SLURM_NTASKS=4") && said.get(0).contains("--cluster auto"));
        said.clear();
        SimulateCommand.warnIfLaunchedAsOneOfMany(
                (level, m) -> said.add(m), Map.of("SLURM_NTASKS", "1", "OMPI_COMM_WORLD_SIZE", "x"));
        assertEquals(List.of(), said, "one task, or not a count: nothing to say");
    }
}
