package org.bsb.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link GogoSession#commandLine} must hand every argument to the command unchanged. The truth
 * is Gogo's own parser: the real runtime (outside OSGi) runs the line against a recording command.
 */
class GogoSessionTest {
    /** Records the arguments of {@code bsb:compile}. */
    public static final class Recorder {
        volatile String[] received;

        public void compile(String... args) {
            received = args;
        }
    }

    private static ThreadIOImpl threadIO;
    private static CommandProcessorImpl processor;
    private static final Recorder RECORDER = new Recorder();

    @BeforeAll
    static void startGogo() {
        threadIO = new ThreadIOImpl();
        threadIO.start();
        processor = new CommandProcessorImpl(threadIO);
        processor.addCommand("bsb", RECORDER, "compile");
    }

    @AfterAll
    static void stopGogo() {
        processor.stop();
        threadIO.stop();
    }

    static List<String> awkwardArguments() {
        return List.of(
                "plain",
                "with space",
                "two  spaces",
                "quote\"inside",
                "back\\slash",
                "trailing\\",
                "$HOME",
                "${x}",
                "$(echo hi)",
                "semi;colon",
                "pipe|tee",
                "a && b",
                "{brace}",
                "(paren)",
                "[1, 2]",
                "'single'",
                "tab\there",
                "new\nline",
                "ümlaut µm",
                "*.json",
                "~/net.hdf5",
                "#hash",
                "a=b",
                "-v",
                "--verbosity=4",
                "C:\\path\\x.json",
                "%s",
                "50%",
                "%(1+1)",
                "`date`",
                "@file",
                "!bang",
                "<in",
                ">out",
                "2>&1",
                "^caret",
                "\u00a0nbsp",
                "");
    }

    @ParameterizedTest
    @MethodSource("awkwardArguments")
    void anArgumentReachesTheCommandUnchanged(String argument) throws Exception {
        assertArrayEquals(new String[] {argument}, run(argument));
    }

    @Test
    void allArgumentsArriveInOrder() throws Exception {
        String[] all = awkwardArguments().toArray(String[]::new);
        assertArrayEquals(all, run(all));
    }

    @Test
    void noArgumentsGiveAnEmptyArray() throws Exception {
        assertArrayEquals(new String[0], run());
        assertEquals("bsb:compile", GogoSession.commandLine("compile", new String[0]));
    }

    @Test
    void eachArgumentIsDoubleQuoted() {
        assertEquals(
                "bsb:compile \"a b\" \"\\$x\" \"\\\"\"",
                GogoSession.commandLine("compile", new String[] {"a b", "$x", "\""}));
    }

    private static String[] run(String... args) throws Exception {
        RECORDER.received = null;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, "UTF-8");
        try (CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), print, print)) {
            session.execute(GogoSession.commandLine("compile", args));
        }
        return RECORDER.received;
    }
}
