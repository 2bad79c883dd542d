package org.bsb.cluster.hazelcast;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.logging.Logger;
import org.bsb.neuron.cable.Network;
import org.bsb.neuron.cable.RunPart;
import org.bsb.neuron.cable.SimResult;
import org.bsb.neuron.cable.SimSettings;
import org.bsb.neuron.cable.Simulator;

/**
 * One simulation split over the processes of a cluster: every process builds the same {@link Network} and calls
 * {@link #run} with its own {@link ClusterSettings}; each steps its part ({@link Simulator#runPart}, spikes through
 * a {@link HazelcastSpikeExchange}), sends its traces to rank 0 in chunks, and rank 0 joins the parts
 * ({@link SimResult#merge}): bit for bit the result of one process. Rank 0 gets the result, the others null. When
 * a member is lost or a rank fails, every other rank stops with a {@link ClusterException} naming it.
 */
public final class DistributedSimulation {
    private static final Logger LOG = Logger.getLogger(DistributedSimulation.class.getName());
    /** How long rank 0 waits for the others to acknowledge the end before it leaves anyway. */
    private static final Duration FAREWELL = Duration.ofSeconds(10);

    private DistributedSimulation() {}

    /** A finished run: the merged result (rank 0; null elsewhere) and this rank's exchange statistics. */
    public record Outcome(SimResult result, HazelcastSpikeExchange.Stats exchange) {}

    /**
     * Joins the cluster that {@code cluster} describes, runs this rank's part with {@code threads} threads and
     * leaves; rank 0 returns the whole result, the others null. {@code progress} hears the simulated time (ms).
     */
    public static SimResult run(
            ClusterSettings cluster, Network net, SimSettings settings, int threads, DoubleConsumer progress) {
        try (ClusterMember member = ClusterMember.start(cluster)) {
            return run(member, net, settings, threads, progress).result();
        }
    }

    /** As {@link #run(ClusterSettings, Network, SimSettings, int, DoubleConsumer)} on a member already joined. */
    public static Outcome run(
            ClusterMember member, Network net, SimSettings settings, int threads, DoubleConsumer progress) {
        RunChannel channel = RunChannel.open(member);
        try {
            HazelcastSpikeExchange exchange = new HazelcastSpikeExchange(channel, false);
            RunPart part = new RunPart(member.rank(), member.size());
            SimResult mine;
            try {
                mine = Simulator.runPart(net, settings, threads, part, exchange, progress);
            } catch (ClusterException e) {
                throw e; // another rank's trouble: it is named, and telling the others would only add noise
            } catch (RuntimeException | Error e) {
                channel.abort(String.valueOf(e.getMessage()));
                throw e;
            }
            HazelcastSpikeExchange.Stats stats = exchange.stats();
            LOG.info(() -> String.format(
                    "rank %d: %d exchange rounds, %d spikes sent, %d received, median round" + " %.1f µs",
                    member.rank(),
                    stats.rounds(),
                    stats.spikesSent(),
                    stats.spikesReceived(),
                    stats.medianRoundMicros()));
            SimResult result = member.rank() == 0 ? collect(channel, mine, settings.dt()) : handOver(channel, mine);
            return new Outcome(result, stats);
        } catch (RuntimeException | Error e) {
            member.broken(String.valueOf(e.getMessage()));
            throw e;
        } finally {
            channel.close();
        }
    }

    /** Rank 0: every other rank's part, merged with its own; then the others may leave. */
    private static SimResult collect(RunChannel channel, SimResult mine, double dt) {
        List<SimResult> parts = new ArrayList<>(List.of(mine));
        for (int k = 1; k < channel.size(); k++) {
            parts.add(ResultTransfer.receive(channel, k, dt));
        }
        SimResult merged = SimResult.merge(parts);
        channel.destroyMaps();
        channel.publish(Wire.signal(Wire.COLLECTED, 0, 0));
        for (int k = 1; k < channel.size(); k++) {
            if (!channel.awaitOrLeft(k, Wire.BYE, FAREWELL)) {
                LOG.warning("rank 0: " + channel.member().describe(k) + " did not acknowledge the end of the run");
            }
        }
        return merged;
    }

    /** Rank k > 0: its part to rank 0, then wait until rank 0 has it all (only rank 0's loss matters now). */
    private static SimResult handOver(RunChannel channel, SimResult mine) {
        ResultTransfer.send(channel, mine);
        channel.await(0, Wire.COLLECTED, 0, false, "the end of the run");
        channel.publish(Wire.signal(Wire.BYE, channel.rank(), 0));
        return null;
    }
}
