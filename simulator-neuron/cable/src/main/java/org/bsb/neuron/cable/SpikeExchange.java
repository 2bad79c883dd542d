package org.bsb.neuron.cable;

/**
 * How the spikes of one exchange interval reach every part of a run. The time loop calls it once per interval,
 * on one thread, after every local group has advanced: it hands over the spikes its groups produced and gets
 * back every spike of the interval, its own and the other parts'; it then records them and queues the
 * connection events of its own groups in {@link Spikes#deliveryOrder()}, so results do not depend on how the
 * cells are split. Every part makes the same number of calls (the interval is the same on every rank).
 * Implementations: {@link InProcessSpikeExchange} (a run in one JVM: all groups are local),
 * {@link DryRun} (ranks faked by threads of one JVM) and the cluster bundle's exchange between processes.
 */
public interface SpikeExchange {
    /**
     * Every spike of the interval: {@code local} (this part's, in group order) and the other parts', each part's
     * in its own order. May return {@code local} itself. Fails (an unchecked exception naming the part) when
     * another part is gone: the run then stops.
     */
    Spikes exchange(Spikes local);

    /** The exchange of a run whose groups are all in this JVM: the local spikes are all the spikes. */
    final class InProcessSpikeExchange implements SpikeExchange {
        @Override
        public Spikes exchange(Spikes local) {
            return local;
        }
    }
}
