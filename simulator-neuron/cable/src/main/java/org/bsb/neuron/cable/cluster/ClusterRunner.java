package org.bsb.neuron.cable.cluster;

import java.util.Map;
import java.util.function.DoubleConsumer;
import org.bsb.api.Reporter;
import org.bsb.neuron.cable.Network;
import org.bsb.neuron.cable.SimResult;
import org.bsb.neuron.cable.SimSettings;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Runs one simulation split over the processes of a cluster, as a transport bundle provides it (an OSGi service;
 * outside OSGi a {@link java.util.ServiceLoader} entry). Every process builds the same {@link Network}, joins
 * with its own options and runs its part; spikes cross between the processes every exchange interval and the
 * coordinator (rank 0) gets the whole result, bit for bit that of one process. Only data crosses: the
 * simulator adapter hands over the options as the user typed them and gets back a {@link SimResult}.
 */
@ConsumerType
public interface ClusterRunner {
    /** The transport's name, for messages ({@code hazelcast}). */
    String name();

    /**
     * Joins the cluster that {@code options} describe (option names without {@code --}: {@code cluster},
     * {@code rank}, {@code size}, {@code bind}, {@code port}, {@code cluster-name}, {@code join-timeout},
     * {@code round-timeout}; what they leave out is read from the environment of {@code srun} or {@code mpirun})
     * and returns once every process has joined. {@code reporter} hears this member's progress and logs, each
     * at its verbosity. Fails with an {@link IllegalArgumentException} naming a wrong option, or with another
     * unchecked exception whose message is for the user (a member that did not join, named).
     */
    Session join(Map<String, String> options, Reporter reporter);

    /** This process as a joined member; close it (it leaves the cluster) in a {@code finally}. */
    interface Session extends AutoCloseable {
        int rank();

        int size();

        /** {@code rank K of N (host:port)}, for messages. */
        String describe();

        /**
         * Runs this process's part of {@code net} with {@code threads} threads, the others' in step; the
         * coordinator returns the whole result, every other process {@code null}. {@code progress} hears the
         * simulated time (ms). A lost member or another rank's failure ends every rank's run with an unchecked
         * exception naming it.
         */
        SimResult run(Network net, SimSettings settings, int threads, DoubleConsumer progress);

        /** Leaves the cluster. */
        @Override
        void close();
    }
}
