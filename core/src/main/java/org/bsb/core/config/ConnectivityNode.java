package org.bsb.core.config;

import java.util.List;
import org.bsb.api.Required;

/**
 * A connection strategy node. {@code output_naming} (a name, a list of names, or
 * {pre: {post: name}}) is kept as a plain value; see {@link #setNames(String)} for the sets it makes.
 */
public record ConnectivityNode(
        @Required String strategy,
        @Required Hemitype presynaptic,
        @Required Hemitype postsynaptic,
        List<String> dependsOn,
        Object outputNaming,
        Parameters parameters) {
    public ConnectivityNode {
        dependsOn = Maps.copy(dependsOn);
        parameters = parameters == null ? Parameters.none() : parameters;
    }

    /**
     * The connectivity sets this strategy writes, as in the original: its own name for one pre
     * and one post type, else {@code <name>_<pre>_to_<post>} per pair; {@code output_naming}
     * may rename them (a string or list for all pairs, or per pre/post; null drops a pair).
     */
    public List<String> setNames(String name) {
        List<String> out = new java.util.ArrayList<>();
        boolean single =
                presynaptic.cellTypes().size() == 1 && postsynaptic.cellTypes().size() == 1;
        for (String pre : presynaptic.cellTypes()) {
            for (String post : postsynaptic.cellTypes()) {
                Object naming = outputNaming;
                if (naming instanceof java.util.Map<?, ?> byPre) {
                    Object forPre = byPre.get(pre);
                    if (forPre instanceof java.util.Map<?, ?> byPost) {
                        if (byPost.containsKey(post) && byPost.get(post) == null) {
                            continue;
                        }
                        naming = byPost.get(post);
                    } else {
                        naming = null;
                    }
                }
                if (naming instanceof String s) {
                    out.add(s);
                } else if (naming instanceof List<?> names) {
                    names.forEach(n -> out.add(String.valueOf(n)));
                } else {
                    out.add(single ? name : name + "_" + pre + "_to_" + post);
                }
            }
        }
        return out;
    }
}
