package org.bsb.core.compile;

import java.nio.file.Path;
import java.util.List;
import org.bsb.api.ServiceKind;
import org.bsb.api.storage.NetworkData;
import org.bsb.api.storage.StorageEngine;
import org.bsb.api.storage.StorageException;
import org.bsb.core.registry.Registry;
import org.bsb.core.registry.RegistryEntry;

/** Finds the storage engine of an existing network file. */
public final class Networks {
    private Networks() {}

    /** An engine and the network it read. */
    public record Opened(StorageEngine engine, String engineName, NetworkData network) {}

    /**
     * Reads {@code file} with the installed engine that recognises it; if none does, the first
     * engine's error explains why (missing, truncated, foreign).
     */
    public static Opened open(Registry registry, Path file) throws CompileException {
        List<RegistryEntry> engines = registry.entries(ServiceKind.STORAGE);
        if (engines.isEmpty()) {
            throw new CompileException("No storage engine is installed; cannot read " + file);
        }
        RegistryEntry chosen = engines.get(0);
        for (RegistryEntry e : engines) {
            if (((StorageEngine) e.service()).exists(file)) {
                chosen = e;
                break;
            }
        }
        StorageEngine engine = (StorageEngine) chosen.service();
        try {
            return new Opened(engine, chosen.names().get(0), engine.read(file));
        } catch (StorageException e) {
            throw new CompileException(e.getMessage(), e);
        }
    }
}
