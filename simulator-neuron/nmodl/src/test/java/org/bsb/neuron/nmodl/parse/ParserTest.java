package org.bsb.neuron.nmodl.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.bsb.neuron.nmodl.ast.Ast.*;
import org.bsb.neuron.nmodl.ast.AstDump;
import org.bsb.neuron.nmodl.ast.BinaryOp;
import org.bsb.neuron.nmodl.ast.BlockKind;
import org.bsb.neuron.nmodl.ast.ReactionKind;
import org.bsb.neuron.nmodl.ast.UnaryOp;
import org.bsb.neuron.nmodl.diag.NmodlException;
import org.junit.jupiter.api.Test;

/** The parser alone: the trees it builds (operators, precedence, blocks, reactions) and its errors. */
class ParserTest {
    private static final String MOD = """
      NEURON { SUFFIX p RANGE g }
      PARAMETER { g = 0.001 (S/cm2) <0, 1e9> }
      STATE { C O }
      BREAKPOINT { SOLVE kin METHOD sparse }
      KINETIC kin {
        ~ C <-> O (a(v), 2)
        ~ 2 O -> C (1)
        ~ O << (-g)
        CONSERVE C + O = 1
      }
      FUNCTION a(x) { a = -x + 2 * 3 ^ 2 ^ 2 / 4 - 1 < 0 && !(x > 1) }
      """;

    @Test
    void operatorsAsEnumsWithNmodlPrecedence() {
        ModFile m = Parser.parse("p.mod", MOD);
        Callable a = m.callables.get("a");
        assertEquals(BlockKind.FUNCTION, a.kind());
        Expr e = ((Assign) a.body().get(0)).value();
        // && binds loosest, then <, then + and -, then * and /, then ^ (right-associative), unary minus tightest
        assertEquals("(((((-x) + ((2 * (3 ^ (2 ^ 2))) / 4)) - 1) < 0) && (!(x > 1)))", AstDump.expr(e));
        Binary and = (Binary) e;
        assertEquals(BinaryOp.AND, and.op());
        assertEquals(BinaryOp.Kind.LOGICAL, and.op().kind);
        assertEquals(UnaryOp.NOT, ((Unary) and.right()).op());
        assertEquals(BinaryOp.LT, ((Binary) and.left()).op());
    }

    @Test
    void kineticBlockWithItsReactionKindsTermsAndConserve() {
        ModFile m = Parser.parse("p.mod", MOD);
        Callable kin = m.callables.get("kin");
        assertEquals(BlockKind.KINETIC, kin.kind());
        List<Stmt> body = kin.body();
        Reaction r0 = (Reaction) body.get(0);
        assertEquals(ReactionKind.REVERSIBLE, r0.kind());
        assertEquals("a(v)", AstDump.expr(r0.forward()));
        assertEquals("2", AstDump.expr(r0.backward()));
        Reaction r1 = (Reaction) body.get(1);
        assertEquals(ReactionKind.FORWARD, r1.kind());
        assertEquals(2, r1.lhs().get(0).coefficient());
        assertEquals("O", r1.lhs().get(0).state());
        assertNull(r1.backward());
        Reaction r2 = (Reaction) body.get(2);
        assertEquals(ReactionKind.FLUX, r2.kind());
        assertEquals(List.of(), r2.rhs());
        assertEquals("(-g)", AstDump.expr(r2.forward()));
        assertEquals(
                "CONSERVE C + O = 1",
                AstDump.statements(List.of(body.get(3)), 0).strip());
        assertEquals(new Pos(6, 3), r0.pos());
    }

    @Test
    void declarationsKeepValueAndLimits() {
        Decl g = Parser.parse("p.mod", MOD).parameters.get(0);
        assertEquals("g", g.name());
        assertEquals(0.001, g.value());
        assertEquals(0.0, g.low());
        assertEquals(1e9, g.high());
    }

    @Test
    void errorsNameFileLineAndColumn() {
        NmodlException e = assertThrows(
                NmodlException.class,
                () -> Parser.parse("bad.mod", "STATE { A B }\nKINETIC k {\n  ~ A <=> B (1, 2)\n}\n"));
        assertEquals("bad.mod:3:7: expected '<->', '->' or '<<' in reaction but found '<='", e.getMessage());
    }
}
