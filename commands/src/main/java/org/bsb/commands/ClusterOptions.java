package org.bsb.commands;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The cluster options of {@code bsb compile}, {@code bsb simulate} and {@code bsb worker}, passed on as plain data
 * (names without {@code --}) to the transport service (the api's {@code JobCluster}, cable's {@code ClusterRunner}).
 */
public class ClusterOptions {
    @Option(
            names = "--cluster",
            paramLabel = "MEMBERS",
            description = "Split the work over processes: host:port of each rank, in rank order (e.g."
                    + " 127.0.0.1:5701,127.0.0.1:5702), or 'auto' for the members from srun's environment,"
                    + " or dry-run:N (simulate only: N fake ranks in this process); every process gets the same"
                    + " options but its rank. Rank 0 writes the file.")
    String cluster;

    @Option(
            names = "--rank",
            paramLabel = "K",
            description = "This process's rank in the cluster (default: SLURM_PROCID, OMPI_COMM_WORLD_RANK, PMI_RANK).")
    String rank;

    @Option(
            names = "--size",
            paramLabel = "N",
            description = "The number of processes (default: SLURM_NTASKS, OMPI_COMM_WORLD_SIZE, PMI_SIZE, else the"
                    + " entries of --cluster).")
    String size;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            description = "The one address this member binds to (default: the host of its --cluster entry).")
    String bind;

    @Option(
            names = "--port",
            paramLabel = "P",
            description = "This member's port; without --cluster the first port of each host (default: 5701).")
    String port;

    @Option(
            names = "--cluster-name",
            paramLabel = "NAME",
            description = "Name every process of the run must give (default: bsb).")
    String clusterName;

    @Option(
            names = "--join-timeout",
            paramLabel = "S",
            description = "Seconds to wait for every process to join (default: 120).")
    String joinTimeout;

    @Option(
            names = "--round-timeout",
            paramLabel = "S",
            description =
                    "Longest wait for another process (spikes of a round, what rank 0 publishes), in seconds (default: 600).")
    String roundTimeout;

    /** The options given (names without {@code --}); empty: none. */
    Map<String, String> toMap() {
        Map<String, String> options = new LinkedHashMap<>();
        put(options, "cluster", cluster);
        put(options, "rank", rank);
        put(options, "size", size);
        put(options, "bind", bind);
        put(options, "port", port);
        put(options, "cluster-name", clusterName);
        put(options, "join-timeout", joinTimeout);
        put(options, "round-timeout", roundTimeout);
        return options;
    }

    private static void put(Map<String, String> options, String name, String value) {
        if (value != null) {
            options.put(name, value);
        }
    }
}
