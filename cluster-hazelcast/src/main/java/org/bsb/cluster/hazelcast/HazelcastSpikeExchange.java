package org.bsb.cluster.hazelcast;

import java.util.Arrays;
import org.bsb.neuron.cable.SpikeExchange;
import org.bsb.neuron.cable.Spikes;

/**
 * The spike exchange between the processes of a split run: an all-to-all per interval. Each call is one round
 * with its own number: this rank publishes its spikes (plain arrays in one {@code byte[]}) and waits for the
 * batch of the same round from every other rank; the result is every rank's spikes in rank order, as the dry
 * run gives them, so the run is bit for bit that of one process. A member that leaves, a rank that fails, a batch
 * that does not come in its turn: the call fails with a {@link ClusterException} naming the rank and member, as
 * soon as that is known (a member's loss: within about a second), or at the latest after the round timeout.
 */
public final class HazelcastSpikeExchange implements SpikeExchange, AutoCloseable {
    /** Round times kept for the median (the first rounds, if a run has more). */
    private static final int MAX_SAMPLES = 1 << 20;

    private final RunChannel channel;
    private final boolean ownsChannel;
    private long rounds;
    private long spikesSent;
    private long spikesReceived;
    private long[] roundNanos = new long[1024];

    HazelcastSpikeExchange(RunChannel channel, boolean ownsChannel) {
        this.channel = channel;
        this.ownsChannel = ownsChannel;
    }

    /**
     * An exchange of its own among the members of {@code member}'s cluster (every rank opens one, in the same
     * order); returns once every rank has opened it. Close it when the run is done.
     */
    public static HazelcastSpikeExchange open(ClusterMember member) {
        return new HazelcastSpikeExchange(RunChannel.open(member), true);
    }

    @Override
    public Spikes exchange(Spikes local) {
        long round = rounds;
        long start = System.nanoTime();
        channel.publish(Wire.spikes(channel.rank(), round, local));
        Spikes all = new Spikes();
        for (int r = 0; r < channel.size(); r++) {
            if (r == channel.rank()) {
                all.addAll(local);
            } else {
                Spikes theirs = channel.await(r, Wire.SPIKES, round, true, "the spikes of round " + round)
                        .spikes();
                spikesReceived += theirs.count();
                all.addAll(theirs);
            }
        }
        if (round < MAX_SAMPLES) {
            if (round == roundNanos.length) {
                roundNanos = Arrays.copyOf(roundNanos, 2 * roundNanos.length);
            }
            roundNanos[(int) round] = System.nanoTime() - start;
        }
        spikesSent += local.count();
        rounds++;
        return all;
    }

    /**
     * What this rank exchanged: rounds, spikes sent and received, and the median time of a round (publishing this
     * rank's batch until every other batch is here: the transport's latency plus any wait for a slower rank).
     */
    public record Stats(long rounds, long spikesSent, long spikesReceived, double medianRoundMicros) {}

    public Stats stats() {
        int n = (int) Math.min(rounds, MAX_SAMPLES);
        double median = Double.NaN;
        if (n > 0) {
            long[] sorted = Arrays.copyOf(roundNanos, n);
            Arrays.sort(sorted);
            median = (n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0) / 1000.0;
        }
        return new Stats(rounds, spikesSent, spikesReceived, median);
    }

    @Override
    public void close() {
        if (ownsChannel) {
            channel.close();
        }
    }
}
