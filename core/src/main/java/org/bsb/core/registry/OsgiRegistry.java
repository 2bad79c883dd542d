package org.bsb.core.registry;

import java.util.ArrayList;
import java.util.List;
import org.bsb.api.BsbName;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The registry inside OSGi: tracks every service carrying {@code bsb.name}, of any of the
 * {@link ServiceKind} interfaces, as bundles (e.g. drop-ins under {@code plugins/}) come and go.
 */
@Component(service = Registry.class, immediate = true)
public class OsgiRegistry implements Registry {
    private final MapRegistry entries = new MapRegistry();
    private ServiceTracker<Object, List<RegistryEntry>> tracker;

    @Activate
    void activate(BundleContext context) throws InvalidSyntaxException {
        tracker = new ServiceTracker<>(context, context.createFilter("(" + BsbName.PROPERTY + "=*)"), null) {
            @Override
            public List<RegistryEntry> addingService(ServiceReference<Object> reference) {
                Object service = context.getService(reference);
                if (service == null) {
                    return null;
                }
                List<RegistryEntry> added = new ArrayList<>();
                for (String type : (String[]) reference.getProperty(Constants.OBJECTCLASS)) {
                    ServiceKind kind = ServiceKind.ofInterface(type);
                    if (kind != null && kind.type().isInstance(service)) {
                        RegistryEntry entry = entryOf(kind, reference, service);
                        entries.register(entry);
                        added.add(entry);
                    }
                }
                return added;
            }

            @Override
            public void removedService(ServiceReference<Object> reference, List<RegistryEntry> added) {
                for (RegistryEntry entry : added) {
                    entries.unregister(entry.service());
                }
                context.ungetService(reference);
            }
        };
        tracker.open(true);
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    private static RegistryEntry entryOf(ServiceKind kind, ServiceReference<?> reference, Object service) {
        Object names = reference.getProperty(BsbName.PROPERTY);
        List<String> list = names instanceof String[] array ? List.of(array) : List.of(String.valueOf(names));
        Bundle bundle = reference.getBundle();
        return new RegistryEntry(
                kind, list, bundle.getSymbolicName(), bundle.getVersion().toString(), service);
    }

    @Override
    public List<RegistryEntry> entries(ServiceKind kind) {
        return entries.entries(kind);
    }

    @Override
    public RegistryEntry entry(ServiceKind kind, String name) {
        return entries.entry(kind, name);
    }
}
