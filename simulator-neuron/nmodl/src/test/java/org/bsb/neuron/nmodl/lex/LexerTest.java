package org.bsb.neuron.nmodl.lex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.bsb.neuron.nmodl.diag.NmodlException;
import org.junit.jupiter.api.Test;

/** The lexer alone: tokens with their kinds, texts, values and positions; what it drops and refuses. */
class LexerTest {
    private static String describe(Token t) {
        return t.line() + ":" + t.column() + " " + t.kind() + " " + t.text();
    }

    @Test
    void tokensOfARealSnippetWithPositions() {
        String src = """
        TITLE ignored title
        : a comment line
        DERIVATIVE states {
          m' = (minf - m) / 1.5e-3 ? a comment to the end of the line
          ~ 2 C <-> O (kf, kb)
        }
        """;
        List<String> got =
                Lexer.tokenize("t.mod", src).stream().map(LexerTest::describe).toList();
        assertEquals(
                List.of(
                        "3:1 NAME DERIVATIVE",
                        "3:12 NAME states",
                        "3:19 PUNCT {",
                        "4:3 PRIME m",
                        "4:6 PUNCT =",
                        "4:8 PUNCT (",
                        "4:9 NAME minf",
                        "4:14 PUNCT -",
                        "4:16 NAME m",
                        "4:17 PUNCT )",
                        "4:19 PUNCT /",
                        "4:21 NUMBER 1.5e-3",
                        "5:3 PUNCT ~",
                        "5:5 NUMBER 2",
                        "5:7 NAME C",
                        "5:9 PUNCT <->",
                        "5:13 NAME O",
                        "5:15 PUNCT (",
                        "5:16 NAME kf",
                        "5:18 PUNCT ,",
                        "5:20 NAME kb",
                        "5:22 PUNCT )",
                        "6:1 PUNCT }",
                        "7:1 EOF "),
                got);
    }

    @Test
    void numbersCarryTheirValueAndAnExponentNeedsDigits() {
        List<Token> t = Lexer.tokenize("n.mod", "x = .5e2 + 3e");
        assertEquals(Token.Kind.NUMBER, t.get(2).kind());
        assertEquals(50.0, t.get(2).number());
        // "3e" is the number 3 followed by the name e
        assertEquals(3.0, t.get(4).number());
        assertEquals("e", t.get(5).text());
        assertEquals(Token.Kind.NAME, t.get(5).kind());
    }

    @Test
    void commentBlocksAndUnitsSwitchesLeaveNoTokensButKeepLineNumbers() {
        List<Token> t = Lexer.tokenize("c.mod", "COMMENT\n a\n b\nENDCOMMENT UNITSOFF\nx");
        assertEquals("5:1 NAME x", describe(t.get(0)));
        assertEquals(Token.Kind.EOF, t.get(1).kind());
    }

    @Test
    void verbatimAndStrayCharactersAreErrorsWithTheirPosition() {
        NmodlException v = assertThrows(NmodlException.class, () -> Lexer.tokenize("v.mod", "x = 1\n  VERBATIM"));
        assertEquals(
                "v.mod:2:3: VERBATIM blocks embed C code and are not supported: rewrite the block in NMODL",
                v.getMessage());
        NmodlException u = assertThrows(NmodlException.class, () -> Lexer.tokenize("u.mod", "a = b \u00e9"));
        assertEquals("u.mod:1:7: unexpected character '\\u00e9'", u.getMessage());
    }
}
