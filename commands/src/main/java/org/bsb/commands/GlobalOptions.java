package org.bsb.commands;

import picocli.CommandLine.Option;

/** Options every command accepts, as in the original ({@code -v/--verbosity N}, 0 to 4). */
public class GlobalOptions {
    @Option(
            names = {"-v", "--verbosity"},
            paramLabel = "N",
            description =
                    "0 silent, 1 default, 2 phases, 3 detail, 4 debug (default: ${DEFAULT-VALUE}, env BSB_VERBOSITY)",
            defaultValue = "${env:BSB_VERBOSITY:-1}")
    public int verbosity = 1;
}
