package org.bsb.neuron.cable;

/**
 * Where the connections (NetCons) lead: the group that holds each connection's target, each source's
 * connections, and the exchange interval their shortest delay allows. Built once per run from the network
 * and the groups' layouts; read-only afterwards.
 *
 * @param targetPoint per connection, the network point (point process or artificial cell) it targets
 * @param targetGroup per connection, the group that holds its target, or -1 when another rank holds it
 * @param delay per connection, its delay (ms)
 * @param bySource per spike source, its connections in connection id order
 */
record EventRouting(int[] targetPoint, int[] targetGroup, double[] delay, int[][] bySource) {

    /** The routing of {@code net}'s connections to the groups laid out as {@code layouts}. */
    static EventRouting of(Network net, GroupLayout[] layouts) {
        int nconn = net.connections.size();
        int[] targetPoint = new int[nconn];
        int[] targetGroup = new int[nconn];
        double[] delay = new double[nconn];
        for (int k = 0; k < nconn; k++) {
            Network.ConnSpec c = net.connections.get(k);
            targetPoint[k] = c.target();
            delay[k] = c.delay();
            targetGroup[k] = -1;
            for (int g = 0; g < layouts.length; g++) {
                if (layouts[g].pointSlot()[c.target()] >= 0) {
                    targetGroup[k] = g;
                }
            }
        }
        return new EventRouting(targetPoint, targetGroup, delay, bySource(net));
    }

    /** Each source's connections, in connection id order. */
    static int[][] bySource(Network net) {
        int[][] out = new int[net.sources.size()][];
        int[] cnt = new int[net.sources.size()];
        for (Network.ConnSpec c : net.connections) {
            cnt[c.source()]++;
        }
        for (int s = 0; s < cnt.length; s++) {
            out[s] = new int[cnt[s]];
            cnt[s] = 0;
        }
        for (int k = 0; k < net.connections.size(); k++) {
            int s = net.connections.get(k).source();
            out[s][cnt[s]++] = k;
        }
        return out;
    }

    /** The connections' weights, a copy per run (a NET_RECEIVE block may change its connection's weights). */
    static double[][] initialWeights(Network net) {
        double[][] weights = new double[net.connections.size()][];
        for (int k = 0; k < weights.length; k++) {
            weights[k] = net.connections.get(k).weights().clone();
        }
        return weights;
    }

    /** The shortest connection delay, ms; infinite without connections. */
    double minDelay() {
        double minDelay = Double.POSITIVE_INFINITY;
        for (double d : delay) {
            minDelay = Math.min(minDelay, d);
        }
        return minDelay;
    }

    /**
     * Steps between spike exchanges: {@code minDelay - dt} (at least one step), so an event can never be due
     * inside the interval that produced it; without connections the whole run ({@code steps}, at least 1).
     */
    int exchangeSteps(double dt, int steps) {
        double minDelay = minDelay();
        return minDelay == Double.POSITIVE_INFINITY
                ? Math.max(steps, 1)
                : Math.max(1, (int) Math.floor(minDelay / dt + 1e-9) - 1);
    }

    /**
     * Queues the events of a spike sent at {@code sendTime} by {@code source} at the groups its connections
     * target (those of this rank; another rank queues its own).
     */
    void route(int source, double sendTime, CellGroup[] groups) {
        for (int nc : bySource[source]) {
            int g = targetGroup[nc];
            if (g >= 0) {
                groups[g].enqueueConnection(nc, sendTime + delay[nc]);
            }
        }
    }
}
