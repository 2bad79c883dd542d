package org.bsb.neuron.nmodl.model;

import java.util.List;
import org.bsb.neuron.nmodl.ast.Ast.Callable;
import org.bsb.neuron.nmodl.ast.Ast.Stmt;

/** A block named by a SOLVE statement, rewritten for the method that solves it. */
public sealed interface SolvedBlock {
    Callable block();

    /** The Java method that advances the block's states (its name is all the caller needs). */
    String method();

    /** cnexp: the block with each {@code x' = f} replaced by its exact step ({@code CnexpStep}). */
    record Cnexp(Callable block, List<Stmt> body) implements SolvedBlock {
        @Override
        public String method() {
            return "cnexp_" + block.name();
        }
    }

    /** euler: the block writing each x' into row k of the DERIVATIVE scratch array. */
    record Euler(Callable block, List<String> states, List<Stmt> derivatives) implements SolvedBlock {
        @Override
        public String method() {
            return "euler_" + block.name();
        }
    }

    /**
     * derivimplicit (also cnexp's fallback for a nonlinear equation): backward Euler by Newton with the
     * symbolic Jacobian; {@code derivatives} writes x' and d x'/d x. A system linear in its states takes one
     * Newton step; {@code finalEvaluation}: the block runs once more with the final states.
     */
    record Implicit(
            Callable block, List<String> states, List<Stmt> derivatives, boolean linear, boolean finalEvaluation)
            implements SolvedBlock {
        @Override
        public String method() {
            return "implicit_" + block.name();
        }
    }

    /** KINETIC, as a system of amount balances (see {@link KineticSystem}). */
    record Kinetic(Callable block, KineticSystem system) implements SolvedBlock {
        @Override
        public String method() {
            return "sparse_" + block.name();
        }
    }

    /**
     * LINEAR (one direct solve) or NONLINEAR (Newton): each {@code ~} equation as its row of the Jacobian
     * and of the residual.
     */
    record Algebraic(Callable block, List<String> states, boolean nonlinear, List<Stmt> body) implements SolvedBlock {
        @Override
        public String method() {
            return (nonlinear ? "nonlinear_" : "linear_") + block.name();
        }
    }

    /** SOLVE of a PROCEDURE: a call. */
    record Procedure(Callable block) implements SolvedBlock {
        @Override
        public String method() {
            return "p_" + block.name();
        }
    }
}
