package org.bsb.neuron.spi;

/**
 * Where a mechanism sends events (NMODL {@code net_send} and {@code net_event}). Provided by
 * the engine through {@link MechContext#events}; calls are only valid from
 * {@link Mechanism#init}, {@link Mechanism#state} and {@link Mechanism#netReceive}.
 */
public interface EventSink {
    /**
     * A self-event ({@code net_send(delay, flag)}): {@link Mechanism#netReceive} of the same
     * instance is called with {@code flag} at absolute time {@code time}, with no weights.
     */
    void netSend(Mechanism mechanism, int instance, double time, double flag);

    /**
     * A spike of this instance ({@code net_event(t)}), e.g. of an artificial cell: every
     * connection whose source is this instance delivers it after its delay.
     */
    void netEvent(Mechanism mechanism, int instance, double time);
}
