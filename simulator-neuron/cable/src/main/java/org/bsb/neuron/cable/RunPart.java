package org.bsb.neuron.cable;

/**
 * Which part of a run this process steps when one simulation is split over {@code ranks} processes (or fake
 * ranks of a dry run): rank {@code rank} owns a contiguous block of cells with a balanced share of the
 * network's nodes ({@link Partition#blocks}); rank 0 also owns the artificial cells. Every rank computes the
 * same split from the same network, so no plan travels between them.
 */
public record RunPart(int rank, int ranks) {
    /** The whole run in one process. */
    public static final RunPart WHOLE = new RunPart(0, 1);

    public RunPart {
        if (ranks < 1 || rank < 0 || rank >= ranks) {
            throw new IllegalArgumentException("rank " + rank + " of " + ranks + ": expected 0 <= rank < ranks");
        }
    }

    public boolean isWhole() {
        return ranks == 1;
    }
}
