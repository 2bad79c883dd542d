package org.bsb.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A service whose config node carries parameters of its own (VoxelIntersection's
 * {@code affinity}, a spike generator's {@code start}). The core binds the node to the record
 * type given here, applies its defaults and reports errors with their config paths.
 *
 * <p>Record components use the config's snake_case keys through the record's component names
 * in camelCase ({@code voxelsPre} binds {@code voxels_pre}); a component annotated
 * {@link Required} must be present; absent ones take their {@link Default} value (or that of
 * the record's {@code public static final DEFAULTS} instance, if it has one); numbers may be
 * limited with {@link Range}. Components may be String, boolean/int/long/double (boxed or not),
 * enums (matched case-insensitively), lists, maps (String or Integer keys), nested records,
 * {@link org.bsb.api.geometry.Point3} (a list of 3 numbers, or one number for all three) and
 * Object (any plain value: String, Long, Double, Boolean, List, Map).
 */
@ConsumerType
public interface Parameterized<P extends Record> {
    Class<P> parameterType();
}
