package org.bsb.neuron.adapter;

import java.util.Locale;
import java.util.function.DoubleConsumer;
import java.util.function.LongSupplier;
import org.bsb.api.Reporter;

/**
 * Reports a run's simulated time and speed at verbosity 1: a line at every tenth of the duration
 * ({@code t = 50.0/100.0 ms (0.42x real time)}) and a summary at the end. Speed is simulated time
 * over wall time, so 1x is real time.
 */
final class Progress implements DoubleConsumer {
    private final double duration;
    private final Reporter reporter;
    private final LongSupplier clock;
    private final long start;
    private int reportedTenths;

    Progress(double duration, Reporter reporter) {
        this(duration, reporter, System::nanoTime);
    }

    Progress(double duration, Reporter reporter, LongSupplier nanoClock) {
        this.duration = duration;
        this.reporter = reporter;
        this.clock = nanoClock;
        this.start = nanoClock.getAsLong();
    }

    @Override
    public void accept(double t) {
        int tenths = duration <= 0 ? 10 : (int) Math.floor(10 * t / duration + 1e-9);
        if (tenths > reportedTenths && tenths < 10) {
            reportedTenths = tenths;
            reporter.report(1, String.format(Locale.ROOT, "t = %.1f/%.1f ms (%s real time)", t, duration, speed(t)));
        }
    }

    void finish(int cells) {
        double wall = seconds();
        reporter.report(
                1,
                String.format(
                        Locale.ROOT,
                        "Simulated %.1f ms of %d cells in %.2f s (%s real time)",
                        duration,
                        cells,
                        wall,
                        speed(duration)));
    }

    private double seconds() {
        return (clock.getAsLong() - start) / 1e9;
    }

    /** Simulated ms per wall ms, as {@code 0.42x}. */
    private String speed(double t) {
        double wall = seconds();
        return wall <= 0 ? "∞x" : String.format(Locale.ROOT, "%.3gx", t / 1000.0 / wall);
    }
}
