package org.bsb.core.topology;

/** The config's axis names {@code x}, {@code y}, {@code z} as indices 0 to 2. */
public final class Axis {
    private Axis() {}

    public static int index(String name) {
        return switch (name) {
            case "x" -> 0;
            case "y" -> 1;
            case "z" -> 2;
            default -> throw new IllegalArgumentException("Couldn't cast '" + name + "' to a value in: ['x', 'y', 'z']");
        };
    }

    public static String name(int axis) {
        return String.valueOf("xyz".charAt(axis));
    }
}
