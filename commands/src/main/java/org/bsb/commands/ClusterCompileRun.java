package org.bsb.commands;

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
        JobCluster.Session session;
        try {
            session = transport.join(
                    options, ClusterCompile.handler(plan, planError, context.registry(), reporter), reporter);
        } catch (RuntimeException e) {
            throw new CommandFailure(1, "bsb compile: " + e.getMessage());
        }
        try {
            reporter.report(2, session.describe() + ": every member joined");
            if (session.rank() != 0) {
                if (planError != null) {
                    reporter.warn(session.describe() + ": this member could not build the compile plan and refuses"
                            + " its jobs: " + planError);
                }
                String failure = session.awaitFinish();
                if (failure != null) {
                    throw new CommandFailure(
                            1, "bsb compile: rank " + session.rank() + ": the compile failed: " + failure);
                }
                reporter.report(1, "This process's jobs are done; rank 0 wrote the network file");
                return 0;
            }
            if (planError != null) {
                session.finish(planError);
                throw new CommandFailure(1, planError);
            }
            try {
                Integer code = command.compile(loaded, plan, reporter, new ClusterCompile(session));
                session.finish(null);
                return code;
            } catch (CommandFailure e) {
                session.finish(e.getMessage());
                throw e;
            } catch (RuntimeException e) {
                session.finish(e.toString());
                throw e;
            }
        } finally {
            session.close();
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
