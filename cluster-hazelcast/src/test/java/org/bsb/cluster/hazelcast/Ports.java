package org.bsb.cluster.hazelcast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Free loopback ports for a test's members (asked of the OS, so tests and builds running beside do not clash). */
final class Ports {
    private Ports() {}

    static List<String> loopbackMembers(int n) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(s);
                out.add("127.0.0.1:" + s.getLocalPort());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException e) {
                    // released anyway
                }
            }
        }
    }

    static ClusterSettings settings(String name, List<String> members, int rank) {
        return ClusterSettings.from(
                java.util.Map.of(
                        "cluster", String.join(",", members), "rank", Integer.toString(rank), "cluster-name", name),
                java.util.Map.of());
    }
}
