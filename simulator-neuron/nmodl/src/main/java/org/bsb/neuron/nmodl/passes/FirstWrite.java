package org.bsb.neuron.nmodl.passes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bsb.neuron.nmodl.ast.Ast.*;
import org.bsb.neuron.nmodl.ast.BinaryOp;
import org.bsb.neuron.nmodl.ast.UnaryOp;
import org.bsb.neuron.nmodl.model.*;

/**
 * For the one-method form of KINETIC solves (residual and Jacobian in locals), two rewrites of the
 * contributions:
 * <ul>
 *   <li>The first contribution to a local, outside any IF or loop, assigns instead of adding to 0.0: it saves
 *       an addition per non-zero (x + 0.0 is not foldable for the compiler, because of -0.0). A subtraction
 *       becomes the negation, and -(a - b) of two locals b - a (the same value up to the sign of a zero).</li>
 *   <li>An off-diagonal Jacobian entry whose first contribution is a subtraction is stored negated (-J) and
 *       its later contributions flip: mass-action schemes have mostly such entries, and HotSpot emits a
 *       sign-flip instruction for each use of a negated value, where these solves are bound by the length
 *       of their machine code. The elimination compensates exactly (the printer's sparse elimination reads
 *       {@link KineticSystem.ScalarForm#negated}).</li>
 * </ul>
 */
public final class FirstWrite implements Pass {
    @Override
    public String name() {
        return "first-write";
    }

    @Override
    public void run(Model m) {
        if (!m.scalarKinetics) return;
        for (Map.Entry<String, SolvedBlock> e : m.solved.entrySet()) {
            if (e.getValue() instanceof SolvedBlock.Kinetic k) {
                e.setValue(new SolvedBlock.Kinetic(k.block(), k.system().withScalar(rewrite(k.system()))));
            }
        }
    }

    @Override
    public String dump(Model m) {
        return SolvedDump.solved(m.solved);
    }

    /** The scalar form of a system. */
    public static KineticSystem.ScalarForm rewrite(KineticSystem sys) {
        Rewriter r = new Rewriter(sys.size());
        List<Stmt> body = r.body(sys.body(), 0);
        List<Stmt> time = r.body(sys.timeTerms(), 0);
        return new KineticSystem.ScalarForm(body, time, r.negated);
    }

    private static final class Rewriter {
        private final int n;
        /** Locals given a value so far (at any depth: one first written inside a branch is not first after it). */
        private final Set<SysVar> assigned = new HashSet<>();

        final Set<Integer> negated = new HashSet<>();

        Rewriter(int n) {
            this.n = n;
        }

        List<Stmt> body(List<Stmt> in, int nesting) {
            List<Stmt> out = new ArrayList<>();
            for (Stmt s : in) {
                if (s instanceof SysAssign a) out.add(contribution(a, nesting));
                else if (s instanceof If i)
                    out.add(new If(i.cond(), body(i.then(), nesting + 1), body(i.otherwise(), nesting + 1)));
                else if (s instanceof While w) out.add(new While(w.cond(), body(w.body(), nesting + 1)));
                else if (s instanceof From f)
                    out.add(new From(f.var(), f.from(), f.to(), f.by(), body(f.body(), nesting + 1), f.pos()));
                else out.add(s);
            }
            return out;
        }

        private SysAssign contribution(SysAssign a, int nesting) {
            SysVar t = a.target();
            boolean accumulates = a.op() != AssignOp.SET;
            if (!accumulates || (t.kind() != SysKind.RESIDUAL && t.kind() != SysKind.JACOBIAN)) return a;
            boolean first = assigned.add(t) && nesting == 0;
            Integer pos = t.kind() == SysKind.JACOBIAN ? t.index() : null;
            Expr e = a.value();
            if (first) {
                if (a.op() == AssignOp.ADD) return new SysAssign(t, AssignOp.SET, e);
                if (pos != null && pos % (n + 1) != 0) {
                    negated.add(pos);
                    return new SysAssign(t, AssignOp.SET, e);
                }
                if (e instanceof Binary b
                        && b.op() == BinaryOp.SUB
                        && b.left() instanceof Ref
                        && b.right() instanceof Ref) {
                    return new SysAssign(t, AssignOp.SET, new Binary(BinaryOp.SUB, b.right(), b.left()));
                }
                return new SysAssign(t, AssignOp.SET, new Unary(UnaryOp.NEG, e));
            }
            if (pos != null && negated.contains(pos)) {
                return new SysAssign(t, a.op() == AssignOp.ADD ? AssignOp.SUB : AssignOp.ADD, e);
            }
            return a;
        }
    }
}
