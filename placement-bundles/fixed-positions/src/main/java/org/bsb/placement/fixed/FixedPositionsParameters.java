package org.bsb.placement.fixed;

import java.util.List;
import org.bsb.api.Required;

/**
 * FixedPositions' own config: {@code positions}, a list of [x, y, z] in µm.
 */
public record FixedPositionsParameters(@Required List<List<Double>> positions) {}
