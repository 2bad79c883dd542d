package org.bsb.core.connectivity;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.bsb.api.geometry.ChunkId;

/**
 * Random streams of connection jobs, derived from (network seed, strategy name, chunk id) only,
 * so that a job draws the same numbers whichever thread runs it and whenever.
 */
public final class JobSeeds {
    private JobSeeds() {
    }

    public static long seed(long networkSeed, String strategyName, ChunkId chunk) {
        long h = mix(networkSeed ^ 0x636f6e6e65637421L);
        for (byte b : strategyName.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xFF));
        }
        return mix(h ^ chunk.id());
    }

    public static RandomGenerator random(long networkSeed, String strategyName, ChunkId chunk) {
        return new SplittableRandom(seed(networkSeed, strategyName, chunk));
    }

    /** SplitMix64's finalizer: a bijective scramble of all 64 bits. */
    static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
