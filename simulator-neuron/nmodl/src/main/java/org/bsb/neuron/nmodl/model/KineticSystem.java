package org.bsb.neuron.nmodl.model;

import java.util.List;
import java.util.Set;
import org.bsb.neuron.nmodl.ast.Ast.Stmt;
import org.bsb.neuron.nmodl.ast.Ast.Term;

/**
 * A KINETIC block as the backward-Euler system scopmath's sparse solves: amount balances over the
 * COMPARTMENT volumes. {@code body} is the block in order with each reaction replaced by its rates
 * ({@code Let}) and its contributions to the residual G = -(net production) and to J = dG/dx
 * ({@code SysAssign} on RESIDUAL and JACOBIAN), and each COMPARTMENT by its volumes (VOLUME).
 * {@code timeTerms} adds the time derivative's diagonal. CONSERVE rows replace their state's equation after
 * the block (they need the final volumes).
 *
 * @param pattern the Jacobian's non-zeros from the reactions (before CONSERVE rows replace theirs)
 * @param linear every reaction first order with state-independent rates (nocmodl's _linmat): one Newton step
 * @param finalEvaluation the block runs once more with the final states (see {@link Trees#needsFinalEvaluation})
 * @param scalar the form with the Newton system in locals of one method (made by the first-write pass), or null
 */
public record KineticSystem(
        List<String> states,
        List<Stmt> body,
        List<Stmt> timeTerms,
        boolean[][] pattern,
        List<ConserveRow> conserves,
        boolean linear,
        boolean finalEvaluation,
        ScalarForm scalar) {

    /** A CONSERVE statement: the row whose equation it replaces, the local holding its total, its terms. */
    public record ConserveRow(int row, String total, List<Term> terms) {}

    /**
     * The body and time terms with each first contribution to a local written as an assignment, and the
     * off-diagonal Jacobian entries that hold -J instead of J.
     */
    public record ScalarForm(List<Stmt> body, List<Stmt> timeTerms, Set<Integer> negated) {}

    public int size() {
        return states.size();
    }

    /** Whether {@code name} is the local of a CONSERVE total (the final evaluation does not need it). */
    public boolean isConserveTotal(String name) {
        for (ConserveRow c : conserves) if (c.total().equals(name)) return true;
        return false;
    }

    public KineticSystem withScalar(ScalarForm s) {
        return new KineticSystem(states, body, timeTerms, pattern, conserves, linear, finalEvaluation, s);
    }
}
