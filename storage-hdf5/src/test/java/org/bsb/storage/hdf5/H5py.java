package org.bsb.storage.hdf5;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs a Python snippet with h5py (Debian python3-h5py) on a file, for cross-checks. */
public final class H5py {
    private H5py() {}

    public static boolean available() {
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import h5py")
                    .redirectErrorStream(true)
                    .start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs {@code script} with the variable {@code path} set; returns stdout, fails on a non-zero exit. */
    public static String run(Path file, String script) throws IOException, InterruptedException {
        Path py = Files.createTempFile("h5check", ".py");
        try {
            Files.writeString(py, "path = " + pyString(file.toString()) + "\n" + script, StandardCharsets.UTF_8);
            Process p = new ProcessBuilder("/usr/bin/python3", py.toString()).start();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("h5py check failed:\n" + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(py);
        }
    }

    private static String pyString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
