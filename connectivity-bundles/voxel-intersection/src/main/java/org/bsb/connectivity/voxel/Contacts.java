package org.bsb.connectivity.voxel;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.bsb.api.connectivity.ConnectivityException;

/**
 * The {@code contacts} parameter: a number, or a distribution node as the original's
 * {@code types.distribution()} ({@code {distribution: norm, loc: 2, scale: 0.5}}), of which a
 * draw's integer part (truncated toward zero, as {@code int()}) is the number of synapses.
 * Supported: {@code constant} ({@code value}), {@code norm} ({@code loc}, {@code scale}),
 * {@code uniform} (on [loc, loc + scale]), {@code randint} ([low, high)), {@code poisson}
 * ({@code mu}, {@code loc}).
 */
final class Contacts {
    private final String kind;
    private final double a;
    private final double b;

    private Contacts(String kind, double a, double b) {
        this.kind = kind;
        this.a = a;
        this.b = b;
    }

    static Contacts of(Object value) throws ConnectivityException {
        if (value == null) {
            return new Contacts("constant", 1, 0);
        }
        if (value instanceof Number n) {
            return new Contacts("constant", n.doubleValue(), 0);
        }
        if (value instanceof Map<?, ?> m) {
            Object d = m.get("distribution");
            String kind = d == null ? "" : d.toString();
            return switch (kind) {
                case "constant" -> new Contacts(kind, number(m, "value", 1), 0);
                case "norm" -> new Contacts(kind, number(m, "loc", 0), number(m, "scale", 1));
                case "uniform" -> new Contacts(kind, number(m, "loc", 0), number(m, "scale", 1));
                case "randint" -> new Contacts(kind, number(m, "low", 0), number(m, "high", Double.NaN));
                case "poisson" -> new Contacts(kind, number(m, "mu", Double.NaN), number(m, "loc", 0));
                default ->
                    throw new ConnectivityException("contacts: unsupported distribution '" + kind
                            + "'; expected a number or one of constant, norm, uniform, randint, poisson");
            };
        }
        throw new ConnectivityException("contacts: expected a number or a distribution node, got '" + value + "'");
    }

    private static double number(Map<?, ?> m, String key, double fallback) throws ConnectivityException {
        Object v = m.get(key);
        if (v == null) {
            if (Double.isNaN(fallback)) {
                throw new ConnectivityException(
                        "contacts: the " + m.get("distribution") + " distribution needs '" + key + "'");
            }
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new ConnectivityException("contacts." + key + ": expected a number, got '" + v + "'");
    }

    /** Whether every draw is the same (no random numbers used). */
    boolean constant() {
        return kind.equals("constant");
    }

    /** Synapses for one connected pair (may be 0 or negative: none). */
    int draw(RandomGenerator random) {
        double x = switch (kind) {
            case "norm" -> a + b * random.nextGaussian();
            case "uniform" -> a + b * random.nextDouble();
            case "randint" -> Math.floor(a + random.nextDouble() * (b - a));
            case "poisson" -> poisson(random, a) + b;
            default -> a;
        };
        return (int) x;
    }

    private static double poisson(RandomGenerator random, double mu) {
        if (mu > 50) {
            return Math.max(0, Math.round(mu + Math.sqrt(mu) * random.nextGaussian()));
        }
        double l = Math.exp(-mu), p = 1;
        int k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
