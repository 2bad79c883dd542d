package org.bsb.benchmarks;

/** Placeholder, filled below. */
public final class PlacementBenchmark {
    private PlacementBenchmark() {}
}
