package org.bsb.core.config;

/** A region's {@code type}: {@code group} (the default) or {@code stack}. */
public enum RegionType {
    GROUP,
    STACK
}
