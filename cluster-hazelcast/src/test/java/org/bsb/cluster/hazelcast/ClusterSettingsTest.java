package org.bsb.cluster.hazelcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {
    private static final Map<String, String> NO_ENV = Map.of();

    private static String error(Map<String, String> options, Map<String, String> env) {
        return assertThrows(IllegalArgumentException.class, () -> ClusterSettings.from(options, env))
                .getMessage();
    }

    @Test
    void explicitListAndRank() {
        ClusterSettings s = ClusterSettings.from(
                Map.of(
                        "cluster",
                        "10.0.0.1:5701, 10.0.0.2:5702,10.0.0.3:5701",
                        "rank",
                        "1",
                        "cluster-name",
                        "lab-run",
                        "join-timeout",
                        "30",
                        "round-timeout",
                        "2.5"),
                NO_ENV);
        assertEquals(List.of("10.0.0.1:5701", "10.0.0.2:5702", "10.0.0.3:5701"), s.members());
        assertEquals(1, s.rank());
        assertEquals(3, s.size());
        assertEquals(5702, s.port());
        assertEquals("10.0.0.2", s.bindAddress(), "binds to its own entry's host by default");
        assertEquals("lab-run", s.clusterName());
        assertEquals(Duration.ofSeconds(30), s.joinTimeout());
        assertEquals(Duration.ofMillis(2500), s.roundTimeout());
    }

    @Test
    void defaultsAreLoopback() {
        ClusterSettings s = ClusterSettings.from(Map.of("rank", "2", "size", "3"), NO_ENV);
        assertEquals(List.of("127.0.0.1:5701", "127.0.0.1:5702", "127.0.0.1:5703"), s.members());
        assertEquals("127.0.0.1", s.bindAddress());
        assertEquals(5703, s.port());
        assertEquals("bsb", s.clusterName());
        assertEquals(
                ClusterSettings.from(Map.of("rank", "2", "size", "3", "port", "6000"), NO_ENV)
                        .members(),
                List.of("127.0.0.1:6000", "127.0.0.1:6001", "127.0.0.1:6002"));
    }

    @Test
    void srunEnvironment() {
        Map<String, String> env = Map.of(
                "SLURM_PROCID",
                "4",
                "SLURM_NTASKS",
                "5",
                "SLURM_NODELIST",
                "node[01-02],gpu7",
                "SLURM_TASKS_PER_NODE",
                "2(x2),1");
        ClusterSettings s = ClusterSettings.from(Map.of("port", "7000"), env);
        assertEquals(List.of("node01:7000", "node01:7001", "node02:7000", "node02:7001", "gpu7:7000"), s.members());
        assertEquals(4, s.rank());
        assertEquals("gpu7", s.bindAddress());
        assertEquals(7000, s.port());
        // an explicit list wins over the node list; options over the environment
        ClusterSettings t = ClusterSettings.from(Map.of("cluster", "a:1,b:2,c:3,d:4,e:5", "rank", "0"), env);
        assertEquals("a:1", t.self());
    }

    @Test
    void mpirunEnvironment() {
        ClusterSettings ompi =
                ClusterSettings.from(Map.of(), Map.of("OMPI_COMM_WORLD_RANK", "1", "OMPI_COMM_WORLD_SIZE", "2"));
        assertEquals(1, ompi.rank());
        assertEquals(List.of("127.0.0.1:5701", "127.0.0.1:5702"), ompi.members());
        ClusterSettings pmi =
                ClusterSettings.from(Map.of("cluster", "h1:5701,h2:5701"), Map.of("PMI_RANK", "1", "PMI_SIZE", "2"));
        assertEquals("h2:5701", pmi.self());
    }

    @Test
    void slurmNodeLists() {
        assertEquals(List.of("n1", "n2", "n3", "n7"), SlurmNodes.expand("n[1-3,7]", "X"));
        assertEquals(
                List.of("r1-a08", "r1-a09", "r1-a10", "r2-a08", "r2-a09", "r2-a10", "login"),
                SlurmNodes.expand("r[1-2]-a[08-10],login", "X"));
        assertEquals(List.of(3, 3, 1), SlurmNodes.tasksPerNode("3(x2),1", "X"));
        assertTrue(error(Map.of(), Map.of("SLURM_PROCID", "0", "SLURM_NTASKS", "2", "SLURM_NODELIST", "n[1-"))
                .contains("SLURM_NODELIST 'n[1-': unclosed '['"));
        assertTrue(error(
                        Map.of(),
                        Map.of(
                                "SLURM_PROCID",
                                "0",
                                "SLURM_NTASKS",
                                "2",
                                "SLURM_NODELIST",
                                "n[1-2]",
                                "SLURM_TASKS_PER_NODE",
                                "2(3)"))
                .contains("SLURM_TASKS_PER_NODE '2(3)'"));
        assertTrue(error(Map.of(), Map.of("SLURM_PROCID", "0", "SLURM_NTASKS", "3", "SLURM_NODELIST", "n[1-2]"))
                .contains("SLURM_TASKS_PER_NODE is not set"));
    }

    @Test
    void mistakesAreNamed() {
        assertTrue(error(Map.of("size", "2"), NO_ENV).contains("no rank: give --rank K"));
        assertTrue(error(Map.of("rank", "0"), NO_ENV).contains("no size"));
        assertTrue(error(Map.of("rank", "x", "size", "2"), NO_ENV).contains("--rank='x': expected a whole number"));
        assertTrue(error(Map.of(), Map.of("SLURM_PROCID", "one", "SLURM_NTASKS", "2"))
                .contains("SLURM_PROCID='one'"));
        assertTrue(error(Map.of("rank", "2"), Map.of("OMPI_COMM_WORLD_SIZE", "2"))
                .contains("--rank=2 but the size is 2 (OMPI_COMM_WORLD_SIZE)"));
        assertTrue(error(Map.of("cluster", "h1:5701,h2", "rank", "0"), NO_ENV)
                .contains("entry 1 'h2': expected host:port"));
        assertTrue(error(Map.of("cluster", "h1:5701,h1:99999", "rank", "0"), NO_ENV)
                .contains("port '99999'"));
        assertTrue(
                error(Map.of("cluster", "h1:5701,h1:5701", "rank", "0"), NO_ENV).contains("listed twice"));
        assertTrue(error(Map.of("cluster", "h1:5701,h2:5701", "rank", "0", "size", "3"), NO_ENV)
                .contains("--cluster names 2 members but the size is 3 (--size)"));
        assertTrue(error(Map.of("cluster", "h1:5701,h2:5701", "rank", "0", "port", "5800"), NO_ENV)
                .contains("--port 5800 but rank 0's entry in --cluster is h1:5701"));
        assertTrue(error(Map.of("rank", "0", "size", "1", "cluster-name", "a b"), NO_ENV)
                .contains("cluster name 'a b'"));
        assertTrue(error(Map.of("rank", "0", "size", "1", "join-timeout", "-1"), NO_ENV)
                .contains("--join-timeout '-1'"));
        assertTrue(error(Map.of("rank", "0", "size", "1", "ranks", "1"), NO_ENV)
                .contains("unknown cluster option --ranks"));
    }
}
