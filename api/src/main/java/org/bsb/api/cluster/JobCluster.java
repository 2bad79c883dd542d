package org.bsb.api.cluster;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.bsb.api.Reporter;

/**
 * Runs compile jobs on the members of a cluster of N identical processes, rank 0 coordinating. Every process joins
 * with the same options (the cluster options of {@code bsb compile --cluster ...}, names without {@code --}) and its
 * own {@link JobHandler}, which runs the jobs sent to this member. Rank 0 {@link Session#submit submits} the jobs,
 * {@link Session#publish publishes} what every member needs (the placed cells before connectivity) and
 * {@link Session#finish finishes}; the other ranks serve jobs until then ({@link Session#awaitFinish}).
 *
 * <p>A member lost while running a job: the job runs again on another member (the results do not depend on which
 * member runs a job). Only data crosses the wire: descriptors, byte arrays and strings.
 */
public interface JobCluster {
    /** The transport's name, for messages. */
    String name();

    /** Joins the cluster; returns once every rank is there. The handler serves jobs from then on. */
    Session join(Map<String, String> options, JobHandler handler, Reporter reporter);

    /** Runs one job on this member. */
    @FunctionalInterface
    interface JobHandler {
        /**
         * @param published what rank 0 {@linkplain Session#publish published} under a key, waiting for it
         * @return the job's result as bytes
         * @throws JobRefusedException when this member cannot run it (e.g. it has no such strategy)
         * @throws Exception any other failure of the job
         */
        byte[] run(JobDescriptor job, Function<String, byte[]> published) throws Exception;
    }

    /** This process as a member of the cluster. */
    interface Session extends AutoCloseable {
        int rank();

        int size();

        /** {@code rank K of N (host:port)}. */
        String describe();

        /**
         * Rank 0: runs the job on a member (job {@code index} on rank {@code (index + 1) % size} while all are there,
         * on a survivor when its member is lost). The future fails with a {@link JobFailedException} naming the
         * member and the job when the job fails or is refused.
         */
        CompletableFuture<byte[]> submit(JobDescriptor job, int index);

        /** Rank 0: makes {@code data} available to every member under {@code key} (before jobs that need it). */
        void publish(String key, byte[] data);

        /** Any rank: the data rank 0 published under {@code key}, waiting for it. */
        byte[] fetch(String key);

        /** Rank 0: tells the other ranks that the compile is over, with null for success or a failure message. */
        void finish(String failure);

        /** Ranks &gt; 0: serves jobs until rank 0 finishes; returns its failure message or null. */
        String awaitFinish();

        @Override
        void close();
    }
}
