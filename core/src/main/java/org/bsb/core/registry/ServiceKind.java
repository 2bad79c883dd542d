package org.bsb.core.registry;

import java.util.Locale;
import org.bsb.api.BsbName;
import org.bsb.api.config.ConfigFormat;
import org.bsb.api.connectivity.AfterConnectivityHook;
import org.bsb.api.connectivity.ConnectionStrategy;
import org.bsb.api.morphology.MorphologyParser;
import org.bsb.api.placement.AfterPlacementHook;
import org.bsb.api.placement.PlacementStrategy;
import org.bsb.api.simulation.CellModelProvider;
import org.bsb.api.simulation.DeviceType;
import org.bsb.api.simulation.ResultsFormat;
import org.bsb.api.simulation.SimulatorBackend;
import org.bsb.api.storage.StorageEngine;
import org.bsb.api.targetting.CellTargetting;
import org.bsb.api.targetting.LocationTargetting;

/**
 * Every kind of service a config can name, with the config key that selects it: the registry's knowledge of
 * the api's service interfaces (it lives here, not in the api, because it names the interfaces of every api
 * package, which themselves use the api's root types: in the api it tied all its packages into one cycle). A service of
 * a kind is registered under {@link #type()} with the property {@link BsbName#PROPERTY}.
 */
public enum ServiceKind {
    PLACEMENT(PlacementStrategy.class, "placement strategy", "placement strategies", "strategy"),
    AFTER_PLACEMENT(AfterPlacementHook.class, "after_placement hook", "after_placement hooks", "strategy"),
    CONNECTIVITY(ConnectionStrategy.class, "connection strategy", "connection strategies", "strategy"),
    AFTER_CONNECTIVITY(AfterConnectivityHook.class, "after_connectivity hook", "after_connectivity hooks", "strategy"),
    STORAGE(StorageEngine.class, "storage engine", "storage engines", "engine"),
    SIMULATOR(SimulatorBackend.class, "simulator backend", "simulator backends", "simulator"),
    DEVICE(DeviceType.class, "device", "devices", "device"),
    CELL_TARGETTING(CellTargetting.class, "cell targetting", "cell targetting strategies", "strategy"),
    LOCATION_TARGETTING(LocationTargetting.class, "location targetting", "location targetting strategies", "strategy"),
    RESULTS_FORMAT(ResultsFormat.class, "results format", "results formats", "format"),
    CONFIG_FORMAT(ConfigFormat.class, "config format", "config formats", "format"),
    MORPHOLOGY_PARSER(MorphologyParser.class, "morphology parser", "morphology parsers", "parser"),
    CELL_MODEL(CellModelProvider.class, "cell model", "cell models", "model");

    private final Class<?> type;
    private final String label;
    private final String plural;
    private final String selectorKey;

    ServiceKind(Class<?> type, String label, String plural, String selectorKey) {
        this.type = type;
        this.label = label;
        this.plural = plural;
        this.selectorKey = selectorKey;
    }

    /** The service interface. */
    public Class<?> type() {
        return type;
    }

    /** Human name, e.g. "placement strategy". */
    public String label() {
        return label;
    }

    /** Human name in the plural, e.g. "placement strategies". */
    public String plural() {
        return plural;
    }

    /** The config key whose value names a service of this kind, e.g. {@code strategy}. */
    public String selectorKey() {
        return selectorKey;
    }

    /** The kind whose service interface is named {@code className}, or null. */
    public static ServiceKind ofInterface(String className) {
        for (ServiceKind k : values()) {
            if (k.type.getName().equals(className)) {
                return k;
            }
        }
        return null;
    }

    /** The kind whose service interface is {@code type}. */
    public static ServiceKind ofType(Class<?> type) {
        for (ServiceKind k : values()) {
            if (k.type == type) {
                return k;
            }
        }
        throw new IllegalArgumentException(type.getName() + " is not a service interface a config can name");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
