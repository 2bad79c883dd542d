package org.bsb.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.bsb.api.ErrorReport;
import org.junit.jupiter.api.Test;

/** Unexpected failures reach the user in words: no Java class name, no bare index; -v 4 adds the trace. */
public class ErrorReportTest {
    /** A Java class name as it would appear in a message: a dotted lower-case path ending in a capitalised name. */
    public static final Pattern CLASS_NAME = Pattern.compile("\\b(java|javax|jdk|sun|org|com)\\.[a-z0-9_.]+[A-Z]\\w*"
            + "|\\b\\w*(Exception|Error)\\b|Index:? -?\\d+|arraycopy");

    public static void assertNoInternals(String message) {
        assertFalse(CLASS_NAME.matcher(message).find(), "internal text in: " + message);
    }

    @Test
    void wrappersAreLookedThroughAndHeapAndStackSayWhatRanOutAndHowToGiveMore() {
        String heap = ErrorReport.explain(
                new InvocationTargetException(new InvocationTargetException(new OutOfMemoryError("Java heap space"))));
        assertTrue(heap.startsWith("ran out of memory") && heap.contains("BSB_JAVA_OPTS=-Xmx"), heap);
        assertNoInternals(heap);
        String stack = ErrorReport.explain(new ExecutionException(new StackOverflowError()));
        assertTrue(stack.startsWith("ran out of stack") && stack.contains("BSB_JAVA_OPTS=-Xss"), stack);
        assertNoInternals(stack);
    }

    @Test
    void internalFailuresAreNamedAsSuchWithoutTheirText() {
        List<Throwable> internal = List.of(
                new IndexOutOfBoundsException("Index: 42 Size: 1"),
                new ArrayIndexOutOfBoundsException("arraycopy: last source index 15 out of bounds for double[9]"),
                new NullPointerException(),
                new ClassCastException("class java.lang.String cannot be cast"),
                new RuntimeException(new IllegalStateException()),
                new IllegalStateException((String) null));
        for (Throwable t : internal) {
            String m = ErrorReport.explain(t);
            assertTrue(m.startsWith("internal error (") && m.contains("-v 4"), m);
            assertNoInternals(m);
        }
        assertEquals(
                "cell type 'x' is not placed",
                ErrorReport.explain(new IllegalArgumentException("cell type 'x' is not placed")),
                "a real message is kept");
    }

    @Test
    void theCliPrintsTheExplanationAndTheTraceOnlyAtVerbosity4() {
        for (int verbosity : new int[] {1, 4}) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
            CommandDispatch.report(
                    new org.bsb.api.command.CommandContext(stream, stream, java.nio.file.Path.of("")),
                    "simulate",
                    new InvocationTargetException(new OutOfMemoryError("Java heap space")),
                    verbosity);
            String text = err.toString(StandardCharsets.UTF_8);
            assertTrue(text.startsWith("bsb simulate: ran out of memory"), text);
            assertEquals(verbosity >= 4, text.contains("\tat "), text);
            if (verbosity < 4) {
                assertNoInternals(text);
            }
        }
    }
}
