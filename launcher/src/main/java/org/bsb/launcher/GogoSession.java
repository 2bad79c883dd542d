package org.bsb.launcher;

import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Runs one command line through Gogo's CommandProcessor. The launcher does not share the Gogo
 * API's class space, so it calls it reflectively.
 */
final class GogoSession {
    private static final String PROCESSOR = "org.apache.felix.service.command.CommandProcessor";
    private static final String SESSION = "org.apache.felix.service.command.CommandSession";

    private GogoSession() {}

    /** A command name as the launcher accepts it: anything else would be Gogo syntax, not a name. */
    private static final java.util.regex.Pattern COMMAND_NAME =
            java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    /** Executes {@code bsb:<command> args...} and returns the exit status. */
    static int execute(
            BundleContext context, String command, String[] args, InputStream in, PrintStream out, PrintStream err)
            throws ReflectiveOperationException {
        ServiceReference<?> reference = context.getServiceReference(PROCESSOR);
        if (reference == null) {
            err.println("bsb: the Gogo command processor is not running");
            return 70;
        }
        return execute(context.getService(reference), command, args, in, out, err);
    }

    /**
     * Runs the command on a Gogo {@code CommandProcessor}: 0 on success, the {@code exitCode()} of
     * a failure that carries one (the api's org.bsb.api.command.CommandFailure), 2 for an unknown command, 1 otherwise.
     */
    static int execute(
            Object processor, String command, String[] args, InputStream in, PrintStream out, PrintStream err)
            throws ReflectiveOperationException {
        if (!COMMAND_NAME.matcher(command).matches()) {
            err.println("bsb: unknown command '" + command + "'. Run 'bsb --help' for the list of commands.");
            return 2;
        }
        ClassLoader loader = processor.getClass().getClassLoader();
        Class<?> processorType = loader.loadClass(PROCESSOR);
        Class<?> sessionType = loader.loadClass(SESSION);
        Object session = processorType
                .getMethod("createSession", InputStream.class, java.io.OutputStream.class, java.io.OutputStream.class)
                .invoke(processor, in, out, err);
        try {
            Object result =
                    sessionType.getMethod("execute", CharSequence.class).invoke(session, commandLine(command, args));
            if (result != null) {
                out.println(
                        sessionType.getMethod("format", Object.class, int.class).invoke(session, result, 0));
            }
            return 0;
        } catch (InvocationTargetException e) {
            return failure(e.getCause(), command, err);
        } finally {
            out.flush();
            err.flush();
            sessionType.getMethod("close").invoke(session);
        }
    }

    /**
     * The command line with each argument double-quoted, so that Gogo passes it through unchanged:
     * inside double quotes Gogo still expands {@code $var}, {@code \x} and {@code %(expr)} (a bare
     * {@code %} is a syntax error), so those characters and the quote itself are escaped.
     */
    static String commandLine(String command, String[] args) {
        StringBuilder line = new StringBuilder("bsb:").append(command);
        for (String arg : args) {
            line.append(' ').append('"');
            for (char c : arg.toCharArray()) {
                if (c == '"' || c == '\\' || c == '$' || c == '%') {
                    line.append('\\');
                }
                line.append(c);
            }
            line.append('"');
        }
        return line.toString();
    }

    private static int failure(Throwable cause, String command, PrintStream err) {
        try {
            Method exitCode = cause.getClass().getMethod("exitCode");
            if (cause.getMessage() != null) {
                err.println(cause.getMessage());
            }
            return (Integer) exitCode.invoke(cause);
        } catch (ReflectiveOperationException notAFailure) {
            // fall through: an unexpected exception
        }
        if (cause.getClass().getSimpleName().equals("CommandNotFoundException")) {
            err.println("bsb: unknown command '" + command + "'. Run 'bsb --help' for the list of commands.");
            return 2;
        }
        // the commands explain their own failures (org.bsb.api.ErrorReport); this is Gogo's or the framework's
        while (cause instanceof InvocationTargetException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        err.println("bsb " + command + ": "
                + (cause instanceof OutOfMemoryError
                        ? "ran out of memory; give more with BSB_JAVA_OPTS=-Xmx<size>"
                        : message != null && !message.isBlank() && !message.startsWith("java.")
                                ? message
                                : "internal error of the shell; run with BSB_JAVA_OPTS=-Dbsb.debug=true to see where"));
        if (Boolean.getBoolean("bsb.debug")) {
            cause.printStackTrace(err);
        }
        return 1;
    }
}
