package org.bsb.core.registry;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bsb.api.BsbName;
import org.bsb.api.UnknownServiceException;

/**
 * A thread-safe registry of explicitly registered services; the OSGi and ServiceLoader
 * registries feed one of these. Reads never block: lookups happen on worker threads while
 * bundles come and go.
 */
public class MapRegistry implements Registry {
    private final Map<ServiceKind, List<RegistryEntry>> entries = new EnumMap<>(ServiceKind.class);

    public MapRegistry() {
        for (ServiceKind kind : ServiceKind.values()) {
            entries.put(kind, new CopyOnWriteArrayList<>());
        }
    }

    public void register(RegistryEntry entry) {
        if (!entry.kind().type().isInstance(entry.service())) {
            throw new IllegalArgumentException(entry.service().getClass().getName() + " is not a "
                    + entry.kind().type().getName());
        }
        entries.get(entry.kind()).add(entry);
    }

    /** Registers a service under the names of its {@link BsbName} annotation. */
    public RegistryEntry register(ServiceKind kind, Object service) {
        BsbName names = service.getClass().getAnnotation(BsbName.class);
        if (names == null) {
            throw new IllegalArgumentException(service.getClass().getName() + " has no @BsbName");
        }
        Package p = service.getClass().getPackage();
        String version = p != null && p.getImplementationVersion() != null ? p.getImplementationVersion() : "";
        RegistryEntry entry =
                new RegistryEntry(kind, List.of(names.value()), originOf(service.getClass()), version, service);
        register(entry);
        return entry;
    }

    /** Removes the entry holding {@code service}; returns whether there was one. */
    public boolean unregister(Object service) {
        boolean removed = false;
        for (List<RegistryEntry> list : entries.values()) {
            removed |= list.removeIf(e -> e.service() == service);
        }
        return removed;
    }

    @Override
    public List<RegistryEntry> entries(ServiceKind kind) {
        return List.copyOf(entries.get(kind));
    }

    @Override
    public RegistryEntry entry(ServiceKind kind, String name) {
        List<RegistryEntry> list = entries.get(kind);
        for (RegistryEntry e : list) {
            if (e.answersTo(name)) {
                return e;
            }
        }
        List<String> known = new ArrayList<>();
        for (RegistryEntry e : list) {
            known.addAll(e.names());
        }
        throw new UnknownServiceException(kind.label(), name, known, NameSuggester.closest(name, known));
    }

    private static String originOf(Class<?> type) {
        var source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return type.getName();
        }
        String path = source.getLocation().getPath();
        int slash = path.replaceAll("/+$", "").lastIndexOf('/');
        return slash >= 0 ? path.substring(slash + 1).replaceAll("/+$", "") : path;
    }
}
