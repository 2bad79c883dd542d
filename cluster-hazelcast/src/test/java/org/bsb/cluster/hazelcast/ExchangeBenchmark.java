package org.bsb.cluster.hazelcast;

import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bsb.neuron.cable.Spikes;

/**
 * The exchange alone, as {@code bench-exchange.sh} runs it in N JVMs: each rank sends {@code spikes} spikes per
 * round (20 bytes each on the wire), {@code warmup} rounds first, then {@code rounds} measured rounds; prints
 * {@code median-round-us X}. Arguments {@code key=value}: the cluster options of {@link ClusterSettings#from} plus
 * those three. Not a test: run by hand.
 */
public final class ExchangeBenchmark {
    private ExchangeBenchmark() {}

    public static void main(String[] args) throws Exception {
        Logger.getLogger("com.hazelcast").setLevel(Level.WARNING);
        Map<String, String> options = new HashMap<>();
        Map<String, String> own = new HashMap<>(Map.of("spikes", "300", "warmup", "2000", "rounds", "5000"));
        for (String a : args) {
            int eq = a.indexOf('=');
            (own.containsKey(a.substring(0, eq)) ? own : options).put(a.substring(0, eq), a.substring(eq + 1));
        }
        int n = Integer.parseInt(own.get("spikes"));
        try (ClusterMember member = ClusterMember.start(ClusterSettings.from(options, System.getenv()))) {
            Spikes batch = new Spikes();
            for (int i = 0; i < n; i++) {
                batch.add(member.rank() * n + i, i * 0.01, i * 0.01);
            }
            try (HazelcastSpikeExchange warm = HazelcastSpikeExchange.open(member)) {
                for (int r = 0; r < Integer.parseInt(own.get("warmup")); r++) {
                    warm.exchange(batch);
                }
            }
            try (HazelcastSpikeExchange timed = HazelcastSpikeExchange.open(member)) {
                int rounds = Integer.parseInt(own.get("rounds"));
                long start = System.nanoTime();
                for (int r = 0; r < rounds; r++) {
                    if (timed.exchange(batch).count() != n * member.size()) {
                        throw new IllegalStateException("round " + r + ": spikes missing");
                    }
                }
                System.out.printf(
                        "rank %d of %d: %d spikes per rank per round, median-round-us %.1f, mean %.1f%n",
                        member.rank(),
                        member.size(),
                        n,
                        timed.stats().medianRoundMicros(),
                        (System.nanoTime() - start) / 1e3 / rounds);
            }
            Thread.sleep(1000); // let the others receive this rank's last batch before it leaves
        }
        System.exit(0);
    }
}
