package org.bsb.targetting;

/**
 * Targetting parameters that cannot be applied to the network (unknown cell model, an id out of
 * range, both {@code count} and {@code fraction}). The message names the offending key; the
 * caller prefixes the device's config path.
 */
public class TargettingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public TargettingException(String message) {
        super(message);
    }
}
