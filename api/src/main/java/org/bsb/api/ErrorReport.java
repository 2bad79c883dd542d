package org.bsb.api;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What a user reads when a command fails unexpectedly: the cause in words, never a Java exception class
 * name or a bare index. Wrappers (reflection, executors) are looked through; running out of heap or stack
 * says what ran out and how to give more ({@code BSB_JAVA_OPTS}); a failure without a usable message is
 * called an internal error with a pointer to {@code -v 4}, which prints the stack trace. It is in the api because
 * every bundle that speaks to the user (core's commands, plot, the nmodl bundle's commands, storage engines) shares
 * this one explanation.
 */
public final class ErrorReport {
    /** The verbosity at which the stack trace is printed too. */
    public static final int TRACE_VERBOSITY = 4;

    private ErrorReport() {}

    /** One or two sentences explaining {@code failure}. */
    public static String explain(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof OutOfMemoryError) {
            long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
            return "ran out of memory: the Java heap (at most " + maxMb + " MB) is too small for this work. Give more"
                    + " with BSB_JAVA_OPTS=-Xmx<size>, e.g. BSB_JAVA_OPTS=-Xmx" + Math.max(1, 2 * maxMb / 1024) + "g"
                    + ", or make the network or the recording smaller";
        }
        if (t instanceof StackOverflowError) {
            return "ran out of stack: the input nests too deeply (or a definition refers to itself). Give more with"
                    + " BSB_JAVA_OPTS=-Xss<size>, e.g. BSB_JAVA_OPTS=-Xss64m, or simplify the input";
        }
        String message = t.getMessage();
        if (t instanceof VirtualMachineError
                || t instanceof RuntimeException && isInternal((RuntimeException) t)
                || message == null
                || message.isBlank()) {
            return "internal error (" + kind(t) + "); this input is not checked yet or this is a bug. Run with -v "
                    + TRACE_VERBOSITY + " to see where it happened, and please report it";
        }
        return message;
    }

    /** The failure a wrapper stands for: the cause of reflective, executor and rethrowing wrappers. */
    static Throwable unwrap(Throwable t) {
        while (t.getCause() != null
                && t.getCause() != t
                && (t instanceof InvocationTargetException
                        || t instanceof UndeclaredThrowableException
                        || t instanceof ExecutionException
                        || t instanceof CompletionException
                        || t.getMessage() == null
                        || t.getMessage().equals(t.getCause().toString()))) {
            t = t.getCause();
        }
        return t;
    }

    /** Exceptions that only a programming error or an unchecked input throws; their texts mean nothing to users. */
    private static boolean isInternal(RuntimeException e) {
        return e instanceof NullPointerException
                || e instanceof IndexOutOfBoundsException
                || e instanceof ClassCastException
                || e instanceof ArithmeticException
                || e instanceof ArrayStoreException
                || e instanceof NegativeArraySizeException
                || e instanceof java.util.NoSuchElementException
                || e instanceof UnsupportedOperationException
                || e instanceof java.util.ConcurrentModificationException;
    }

    /** The kind of internal failure in words. */
    private static String kind(Throwable t) {
        if (t instanceof NullPointerException) {
            return "a missing value";
        }
        if (t instanceof IndexOutOfBoundsException || t instanceof NegativeArraySizeException) {
            return "an index or size out of range";
        }
        if (t instanceof ClassCastException || t instanceof ArrayStoreException) {
            return "a value of an unexpected type";
        }
        if (t instanceof ArithmeticException) {
            return "an arithmetic failure";
        }
        if (t instanceof VirtualMachineError) {
            return "the Java virtual machine failed";
        }
        return "an unexpected state";
    }
}
