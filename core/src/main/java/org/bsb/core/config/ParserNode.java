package org.bsb.core.config;

import java.util.List;
import java.util.Map;
import org.bsb.api.Default;

/**
 * A morphology's {@code parser}: the parser service (default {@code bsb}, the original's SWC
 * parser), the SWC tag map ({@code 16: [dendrites, proximal_dendrites]}, added to the default
 * tags 1 soma, 2 axon, 3 dendrites; a single label may stand for a one-element list) and any
 * further keys of that parser.
 */
public record ParserNode(@Default("bsb") String parser, Map<Integer, List<String>> tags, Parameters parameters) {
    public ParserNode {
        tags = Maps.copy(tags);
        parameters = parameters == null ? Parameters.none() : parameters;
    }
}
