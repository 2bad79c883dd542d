package org.bsb.core.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bsb.api.storage.InvalidNetworkException;
import org.bsb.api.storage.NetworkData;
import org.bsb.api.storage.StorageEngine;
import org.bsb.api.storage.StorageException;
import org.bsb.core.config.ConfigCheck;
import org.bsb.core.config.ConfigError;
import org.bsb.core.config.ConfigLoader;
import org.bsb.core.config.format.JsonConfigFormat;
import org.bsb.core.registry.Registry;

/**
 * Checks a stored network: its data as the storage engine reads it (shapes and types against the
 * layout, lengths, cell ids within their type's count, finite positions and rotations, morphology
 * indices, connection locations on their morphologies: {@link InvalidNetworkException}) and its
 * stored config, parsed and validated as {@code compile} validates a config
 * ({@link ConfigCheck#orThrowForNetwork()}). {@code bsb check}, {@code inspect}, {@code simulate}
 * and {@code reconfigure} (data only: it replaces the config) run it before any work, so a network
 * that would fail later, or silently compute something else, is refused up front with every
 * problem named by file, place in the file and row.
 */
public final class NetworkCheck {
    /** How many problems a message lists (then how many more there are). */
    public static final int SHOWN = InvalidNetworkException.SHOWN;

    private NetworkCheck() {}

    /**
     * What checking found.
     *
     * @param file the network file
     * @param network the network if its data is valid (whatever its config), else null
     * @param problems the problems, each naming its place in the file (the first ones if very many)
     * @param count how many problems there are in all
     * @param warnings warnings of the stored config (unknown keys, simulators not installed here)
     */
    public record Report(Path file, NetworkData network, List<String> problems, long count, List<String> warnings) {
        public Report {
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
        }

        public boolean valid() {
            return count == 0;
        }

        /** The file, the count and the first {@link #SHOWN} problems, one per line. */
        public String message() {
            return message(SHOWN);
        }

        /** The file, the count and the first {@code shown} problems, one per line. */
        public String message(int shown) {
            return InvalidNetworkException.report(file.toString(), problems, count, shown);
        }
    }

    /**
     * Reads {@code file} with {@code engine} and checks it.
     *
     * @param registry the services the stored config names
     * @param config whether to check the stored config too
     * @throws StorageException if the file cannot be read at all (missing, not a network, damaged)
     */
    public static Report check(StorageEngine engine, Path file, Registry registry, boolean config)
            throws StorageException {
        NetworkData data = null;
        String json;
        List<String> problems = new ArrayList<>();
        long count = 0;
        try {
            data = engine.read(file);
            json = data.configJson();
        } catch (InvalidNetworkException e) {
            problems.addAll(e.problems());
            count = e.count();
            json = e.config();
        }
        List<String> warnings = new ArrayList<>();
        if (config) {
            // The config first: it is at most a few lines, and what a user fixes with bsb reconfigure.
            List<String> configProblems = configProblems(json, engine.configLocation(), registry, warnings);
            problems.addAll(0, configProblems);
            count += configProblems.size();
        }
        return new Report(file, data, problems, count, warnings);
    }

    /**
     * The problems of a stored config as {@code compile} judges a config (no file checks: its paths
     * refer to the folder it was compiled in); its warnings go to {@code warnings}.
     */
    public static List<String> configProblems(String json, String location, Registry registry, List<String> warnings) {
        List<String> out = new ArrayList<>();
        if (json == null) {
            out.add(location + ": missing (the network holds no config; bsb reconfigure NETWORK CONFIG stores one)");
            return out;
        }
        ConfigCheck check = ConfigLoader.check(location, json, new JsonConfigFormat(), registry, null, false);
        boolean lines = json.indexOf('\n') >= 0;
        for (ConfigError e : check.forNetwork()) {
            String where = location + (lines && e.line() > 0 ? " line " + e.line() : "") + ": ";
            (e.isError() ? out : warnings).add(where + e.message());
        }
        if (check.config() == null && out.isEmpty()) {
            out.add(location + ": not a config");
        }
        return out;
    }
}
