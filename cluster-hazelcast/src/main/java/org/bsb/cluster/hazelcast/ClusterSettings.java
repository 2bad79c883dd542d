package org.bsb.cluster.hazelcast;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who takes part in a split run and where this process stands in it. Every process of a run is given the same
 * member list and size and its own rank; {@code members.get(k)} is where rank {@code k} listens
 * ({@code host:port}), so this process listens on {@code members.get(rank)}'s port and binds to
 * {@code bindAddress} (by default the host of its own entry: {@code 127.0.0.1} for the default loopback list).
 *
 * @param clusterName every member must give the same name; a member with another name is not admitted
 * @param bindAddress the address this member's socket binds to (never all interfaces)
 * @param port the port this member listens on
 * @param members one {@code host:port} per rank, in rank order
 * @param rank this process's rank, {@code 0 <= rank < size}; rank 0 coordinates
 * @param size the number of processes of the run
 * @param joinTimeout how long to wait for all {@code size} members to join
 * @param roundTimeout how long one wait for the other ranks may last (a last resort: a lost member is noticed
 *        within about a second by itself)
 */
public record ClusterSettings(
        String clusterName,
        String bindAddress,
        int port,
        List<String> members,
        int rank,
        int size,
        Duration joinTimeout,
        Duration roundTimeout) {

    /** Option names, as {@code bsb ... --cluster MEMBERS --rank K} would pass them to {@link #from}. */
    public static final String CLUSTER = "cluster";

    public static final String RANK = "rank";
    public static final String SIZE = "size";
    public static final String CLUSTER_NAME = "cluster-name";
    public static final String BIND = "bind";
    public static final String PORT = "port";
    public static final String JOIN_TIMEOUT = "join-timeout";
    public static final String ROUND_TIMEOUT = "round-timeout";

    public static final String DEFAULT_NAME = "bsb";
    public static final int DEFAULT_PORT = 5701;
    public static final Duration DEFAULT_JOIN_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration DEFAULT_ROUND_TIMEOUT = Duration.ofSeconds(600);

    /** Rank and size variables, in the order they are looked up: srun's, then Open MPI's, then PMI's (MPICH, Intel MPI). */
    static final String[][] RANK_SIZE_VARIABLES = {
        {"SLURM_PROCID", "SLURM_NTASKS"},
        {"OMPI_COMM_WORLD_RANK", "OMPI_COMM_WORLD_SIZE"},
        {"PMI_RANK", "PMI_SIZE"},
    };

    public ClusterSettings {
        if (clusterName == null || !clusterName.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException(
                    "cluster name '" + clusterName + "': expected letters, digits, '.', '_' or '-'");
        }
        members = List.copyOf(members);
        if (size < 1 || rank < 0 || rank >= size) {
            throw new IllegalArgumentException("rank " + rank + " of " + size + ": expected 0 <= rank < size");
        }
        if (members.size() != size) {
            throw new IllegalArgumentException("the member list has " + members.size() + " entries for " + size
                    + " ranks: expected one host:port per rank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + ": expected 1-65535");
        }
        if (bindAddress == null || bindAddress.isBlank()) {
            throw new IllegalArgumentException("bind address: expected a host name or IP address");
        }
        if (joinTimeout.isNegative() || joinTimeout.isZero() || roundTimeout.isNegative() || roundTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "timeouts must be positive, got join " + joinTimeout + ", round " + roundTimeout);
        }
    }

    /** {@code size} processes on this machine: rank {@code k} listens on 127.0.0.1:{@code basePort + k}. */
    public static ClusterSettings loopback(String clusterName, int basePort, int rank, int size) {
        List<String> members = new ArrayList<>();
        for (int k = 0; k < size; k++) {
            members.add("127.0.0.1:" + (basePort + k));
        }
        return new ClusterSettings(
                clusterName,
                "127.0.0.1",
                basePort + rank,
                members,
                rank,
                size,
                DEFAULT_JOIN_TIMEOUT,
                DEFAULT_ROUND_TIMEOUT);
    }

    public ClusterSettings withTimeouts(Duration join, Duration round) {
        return new ClusterSettings(clusterName, bindAddress, port, members, rank, size, join, round);
    }

    /** This member's entry: the address the others connect to. */
    public String self() {
        return members.get(rank);
    }

    public boolean isCoordinator() {
        return rank == 0;
    }

    /**
     * The settings given by {@code options} (see the option names above; values as typed) and, for what they
     * leave out, by the environment of {@code srun} or {@code mpirun}:
     * <ul>
     * <li>rank: {@code rank}, else {@code SLURM_PROCID}, {@code OMPI_COMM_WORLD_RANK}, {@code PMI_RANK};</li>
     * <li>size: {@code size}, else {@code SLURM_NTASKS}, {@code OMPI_COMM_WORLD_SIZE}, {@code PMI_SIZE}, else the
     * length of {@code cluster};</li>
     * <li>members: {@code cluster} ({@code host:port,host:port,...}, one per rank, in rank order); else under srun
     * the hosts of {@code SLURM_NODELIST}, each running as many members as {@code SLURM_TASKS_PER_NODE} says
     * (block distribution, ranks in node order) on ports {@code port, port+1, ...}; else {@code size} members on
     * 127.0.0.1, ports {@code port, port+1, ...};</li>
     * <li>{@code cluster-name} (default {@value #DEFAULT_NAME}), {@code bind} (default: the host of this rank's
     * entry), {@code port} (default {@value #DEFAULT_PORT}; with {@code cluster} it must agree with this rank's
     * entry), {@code join-timeout} and {@code round-timeout} in seconds.</li>
     * </ul>
     * Errors name the option or variable, its value and what was expected.
     */
    public static ClusterSettings from(Map<String, String> options, Map<String, String> env) {
        Set<String> known = Set.of(CLUSTER, RANK, SIZE, CLUSTER_NAME, BIND, PORT, JOIN_TIMEOUT, ROUND_TIMEOUT);
        for (String key : options.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown cluster option --" + key + ": expected one of --"
                        + String.join(", --", new java.util.TreeSet<>(known)));
            }
        }
        String name = blankToNull(options.get(CLUSTER_NAME));
        String clusterList = blankToNull(options.get(CLUSTER));
        Integer portOption = options.get(PORT) == null ? null : port(options.get(PORT), "--" + PORT);
        int basePort = portOption == null ? DEFAULT_PORT : portOption;

        Origin rankValue = lookUp(options.get(RANK), "--" + RANK, env, 0);
        Origin sizeValue = lookUp(options.get(SIZE), "--" + SIZE, env, 1);
        List<String> members = null;
        String membersOrigin = null;
        if (clusterList != null) {
            members = memberList(clusterList);
            membersOrigin = "--" + CLUSTER;
        } else if (blankToNull(env.get("SLURM_NODELIST")) != null
                && rankValue != null
                && rankValue.name.startsWith("SLURM_")) {
            membersOrigin = "SLURM_NODELIST";
        }
        int size;
        if (sizeValue != null) {
            size = whole(sizeValue, 1);
        } else if (members != null) {
            size = members.size();
        } else {
            throw new IllegalArgumentException("no size: give --" + CLUSTER + " host:port,host:port,... or --" + SIZE
                    + " N, or launch with srun (SLURM_NTASKS) or mpirun (OMPI_COMM_WORLD_SIZE, PMI_SIZE)");
        }
        if (rankValue == null) {
            throw new IllegalArgumentException("no rank: give --" + RANK + " K (0 <= K < " + size
                    + "), or launch with srun (SLURM_PROCID) or mpirun (OMPI_COMM_WORLD_RANK, PMI_RANK)");
        }
        int rank = whole(rankValue, 0);
        if (rank >= size) {
            throw new IllegalArgumentException(rankValue.name + "=" + rank + " but the size is " + size
                    + (sizeValue != null ? " (" + sizeValue.name + ")" : " (--" + CLUSTER + " entries)")
                    + ": expected 0 <= rank < size");
        }
        if ("SLURM_NODELIST".equals(membersOrigin)) {
            members = slurmMembers(env, size, basePort);
        } else if (members == null) {
            members = new ArrayList<>();
            for (int k = 0; k < size; k++) {
                members.add("127.0.0.1:" + (basePort + k));
            }
            membersOrigin = "the default loopback list";
        }
        if (members.size() != size) {
            throw new IllegalArgumentException(membersOrigin + " names " + members.size() + " members but the size is "
                    + size + " (" + sizeValue.name + "): expected one host:port per rank");
        }
        String self = members.get(rank);
        int selfPort = Integer.parseInt(self.substring(self.lastIndexOf(':') + 1));
        if (clusterList != null && portOption != null && portOption != selfPort) {
            throw new IllegalArgumentException("--" + PORT + " " + portOption + " but rank " + rank + "'s entry in --"
                    + CLUSTER + " is " + self + ": give one or make them agree");
        }
        String bind = blankToNull(options.get(BIND));
        return new ClusterSettings(
                name == null ? DEFAULT_NAME : name,
                bind == null ? self.substring(0, self.lastIndexOf(':')) : bind,
                selfPort,
                members,
                rank,
                size,
                seconds(options.get(JOIN_TIMEOUT), JOIN_TIMEOUT, DEFAULT_JOIN_TIMEOUT),
                seconds(options.get(ROUND_TIMEOUT), ROUND_TIMEOUT, DEFAULT_ROUND_TIMEOUT));
    }

    /** A value and where it came from (an option or an environment variable), for error messages. */
    private record Origin(String text, String name) {}

    /** The option if given, else the first of the launchers' variables (column {@code which}: 0 rank, 1 size). */
    private static Origin lookUp(String option, String optionName, Map<String, String> env, int which) {
        if (blankToNull(option) != null) {
            return new Origin(option.trim(), optionName);
        }
        for (String[] vars : RANK_SIZE_VARIABLES) {
            String v = blankToNull(env.get(vars[which]));
            if (v != null) {
                return new Origin(v.trim(), vars[which]);
            }
        }
        return null;
    }

    private static int whole(Origin v, int min) {
        try {
            int n = Integer.parseInt(v.text);
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(v.name + "='" + v.text + "': expected a whole number >= " + min);
    }

    private static List<String> memberList(String list) {
        List<String> members = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String[] entries = list.split(",", -1);
        for (int k = 0; k < entries.length; k++) {
            String e = entries[k].trim();
            int colon = e.lastIndexOf(':');
            if (colon <= 0 || e.substring(0, colon).contains(":") || e.contains(" ")) {
                throw new IllegalArgumentException("--" + CLUSTER + " '" + list + "': entry " + k + " '" + e
                        + "': expected host:port (IPv4 address or host name; one entry per rank, no port ranges)");
            }
            port(e.substring(colon + 1), "--" + CLUSTER + " entry " + k + " '" + e + "'");
            if (!seen.add(e)) {
                throw new IllegalArgumentException("--" + CLUSTER + " '" + list + "': " + e
                        + " is listed twice: expected one distinct host:port per rank");
            }
            members.add(e);
        }
        return members;
    }

    private static int port(String text, String origin) {
        try {
            int p = Integer.parseInt(text.trim());
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(origin + ": port '" + text + "': expected a whole number 1-65535");
    }

    /** One member per task: each node's tasks on consecutive ports from {@code basePort}, nodes in list order. */
    private static List<String> slurmMembers(Map<String, String> env, int size, int basePort) {
        List<String> hosts = SlurmNodes.expand(env.get("SLURM_NODELIST").trim(), "SLURM_NODELIST");
        String perNode = blankToNull(env.get("SLURM_TASKS_PER_NODE"));
        List<Integer> tasks;
        if (perNode != null) {
            tasks = SlurmNodes.tasksPerNode(perNode, "SLURM_TASKS_PER_NODE");
            if (tasks.size() != hosts.size()) {
                throw new IllegalArgumentException("SLURM_TASKS_PER_NODE '" + perNode + "' gives counts for "
                        + tasks.size() + " nodes but SLURM_NODELIST names " + hosts.size());
            }
        } else if (hosts.size() == size) {
            tasks = java.util.Collections.nCopies(size, 1);
        } else {
            throw new IllegalArgumentException("SLURM_NODELIST names " + hosts.size() + " nodes for " + size
                    + " tasks and SLURM_TASKS_PER_NODE is not set: give --" + CLUSTER + " host:port,... instead");
        }
        List<String> members = new ArrayList<>();
        for (int n = 0; n < hosts.size(); n++) {
            for (int t = 0; t < tasks.get(n); t++) {
                if (basePort + t > 65535) {
                    throw new IllegalArgumentException("--" + PORT + " " + basePort + " with " + tasks.get(n)
                            + " tasks on " + hosts.get(n) + " runs past port 65535");
                }
                members.add(hosts.get(n) + ":" + (basePort + t));
            }
        }
        if (members.size() != size) {
            throw new IllegalArgumentException("SLURM_TASKS_PER_NODE '" + perNode + "' gives " + members.size()
                    + " tasks but the size is " + size + ": expected the same number");
        }
        return members;
    }

    private static Duration seconds(String text, String option, Duration fallback) {
        if (blankToNull(text) == null) {
            return fallback;
        }
        try {
            double s = Double.parseDouble(text.trim());
            if (s > 0 && s < 1e9) {
                return Duration.ofMillis(Math.round(s * 1000));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + option + " '" + text + "': expected a number of seconds > 0");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
