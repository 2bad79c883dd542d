package org.bsb.core.config;

import org.bsb.core.registry.RegistryEntry;
import org.bsb.core.registry.ServiceKind;

/**
 * A service a config names, where, and what provides it.
 *
 * @param path the config path of the naming key ({@code placement.stellate_placement.strategy})
 * @param entry the registry entry (bundle, version), or null if no installed service has that name
 * @param parameters the node's parameters bound to the service's record (defaults applied), or
 *     null if the service takes none or they had errors
 */
public record ServiceUse(ServiceKind kind, String name, String path, RegistryEntry entry, Record parameters) {
    public boolean installed() {
        return entry != null;
    }
}
