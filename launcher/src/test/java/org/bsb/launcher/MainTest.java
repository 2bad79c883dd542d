package org.bsb.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MainTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "strategies -v 3 | 3",
                "-v 0 strategies | 0",
                "compile --verbosity 4 net.json | 4",
                "compile --verbosity=2 | 2",
                "compile -v 2 -v 4 | 4", // the last one wins, as in picocli
                "compile -v notanumber | 1", // not a number: the default (the command itself reports the error)
                "compile net.json -v | 1", // no value
            })
    void verbosityComesFromTheCommandLine(String line, int expected) {
        assertEquals(expected, Main.verbosity(line.split(" ")));
    }

    @Test
    void verbosityDefaultsToOneWithoutTheEnvironmentVariable() {
        assumeTrue(System.getenv("BSB_VERBOSITY") == null, "BSB_VERBOSITY is set in this environment");
        assertEquals(1, Main.verbosity(new String[] {"strategies"}));
        assertEquals(1, Main.verbosity(new String[0]));
    }
}
