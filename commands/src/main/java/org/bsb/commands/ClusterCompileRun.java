package org.bsb.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.bsb.api.cluster.JobCluster;
import org.bsb.api.command.CommandFailure;
import org.bsb.core.compile.ClusterCompile;
import org.bsb.core.compile.CompileException;
import org.bsb.core.compile.CompilePlan;
import org.bsb.core.compile.PlanBuilder;
import org.bsb.core.compile.StreamReporter;
import org.bsb.core.config.LoadedConfig;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * {@code bsb compile CONFIG --cluster MEMBERS [--rank K]}: every process loads the config and builds the plan, joins
 * the cluster (a {@link JobCluster} service: the cluster-hazelcast bundle) and serves jobs; rank 0 runs the compile,
 * sending its placement and connectivity jobs to the members, and is the only writer of the network file. A member
 * that cannot build the plan (e.g. a strategy's bundle missing there) still joins and refuses the jobs it cannot run,
 * so rank 0's error names it and the strategy.
 */
final class ClusterCompileRun {
    private ClusterCompileRun() {}

    static Integer run(
            CompileCommand command, CliContext context, Map<String, String> options, StreamReporter reporter) {
        JobCluster transport = find();
        if (transport == null) {
            throw new CommandFailure(
                    1,
                    "bsb compile --cluster: no cluster transport is installed (the bundle org.bsb.cluster.hazelcast"
                            + " provides one)");
        }
        LoadedConfig loaded = null;
        CompilePlan plan = null;
        String planError = null;
        try {
            loaded = CompileCommand.load(context, context.resolve(command.config), reporter);
            plan = PlanBuilder.build(loaded, context.registry());
        } catch (CommandFailure | CompileException e) {
            planError = e.getMessage();
        }
        byte[] source = null;
        if (loaded != null) {
            Path file = context.resolve(command.config);
            try {
                source = ClusterCompile.configSource(file, Files.readString(file));
            } catch (IOException e) {
                planError = "cannot read " + file + ": " + e.getMessage();
            }
        }
        JobCluster.Session session = join(
                transport,
                options,
                ClusterCompile.handler(plan, planError, context.registry(), reporter),
                reporter,
                "bsb compile");
        try {
            LoadedConfig config = loaded;
            CompilePlan compilePlan = plan;
            Integer code = ClusterCompile.run(
                    session,
                    source,
                    planError,
                    reporter,
                    cluster -> command.compile(config, compilePlan, reporter, cluster));
            if (code == null) {
                reporter.report(1, "This process's jobs are done; rank 0 wrote the network file");
                return 0;
            }
            return code;
        } catch (CompileException e) {
            throw new CommandFailure(1, session.rank() == 0 ? e.getMessage() : "bsb compile: " + e.getMessage());
        } finally {
            session.close();
        }
    }

    /** Joins through {@code transport}; its failures (a wrong option, a member missing) become a command failure. */
    static JobCluster.Session join(
            JobCluster transport,
            Map<String, String> options,
            JobCluster.JobHandler handler,
            StreamReporter reporter,
            String command) {
        try {
            return transport.join(options, handler, reporter);
        } catch (RuntimeException e) {
            throw new CommandFailure(1, command + ": " + e.getMessage());
        }
    }

    /** The cluster transport: an OSGi service in the launcher, else one listed for {@link ServiceLoader}. */
    static JobCluster find() {
        Bundle bundle = FrameworkUtil.getBundle(ClusterCompileRun.class);
        BundleContext bc = bundle == null ? null : bundle.getBundleContext();
        if (bc != null) {
            try {
                List<ServiceReference<JobCluster>> refs =
                        new ArrayList<>(bc.getServiceReferences(JobCluster.class, null));
                for (ServiceReference<JobCluster> ref : refs) {
                    JobCluster service = bc.getService(ref);
                    if (service != null) {
                        return service;
                    }
                }
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
            return null;
        }
        for (JobCluster c : ServiceLoader.load(JobCluster.class, ClusterCompileRun.class.getClassLoader())) {
            return c;
        }
        return null;
    }
}
