package org.bsb.commands;

/** The verbosity asked for on a command line: its {@code -v/--verbosity N}, else BSB_VERBOSITY, else 1. */
final class Verbosity {
    private Verbosity() {}

    static int of(String... args) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("-v") || args[i].equals("--verbosity")) {
                try {
                    return Integer.parseInt(args[i + 1]);
                } catch (NumberFormatException e) {
                    return 1;
                }
            }
        }
        try {
            String env = System.getenv("BSB_VERBOSITY");
            return env == null ? 1 : Integer.parseInt(env.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
