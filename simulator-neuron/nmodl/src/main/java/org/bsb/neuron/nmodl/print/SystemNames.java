package org.bsb.neuron.nmodl.print;

import org.bsb.neuron.nmodl.ast.Ast.SysVar;

/** How a solver method names the parts of its system: locals of one method, or scratch arrays. */
@FunctionalInterface
interface SystemNames {
    String name(SysVar v);

    /** Scratch arrays: residual sG, Jacobian sJ, volumes sX, derivatives D and their Jacobian J. */
    SystemNames ARRAYS = v -> switch (v.kind()) {
        case RESIDUAL -> "sG[" + v.index() + "]";
        case JACOBIAN -> "sJ[" + v.index() + "]";
        case VOLUME -> "sX[" + v.index() + "]";
        case DERIVATIVE -> "D[" + v.index() + "]";
        case DERIVATIVE_JACOBIAN -> "J[" + v.index() + "]";
    };
}
