package org.bsb.core.registry;

import java.util.ServiceLoader;

/**
 * The registry outside OSGi: every implementation listed in {@code META-INF/services/<interface>}
 * on the class path, under the names of its {@link org.bsb.api.BsbName}.
 */
public final class ServiceLoaderRegistry {
    private ServiceLoaderRegistry() {}

    public static MapRegistry load(ClassLoader loader) {
        MapRegistry registry = new MapRegistry();
        for (ServiceKind kind : ServiceKind.values()) {
            for (Object service : ServiceLoader.load(kind.type(), loader)) {
                registry.register(kind, service);
            }
        }
        return registry;
    }

    public static MapRegistry load() {
        return load(Thread.currentThread().getContextClassLoader());
    }
}
