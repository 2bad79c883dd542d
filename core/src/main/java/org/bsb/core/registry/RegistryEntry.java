package org.bsb.core.registry;

import java.util.List;

/**
 * One registered service.
 *
 * @param names its {@code bsb.name} values, dotted class path first
 * @param origin the bundle (symbolic name) or the class path element that provides it
 * @param version the provider's version
 */
public record RegistryEntry(ServiceKind kind, List<String> names, String origin, String version, Object service) {
    public RegistryEntry {
        names = List.copyOf(names);
    }

    public boolean answersTo(String name) {
        return names.contains(name);
    }
}
