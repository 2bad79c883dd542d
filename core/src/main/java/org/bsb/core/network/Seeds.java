package org.bsb.core.network;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * Random streams per job, derived from (network seed, strategy name, chunk id) by a fixed
 * 64-bit mix, so the same seed gives the same network at any thread count and job order.
 */
public final class Seeds {
    private Seeds() {}

    /** A fresh seed for a compile without one (stored in the network file). */
    public static long draw() {
        return new SecureRandom().nextLong() & Long.MAX_VALUE;
    }

    /** The seed of the job of {@code strategy} in {@code chunkId}. */
    public static long jobSeed(long seed, String strategy, long chunkId) {
        long h = mix(seed);
        h = mix(h ^ fnv1a(strategy));
        return mix(h ^ (chunkId * 0x9E3779B97F4A7C15L));
    }

    /** The job's stream. */
    public static SplittableRandom stream(long seed, String strategy, long chunkId) {
        return new SplittableRandom(jobSeed(seed, strategy, chunkId));
    }

    /** 64-bit FNV-1a of the UTF-8 bytes: stable across JVMs, unlike {@code String.hashCode} mixing. */
    static long fnv1a(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** Stafford's variant 13 of the SplitMix64 finalizer. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
