package org.bsb.core.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.bsb.api.NoParameters;
import org.bsb.api.Reporter;
import org.bsb.api.placement.PlacementJob;
import org.bsb.api.placement.PlacementStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Placement {@code depends_on}: order of the strategies and of their jobs on a shared pool. */
class PlacementOrderTest {
    @TempDir
    java.nio.file.Path dir;

    /** Without morphologies: these strategies place nothing. */
    static final Map<String, CellTypeSpec> TYPES =
            Map.of("stellate_cell", CellTypeSpec.ofDensity("stellate_cell", 4, 5e-6, List.of()));

    /** Slow jobs for z_early; a_late's jobs record how many z_early jobs had finished when they began. */
    static final class Recorder implements PlacementStrategy<NoParameters> {
        final AtomicInteger earlyDone = new AtomicInteger();
        final ConcurrentLinkedQueue<Integer> seenByLate = new ConcurrentLinkedQueue<>();

        @Override
        public Class<NoParameters> parameterType() {
            return NoParameters.class;
        }

        @Override
        public void place(PlacementJob<NoParameters> job) {
            if (job.strategyName().equals("a_late")) {
                seenByLate.add(earlyDone.get());
                return;
            }
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            earlyDone.incrementAndGet();
        }
    }

    @Test
    void dependentJobsStartAfterAllJobsOfTheirDependencies() throws Exception {
        CompilePlan tutorial = Tutorial.plan(dir, 1L);
        Recorder recorder = new Recorder();
        // Named so that name order alone would run a_late first.
        PlacementSpec late = new PlacementSpec(
                "a_late",
                "test",
                recorder,
                new NoParameters(),
                List.of("stellate_cell"),
                List.of("stellate_layer"),
                Map.of(),
                List.of("z_early"));
        PlacementSpec early = new PlacementSpec(
                "z_early", "test", recorder, new NoParameters(), List.of("stellate_cell"), List.of("stellate_layer"));
        CompilePlan plan =
                new CompilePlan("t", "{}", 1L, tutorial.topology(), TYPES, List.of(late, early), List.of(), null);
        PlacementPhase phase = new PlacementPhase(plan, new MorphologyRepository(), 1L, Reporter.SILENT);
        List<PlacementSpec> run = phase.selected(null);
        assertEquals(
                List.of("z_early", "a_late"),
                run.stream().map(PlacementSpec::name).toList());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            // Given in the wrong order on purpose: the phase orders them itself.
            phase.run(List.of(late, early), pool);
        } finally {
            pool.shutdownNow();
        }
        // 6 chunks each; with 4 threads and no dependency, late jobs would start while early ones sleep.
        assertEquals(6, recorder.earlyDone.get());
        assertEquals(List.of(6, 6, 6, 6, 6, 6), List.copyOf(recorder.seenByLate));
    }

    @Test
    void aFailedDependencyIsReportedAndItsDependentsDoNotRun() throws Exception {
        CompilePlan tutorial = Tutorial.plan(dir, 1L);
        AtomicInteger lateRan = new AtomicInteger();
        PlacementStrategy<NoParameters> failing = new PlacementStrategy<>() {
            @Override
            public Class<NoParameters> parameterType() {
                return NoParameters.class;
            }

            @Override
            public void place(PlacementJob<NoParameters> job) {
                if (job.strategyName().equals("a_late")) {
                    lateRan.incrementAndGet();
                } else {
                    throw new IllegalStateException("boom");
                }
            }
        };
        PlacementSpec late = new PlacementSpec(
                "a_late",
                "test",
                failing,
                new NoParameters(),
                List.of("stellate_cell"),
                List.of("stellate_layer"),
                Map.of(),
                List.of("z_early"));
        PlacementSpec early = new PlacementSpec(
                "z_early", "test", failing, new NoParameters(), List.of("stellate_cell"), List.of("stellate_layer"));
        CompilePlan plan =
                new CompilePlan("t", "{}", 1L, tutorial.topology(), TYPES, List.of(late, early), List.of(), null);
        PlacementPhase phase = new PlacementPhase(plan, new MorphologyRepository(), 1L, Reporter.SILENT);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CompileException e = org.junit.jupiter.api.Assertions.assertThrows(
                    CompileException.class, () -> phase.run(List.of(late, early), pool));
            assertEquals("placement.z_early in chunk [0 0 0]: boom", e.getMessage());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, lateRan.get());
    }
}
