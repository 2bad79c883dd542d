package org.bsb.api;

/**
 * Finds a registered service by its interface and the name a config gives it (a {@link BsbName} entry);
 * implemented by the core's registry, handed to simulators and hooks that resolve names themselves.
 */
public interface ServiceLookup {
    /**
     * The service of interface {@code serviceType} (e.g. {@code DeviceType.class}) named {@code name}.
     *
     * @throws UnknownServiceException naming the known names of that kind and the closest one
     * @throws IllegalArgumentException if {@code serviceType} is not an interface a config can name
     */
    <S> S resolve(Class<S> serviceType, String name);
}
