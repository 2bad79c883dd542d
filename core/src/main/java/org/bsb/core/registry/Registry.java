package org.bsb.core.registry;

import java.util.List;
import org.bsb.api.ServiceKind;
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

    @Override
    default Object resolve(ServiceKind kind, String name) {
        return entry(kind, name).service();
    }
}
