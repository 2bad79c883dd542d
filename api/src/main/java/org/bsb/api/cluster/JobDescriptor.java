package org.bsb.api.cluster;

import java.util.Objects;

/**
 * One compile job as plain data, all that crosses the wire to the member that runs it: strings and numbers only,
 * so no class of ours is deserialized on the other side. The member resolves {@code strategy} through its own
 * registry and refuses the job if it has no such service.
 *
 * @param phase {@link #PLACEMENT} or {@link #CONNECTIVITY}
 * @param name the config node's name ({@code placement.<name>}, {@code connectivity.<name>})
 * @param strategy the strategy service's config name ({@code bsb.placement.ParticlePlacement}, ...)
 * @param chunk the job's chunk id ({@code ChunkId.id()})
 * @param seed the network seed; the job's random streams are derived from it, its name and its chunk, so the result
 *     does not depend on which member runs it
 */
public record JobDescriptor(String phase, String name, String strategy, long chunk, long seed) {
    public static final String PLACEMENT = "placement";
    public static final String CONNECTIVITY = "connectivity";

    public JobDescriptor {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(strategy, "strategy");
        if (!phase.equals(PLACEMENT) && !phase.equals(CONNECTIVITY)) {
            throw new IllegalArgumentException("phase must be placement or connectivity, got '" + phase + "'");
        }
    }

    /** {@code placement.<name> (<strategy>) in chunk <id>}, for messages. */
    public String describe() {
        return phase + "." + name + " (" + strategy + ") in chunk " + chunk;
    }
}
