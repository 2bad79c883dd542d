package org.bsb.neuron.nmodl.passes;

import org.bsb.neuron.nmodl.model.Model;

/** One stage of the compiler: reads and extends the {@link Model}. */
public interface Pass {
    /** A short name, used in dumps ({@code 03-sema}). */
    String name();

    void run(Model model);

    /** The model after this pass, as text for a dump. */
    String dump(Model model);
}
