package org.bsb.core.connectivity;

/** Names of the connectivity sets a strategy writes, as the original names them. */
public final class OutputNaming {
    private OutputNaming() {
    }

    /**
     * The strategy's name when it has exactly one presynaptic and one postsynaptic cell type,
     * else {@code <name>_<pre>_to_<post>}.
     */
    public static String setName(ConnectivityTask task, String preType, String postType) {
        if (task.presynaptic().cellTypes().size() == 1 && task.postsynaptic().cellTypes().size() == 1) {
            return task.name();
        }
        return task.name() + "_" + preType + "_to_" + postType;
    }
}
