package org.bsb.neuron.nmodl.passes;

import java.util.Map;
import org.bsb.neuron.nmodl.ast.AstDump;
import org.bsb.neuron.nmodl.model.*;

/** The solved blocks as text, for the dumps after the lowering passes. */
final class SolvedDump {
    private SolvedDump() {}

    /** The solved blocks as the passes rewrote them. */
    static String solved(Map<String, SolvedBlock> solved) {
        StringBuilder sb = new StringBuilder();
        solved.forEach((key, b) -> {
            sb.append("SOLVE ")
                    .append(key)
                    .append(" -> ")
                    .append(b.getClass().getSimpleName())
                    .append(' ')
                    .append(b.method())
                    .append('\n');
            if (b instanceof SolvedBlock.Cnexp c) sb.append(AstDump.statements(c.body(), 1));
            else if (b instanceof SolvedBlock.Euler e) sb.append(AstDump.statements(e.derivatives(), 1));
            else if (b instanceof SolvedBlock.Implicit d) {
                sb.append("  linear ")
                        .append(d.linear())
                        .append(", final evaluation ")
                        .append(d.finalEvaluation())
                        .append('\n')
                        .append(AstDump.statements(d.derivatives(), 1));
            } else if (b instanceof SolvedBlock.Algebraic a) sb.append(AstDump.statements(a.body(), 1));
            else if (b instanceof SolvedBlock.Kinetic k) sb.append(kinetic(k.system()));
        });
        return sb.toString();
    }

    private static String kinetic(KineticSystem s) {
        StringBuilder sb = new StringBuilder();
        sb.append("  states ")
                .append(s.states())
                .append(", linear ")
                .append(s.linear())
                .append(", final evaluation ")
                .append(s.finalEvaluation())
                .append('\n');
        for (KineticSystem.ConserveRow c : s.conserves()) {
            sb.append("  conserve row ")
                    .append(c.row())
                    .append(" = ")
                    .append(AstDump.terms(c.terms()))
                    .append(" - ")
                    .append(c.total())
                    .append('\n');
        }
        if (s.scalar() == null) {
            sb.append(AstDump.statements(s.body(), 1)).append(AstDump.statements(s.timeTerms(), 1));
        } else {
            sb.append("  negated ")
                    .append(new java.util.TreeSet<>(s.scalar().negated()))
                    .append('\n')
                    .append(AstDump.statements(s.scalar().body(), 1))
                    .append(AstDump.statements(s.scalar().timeTerms(), 1));
        }
        return sb.toString();
    }
}
