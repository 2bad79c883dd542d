package org.bsb.neuron.nmodl.catalogue;

import java.nio.file.Path;
import org.osgi.service.component.annotations.Component;

/**
 * The Gogo function {@code bsb:mechanisms}, so {@code bsb mechanisms ...} works from the launcher and the Felix
 * shell without the core knowing about the NMODL compiler (as the plot bundle's {@code bsb:plot}).
 */
@Component(service = MechanismsCommands.class,
    property = {"osgi.command.scope=bsb", "osgi.command.function=mechanisms"})
public final class MechanismsCommands {
  public void mechanisms(String... args) {
    // Gogo redirects System.out/err to the session's streams while a command runs.
    int status = MechanismsCommand.run(Path.of("").toAbsolutePath(), System.out, System.err, args);
    System.out.flush();
    if (status != 0) throw new Failure(status);
  }

  /**
   * A failed command whose message has been printed; the launcher reads {@link #exitCode()} reflectively, as for
   * the core's {@code CommandFailure} (this bundle does not depend on the core).
   */
  public static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    Failure(int exitCode) {
      super(null, null, false, false);
      this.exitCode = exitCode;
    }

    public int exitCode() {
      return exitCode;
    }
  }
}
