package org.bsb.core.config;

/** An axis of the network box. */
public enum Axis {
    X,
    Y,
    Z;

    /** 0, 1 or 2. */
    public int index() {
        return ordinal();
    }
}
