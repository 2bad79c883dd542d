package org.bsb.core.compile;

import java.nio.file.Path;
import java.util.List;
import org.bsb.api.storage.NetworkData;
import org.bsb.api.storage.StorageEngine;
import org.bsb.api.storage.StorageException;
import org.bsb.core.check.NetworkCheck;
import org.bsb.core.registry.Registry;
import org.bsb.core.registry.RegistryEntry;
import org.bsb.core.registry.ServiceKind;

/** Finds the storage engine of an existing network file. */
public final class Networks {
    private Networks() {}

    /** An engine and the network it read. */
    public record Opened(StorageEngine engine, String engineName, NetworkData network) {}

    /**
     * The installed engine that recognises {@code file}, or, if none does, the first engine (whose
     * read then explains why: missing, truncated, foreign).
     */
    public static RegistryEntry engine(Registry registry, Path file) throws CompileException {
        List<RegistryEntry> engines = registry.entries(ServiceKind.STORAGE);
        if (engines.isEmpty()) {
            throw new CompileException("No storage engine is installed; cannot read " + file);
        }
        for (RegistryEntry e : engines) {
            try {
                if (((StorageEngine) e.service()).exists(file)) {
                    return e;
                }
            } catch (RuntimeException ex) {
                // an engine that chokes on a foreign file does not recognise it
            }
        }
        return engines.get(0);
    }

    /**
     * Reads {@code file} with the installed engine that recognises it and checks it
     * ({@link NetworkCheck}): an invalid network is an error listing its problems.
     *
     * @param config whether its stored config must be valid too
     */
    public static Opened open(Registry registry, Path file, boolean config) throws CompileException {
        RegistryEntry chosen = engine(registry, file);
        StorageEngine engine = (StorageEngine) chosen.service();
        NetworkCheck.Report report;
        try {
            report = NetworkCheck.check(engine, file, registry, config);
        } catch (StorageException e) {
            throw new CompileException(e.getMessage(), e);
        }
        if (!report.valid()) {
            throw new CompileException(report.message());
        }
        return new Opened(engine, chosen.names().get(0), report.network());
    }
}
