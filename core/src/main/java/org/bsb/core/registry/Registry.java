package org.bsb.core.registry;

import java.util.List;
import org.bsb.api.ServiceLookup;
import org.bsb.api.UnknownServiceException;

/**
 * Resolves config names to services. In OSGi it follows DS services as bundles come and go;
 * outside OSGi it is filled explicitly or from {@code ServiceLoader}.
 */
public interface Registry extends ServiceLookup {
    /** Every service of a kind, in registration order. */
    List<RegistryEntry> entries(ServiceKind kind);

    /** The entry named {@code name}, or an {@link UnknownServiceException} with the known names. */
    RegistryEntry entry(ServiceKind kind, String name);

    /** The service of {@code kind} named {@code name}; an {@link UnknownServiceException} with the known names. */
    default Object resolve(ServiceKind kind, String name) {
        return entry(kind, name).service();
    }

    /** As {@link #resolve(ServiceKind, String)}, cast to the kind's interface. */
    default <S> S resolve(ServiceKind kind, String name, Class<S> type) {
        return type.cast(resolve(kind, name));
    }

    @Override
    default <S> S resolve(Class<S> serviceType, String name) {
        return serviceType.cast(resolve(ServiceKind.ofType(serviceType), name));
    }
}
