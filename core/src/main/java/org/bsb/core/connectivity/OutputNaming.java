package org.bsb.core.connectivity;

import java.util.List;
import java.util.Map;

/** Names of the connectivity sets a strategy writes, as the original names them. */
public final class OutputNaming {
    private OutputNaming() {}

    /**
     * The set for connections from {@code preType} to {@code postType}: the strategy's name when
     * it has exactly one presynaptic and one postsynaptic cell type, else
     * {@code <name>_<pre>_to_<post>}; {@code output_naming} may replace it with a name for all
     * pairs or per {pre: {post: name}}, where null drops the pair (returns null).
     */
    public static String setName(ConnectivityTask task, String preType, String postType) {
        Object naming = task.outputNaming();
        if (naming instanceof Map<?, ?> byPre) {
            Object forPre = byPre.get(preType);
            naming = null;
            if (forPre instanceof Map<?, ?> byPost) {
                if (byPost.containsKey(postType) && byPost.get(postType) == null) {
                    return null;
                }
                naming = byPost.get(postType);
            } else if (forPre instanceof String s) {
                naming = s;
            }
        }
        if (naming instanceof List<?> l && l.size() == 1) {
            naming = l.get(0);
        }
        if (naming instanceof String s) {
            return s;
        }
        if (task.presynaptic().cellTypes().size() == 1
                && task.postsynaptic().cellTypes().size() == 1) {
            return task.name();
        }
        return task.name() + "_" + preType + "_to_" + postType;
    }
}
