package org.bsb.neuron.cable;

import java.util.function.DoubleConsumer;

/**
 * Runs a {@link Network} with NEURON's fixed-step method, in four parts: {@link Partition} splits the cells
 * into as many blocks as threads and each block into cache-sized groups; {@link GroupLayout} lays out each
 * group (nodes, mechanism instances, ions, detectors, probes) and {@link CellGroup} executes that layout;
 * {@link EventRouting} maps connections to their targets' groups and sets the exchange interval
 * {@code minDelay - dt} (so an event can never be due inside the interval that produced it); {@link TimeLoop}
 * advances the groups independently between spike exchanges ({@link SpikeExchange}). Events carry a total
 * order; the results are bit for bit the same at any thread count.
 */
public final class Simulator {
    private Simulator() {}

    public static SimResult run(Network net, SimSettings settings, int threads) {
        return run(net, settings, threads, null);
    }

    /**
     * As {@link #run(Network, SimSettings, int)}, telling {@code progress} the simulated time (ms)
     * after each exchange interval; with a listener the intervals are at most 1% of the run, so
     * that it hears often enough (the results do not depend on the interval).
     */
    public static SimResult run(Network net, SimSettings settings, int threads, DoubleConsumer progress) {
        return runPart(net, settings, threads, RunPart.WHOLE, new SpikeExchange.InProcessSpikeExchange(), progress);
    }

    /**
     * Runs the cells that {@code part} owns with {@code threads} threads, every interval's spikes passing
     * through {@code exchange} to and from the other parts. The result holds this part's traces (a remote
     * probe's is {@code null}: {@link SimResult#merge} joins the parts') and every source's spikes (all parts
     * see all spikes). Every part of one run must be given the same network and settings. With several parts
     * the interval is capped as with a progress listener, so that every part makes the same exchanges
     * whichever of them reports progress.
     */
    public static SimResult runPart(
            Network net,
            SimSettings settings,
            int threads,
            RunPart part,
            SpikeExchange exchange,
            DoubleConsumer progress) {
        MemoryEstimate.of(net, settings).requireAtMost(MemoryEstimate.availableHeap());
        int steps = settings.steps();
        Partition partition = Partition.of(net, threads, part);
        GroupLayout[] layouts = layout(net, partition, part.rank() == 0);
        EventRouting routing = EventRouting.of(net, layouts);
        double[][] weights = EventRouting.initialWeights(net);
        CellGroup[] groups = new CellGroup[layouts.length];
        for (int g = 0; g < groups.length; g++) {
            groups[g] = new CellGroup(net, layouts[g], settings, routing.targetPoint(), weights, steps);
        }
        int interval = routing.exchangeSteps(settings.dt(), steps);
        if (progress != null || !part.isWhole()) {
            interval = Math.min(interval, Math.max(1, steps / 100));
        }
        TimeLoop loop = new TimeLoop(groups, partition, routing, exchange, net.sources.size());
        loop.initialize(settings.vInit());
        loop.run(steps, interval, settings.dt(), progress);
        return new SimResult(settings.dt(), loop.traces(net.probes.size()), loop.spikeTimes());
    }

    /** The layout of every group of the partition; the artificial cells all go to the first group. */
    static GroupLayout[] layout(Network net, Partition partition) {
        return layout(net, partition, true);
    }

    /** As {@link #layout(Network, Partition)}; the artificial cells only where {@code withArtificial}. */
    static GroupLayout[] layout(Network net, Partition partition, boolean withArtificial) {
        int[] artificial = java.util.stream.IntStream.range(0, net.points.size())
                .filter(p -> net.points.get(p).cell() < 0)
                .toArray();
        GroupLayout[] layouts = new GroupLayout[partition.groups()];
        for (int g = 0; g < layouts.length; g++) {
            layouts[g] =
                    GroupLayout.of(net, partition.groupCells()[g], g == 0 && withArtificial ? artificial : new int[0]);
        }
        return layouts;
    }
}
