package org.bsb.commands;

import java.util.Map;
import java.util.concurrent.Callable;
import org.bsb.api.cluster.JobCluster;
import org.bsb.api.command.CommandFailure;
import org.bsb.core.compile.ClusterCompile;
import org.bsb.core.compile.CompileException;
import org.bsb.core.compile.StreamReporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code bsb worker --cluster MEMBERS --rank K}: a member of a split compile started without a config. It joins, and
 * before its first job fetches the config that rank 0 ({@code bsb compile CONFIG --cluster ...}) publishes, builds the
 * plan and serves jobs as any other rank ({@link ClusterCompile#workerHandler}); it exits 0 when rank 0 has written
 * the network file, 1 with rank 0's error. The config's relative paths (morphologies, ...) resolve against rank 0's
 * project folder: the members must see it at the same path (a shared filesystem). It serves compiles only; a split
 * {@code bsb simulate} needs the same command on every rank.
 */
@Command(
        name = "worker",
        mixinStandardHelpOptions = true,
        description = "Serve the jobs of a split compile: join the cluster of a 'bsb compile CONFIG --cluster ...' on"
                + " rank 0, fetch its config (its project folder must be at the same path here: a shared"
                + " filesystem) and run jobs until rank 0 is done.")
public class WorkerCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    public WorkerCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Map<String, String> options = cluster.toMap();
        if (!options.containsKey("cluster") && !options.containsKey("size") && !options.containsKey("rank")) {
            throw new CommandFailure(
                    2, "bsb worker: give the cluster (--cluster MEMBERS --rank K, or --cluster auto under srun)");
        }
        StreamReporter reporter = new StreamReporter(context.out(), global.verbosity);
        JobCluster transport = ClusterCompileRun.find();
        if (transport == null) {
            throw new CommandFailure(
                    1,
                    "bsb worker: no cluster transport is installed (the bundle org.bsb.cluster.hazelcast provides"
                            + " one)");
        }
        JobCluster.Session session = ClusterCompileRun.join(
                transport, options, ClusterCompile.workerHandler(context.registry(), reporter), reporter, "bsb worker");
        try {
            if (session.rank() == 0) {
                String message = "bsb worker: " + session.describe() + ": rank 0 coordinates the compile and needs the"
                        + " config: run 'bsb compile CONFIG --cluster ...' as rank 0 and workers as ranks 1 and up";
                session.finish(message);
                throw new CommandFailure(2, message);
            }
            ClusterCompile.run(session, null, null, reporter, c -> null);
            reporter.report(1, "This worker's jobs are done; rank 0 wrote the network file");
            return 0;
        } catch (CompileException e) {
            throw new CommandFailure(1, "bsb worker: " + e.getMessage());
        } finally {
            session.close();
        }
    }
}
