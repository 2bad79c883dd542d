package org.bsb.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The exit status the launcher derives from a Gogo command's outcome, against the real Gogo runtime. */
class GogoExitStatusTest {
    /** Like the api's CommandFailure: the launcher reads {@code exitCode()} reflectively. */
    public static final class Failure extends RuntimeException {
        private final int code;

        Failure(int code, String message) {
            super(message);
            this.code = code;
        }

        public int exitCode() {
            return code;
        }
    }

    public static final class Commands {
        volatile boolean lbRan;

        public void ok() {
            System.out.println("fine");
        }

        public String result() {
            return "value";
        }

        public void boom() {
            throw new IllegalStateException("disk full");
        }

        public void refuse() {
            throw new Failure(3, "net.json: expected a number at regions.x");
        }

        public void lb() {
            lbRan = true;
        }
    }

    private static ThreadIOImpl threadIO;
    private static CommandProcessorImpl processor;
    private static final Commands COMMANDS = new Commands();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void startGogo() {
        threadIO = new ThreadIOImpl();
        threadIO.start();
        processor = new CommandProcessorImpl(threadIO);
        for (String f : new String[] {"ok", "result", "boom", "refuse"}) {
            processor.addCommand("bsb", COMMANDS, f);
        }
        processor.addCommand("gogo", COMMANDS, "lb");
    }

    @AfterAll
    static void stopGogo() {
        processor.stop();
        threadIO.stop();
    }

    @Test
    void successIsZeroAndPrintsWhatTheCommandPrints() throws Exception {
        assertEquals(0, run("ok"));
        assertEquals("fine\n", out());
        assertEquals("", err());
    }

    @Test
    void aReturnedValueIsPrinted() throws Exception {
        assertEquals(0, run("result"));
        assertEquals("value\n", out());
    }

    @Test
    void anUnexpectedExceptionIsOneWithAOneLineExplanation() throws Exception {
        assertEquals(1, run("boom"));
        assertEquals("bsb boom: disk full\n", err());
    }

    @Test
    void aFailureCarriesItsOwnExitCodeAndMessage() throws Exception {
        assertEquals(3, run("refuse"));
        assertEquals("net.json: expected a number at regions.x\n", err());
    }

    @Test
    void anUnknownCommandIsTwo() throws Exception {
        assertEquals(2, run("compiel"));
        assertEquals("bsb: unknown command 'compiel'. Run 'bsb --help' for the list of commands.\n", err());
    }

    @Test
    void aCommandNameIsNeverGogoSyntax() throws Exception {
        assertEquals(2, run("ok;lb"));
        assertFalse(COMMANDS.lbRan, "the text after ';' ran as a second command");
        assertEquals("", out());
        assertEquals(2, run("ok | lb"));
        assertFalse(COMMANDS.lbRan);
    }

    private int run(String command, String... args) throws Exception {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        return GogoSession.execute(processor, command, args, new ByteArrayInputStream(new byte[0]), o, e);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
