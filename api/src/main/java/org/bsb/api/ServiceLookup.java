package org.bsb.api;

/** Finds a registered service by kind and config name; implemented by the core's registry. */
public interface ServiceLookup {
    /**
     * @throws UnknownServiceException naming the known names of that kind and the closest one
     */
    Object resolve(ServiceKind kind, String name);

    default <S> S resolve(ServiceKind kind, String name, Class<S> type) {
        return type.cast(resolve(kind, name));
    }
}
