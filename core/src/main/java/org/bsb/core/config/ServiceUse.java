package org.bsb.core.config;

import org.bsb.api.ServiceKind;
import org.bsb.core.registry.RegistryEntry;

/**
 * A service a config names, where, and what provides it.
 *
 * @param path the config path of the naming key ({@code placement.stellate_placement.strategy})
 * @param entry the registry entry (bundle, version), or null if no installed service has that name
 */
public record ServiceUse(ServiceKind kind, String name, String path, RegistryEntry entry) {
    public boolean installed() {
        return entry != null;
    }
}
