package org.bsb.launcher;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import org.osgi.framework.BundleContext;

/**
 * {@code bsb COMMAND ARGS...}: boots Felix with the distribution's bundles, runs the command
 * through Gogo and exits with its status. {@code bsb shell} opens the interactive Felix shell,
 * where the same commands are {@code bsb:compile}, {@code bsb:strategies}, ...
 */
public final class Main {
    // Gogo replaces System.out/err when it starts; keep the real streams (stack-notes pitfall 1).
    private static final PrintStream OUT = System.out;
    private static final PrintStream ERR = System.err;
    private static final InputStream IN = System.in;

    /** Held so that the level set on it is not lost to garbage collection. */
    private static final java.util.logging.Logger SPIFLY_LOG =
            java.util.logging.Logger.getLogger("org.apache.aries.spifly");

    /**
     * Hazelcast's bundle logs its OSGi service at every start and stop (and warns that Java has no JavaScript
     * engine): only shown at verbosity 4. A member's own logs go to the command's reporter while it runs.
     */
    private static final java.util.logging.Logger HAZELCAST_LOG = java.util.logging.Logger.getLogger("com.hazelcast");

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        boolean shell = args.length > 0 && args[0].equals("shell");
        String command;
        String[] rest;
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            command = "help";
            rest = new String[0];
        } else if (args[0].equals("--version") || args[0].equals("-V")) {
            command = "help";
            rest = new String[] {"--version"};
        } else {
            command = args[0];
            rest = Arrays.copyOfRange(args, 1, args.length);
        }
        int verbosity = verbosity(args);
        SPIFLY_LOG.setLevel(verbosity >= 4 ? java.util.logging.Level.INFO : java.util.logging.Level.WARNING);
        HAZELCAST_LOG.setLevel(verbosity >= 4 ? java.util.logging.Level.INFO : java.util.logging.Level.SEVERE);
        Distribution distribution = Distribution.locate();
        EmbeddedFramework felix = new EmbeddedFramework(distribution, verbosity, ERR);
        try {
            distribution.check();
            BundleContext context = felix.start(shell);
            if (shell) {
                // gogo.jline runs the interactive shell and stops the framework when it ends.
                felix.framework().waitForStop(0);
                return 0;
            }
            felix.awaitReady(context, 15_000);
            return GogoSession.execute(context, command, rest, IN, OUT, ERR);
        } catch (Exception e) {
            ERR.println("bsb: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            if (Boolean.getBoolean("bsb.debug")) {
                e.printStackTrace(ERR);
            }
            return 70;
        } finally {
            felix.stop();
        }
    }

    /** The {@code -v/--verbosity} value anywhere on the line, else BSB_VERBOSITY, else 1. */
    static int verbosity(String[] args) {
        String value = System.getenv("BSB_VERBOSITY");
        for (int i = 0; i < args.length; i++) {
            if ((args[i].equals("-v") || args[i].equals("--verbosity")) && i + 1 < args.length) {
                value = args[i + 1];
            } else if (args[i].startsWith("--verbosity=")) {
                value = args[i].substring("--verbosity=".length());
            }
        }
        try {
            return value == null ? 1 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
