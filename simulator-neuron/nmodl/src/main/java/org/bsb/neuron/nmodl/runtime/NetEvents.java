package org.bsb.neuron.nmodl.runtime;

/** What generated NET_RECEIVE / INITIAL code calls for {@code net_send} and {@code net_event}. */
public interface NetEvents {
  /** Self-event to {@code instance} of {@code kernel} at {@code time}, carrying the sender's argument vector. */
  void netSend(CompiledKernel kernel, int instance, double time, double flag, double[] args);

  /** The instance (an artificial cell or a point process) emits a spike at {@code time}. */
  void netEvent(CompiledKernel kernel, int instance, double time);

  NetEvents NONE = new NetEvents() {
    @Override public void netSend(CompiledKernel k, int i, double time, double flag, double[] args) {
      throw new IllegalStateException(k.info().name() + ": net_send without an event queue");
    }

    @Override public void netEvent(CompiledKernel k, int i, double time) {}
  };
}
