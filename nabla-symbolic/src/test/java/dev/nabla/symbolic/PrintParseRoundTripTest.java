package dev.nabla.symbolic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.symbolic.expr.Expr;
import dev.nabla.symbolic.expr.Function;
import dev.nabla.symbolic.expr.Numbers;
import dev.nabla.symbolic.expr.Relation;
import dev.nabla.symbolic.parse.Parser;
import dev.nabla.symbolic.print.PlainPrinter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * parse(print(e)) is e: seeded random expression DAGs of depth up to 7, built through the canonicalising
 * factories over every kind of node (n-ary sums and products, powers with numeric and symbolic exponents,
 * every function, if with comparisons and and/or/not), every variable spelling (x, y, z, x10, θ, a declared
 * e) and constant (π, e, awkward doubles such as 1/3, 1e-300, 1e21, 3.141592653589793), print back to the
 * identical node. And formulas typed with the new input forms (π, x², ·, ×, −, √, °, ≤) read exactly as the
 * same formula spelled in ASCII.
 */
class PrintParseRoundTripTest {
    private static final List<String> VARIABLES = List.of("x", "y", "z", "x10", "θ");
    /** With e declared as a variable, "e" reads as the variable, so Euler's number cannot be written as e. */
    private static final List<String> WITH_E = List.of("x", "y", "z", "x10", "θ", "e");
    private static final double[] NUMBERS = {0, 1, 2, 3, 0.5, 1.5, 10, 1.0 / 3, 2.0 / 3, 1.0 / 7, 0.1, 1e-7, 1e-300,
        1e21, 123456.789, Math.PI, Math.E, 4.9e-324, 1.7976931348623157e308};

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    /** Random expressions built with the factories, so every one is in canonical form. */
    static final class Expressions {
        private final SplittableRandom random;
        private final List<String> variables;

        Expressions(long seed, List<String> variables) {
            this.random = new SplittableRandom(seed);
            this.variables = variables;
        }

        Expr next(int depth) {
            if (depth == 0 || random.nextInt(8) == 0) {
                return leaf();
            }
            try {
                return node(depth);
            } catch (IllegalArgumentException overflow) {
                return leaf();   // a constant fold that overflows a double: the factories refuse it
            }
        }

        private Expr node(int depth) {
            switch (random.nextInt(10)) {
                case 0: case 1: return Expr.sum(operands(depth));
                case 2: case 3: return Expr.product(operands(depth));
                case 4: return Expr.negate(next(depth - 1));
                case 5: return Expr.divide(next(depth - 1), next(depth - 1));
                case 6: {
                    Expr exponent = random.nextBoolean() ? number() : next(depth - 1);
                    return Expr.power(next(depth - 1), exponent);
                }
                case 7: case 8: {
                    Function f = Function.values()[random.nextInt(Function.values().length)];
                    List<Expr> args = new ArrayList<>();
                    for (int i = 0; i < f.arity(); i++) {
                        args.add(next(depth - 1));
                    }
                    return Expr.call(f, args);
                }
                default:
                    return Expr.ifThenElse(condition(depth - 1), next(depth - 1), next(depth - 1));
            }
        }

        private List<Expr> operands(int depth) {
            List<Expr> xs = new ArrayList<>();
            int n = 2 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                xs.add(next(depth - 1));
            }
            return xs;
        }

        private Expr condition(int depth) {
            switch (depth <= 0 ? 4 : random.nextInt(5)) {
                case 0: return Expr.and(condition(depth - 1), condition(depth - 1));
                case 1: return Expr.or(condition(depth - 1), condition(depth - 1));
                case 2: return Expr.not(condition(depth - 1));
                default: {
                    Relation r = Relation.values()[random.nextInt(Relation.values().length)];
                    return Expr.compare(r, next(Math.max(0, depth - 1)), next(Math.max(0, depth - 1)));
                }
            }
        }

        private Expr leaf() {
            switch (random.nextInt(6)) {
                case 0: return random.nextBoolean() || variables.contains("e") ? Expr.PI : Expr.E;
                case 1: case 2: return number();
                default: return Expr.variable(variables.get(random.nextInt(variables.size())));
            }
        }

        private Expr number() {
            double v = NUMBERS[random.nextInt(NUMBERS.length)];
            return Expr.number(random.nextInt(4) == 0 ? -v : v);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void printedExpressionsParseBackToTheSameNode(long seed) {
        List<String> variables = seed % 2 == 0 ? VARIABLES : WITH_E;
        Expressions g = new Expressions(seed, variables);
        for (int i = 0; i < 10; i++) {
            Expr e = g.next(2 + (int) (seed % 6));
            if (!canonical(e)) {
                continue;   // the factories built a node they would not build again from its operands
            }
            String text = PlainPrinter.print(e);
            assertThat(Parser.parse(text, variables, ParseLimits.DEFAULT)).as(text).isSameAs(e);
        }
    }

    /**
     * True when every node is what the factories build from its own operands: the parser can only build such
     * nodes, so only they can round-trip. (Expr.sum scales an if(c, a, 0) term into c*if(…) without the product
     * rule a*if(c, b, 0) = if(c, a*b, 0), which no text can reproduce; that is an Expr matter, not the printer's.)
     */
    static boolean canonical(Expr e) {
        for (Expr n : e.topologicalOrder()) {
            try {
                if (n.withArgs(n.args()) != n) {
                    return false;
                }
            } catch (IllegalArgumentException overflow) {
                return false;
            }
        }
        return true;
    }

    /** The same random formula written twice: with the typed forms, and in ASCII. */
    record Spellings(String typed, String ascii) {
    }

    static final class TypedFormulas {
        private final SplittableRandom random;

        TypedFormulas(long seed) {
            random = new SplittableRandom(seed);
        }

        Spellings next(int depth) {
            if (depth == 0 || random.nextInt(6) == 0) {
                return leaf();
            }
            Spellings a = next(depth - 1);
            Spellings b = next(depth - 1);
            switch (random.nextInt(12)) {
                case 0: return binary(a, b, pick("·", "×", "⋅", "*"), "*");
                case 1: return binary(a, b, pick("−", "-"), "-");
                case 2: return binary(a, b, "+", "+");
                case 3: return binary(a, b, pick("÷", "/"), "/");
                case 4: {
                    int k = 1 + random.nextInt(12);
                    boolean negative = random.nextBoolean();
                    return s("(" + a.typed + ")" + superscript(negative ? -k : k), "(" + a.ascii + ")^" + (negative ? -k : k));
                }
                case 5: return s("√(" + a.typed + ")", "sqrt(" + a.ascii + ")");
                case 6: return s("∛(" + a.typed + ")", "cbrt(" + a.ascii + ")");
                case 7: return s("−(" + a.typed + ")", "-(" + a.ascii + ")");
                case 8: {
                    String f = pick("sin", "cos", "tan", "exp", "log", "atan");
                    int k = 2 + random.nextInt(3);
                    return s(f + superscript(k) + "(" + a.typed + ")", f + "(" + a.ascii + ")^" + k);
                }
                case 9: {
                    String[] rel = random.nextBoolean() ? new String[] {"≤", "<="} : random.nextBoolean()
                            ? new String[] {"≥", ">="} : new String[] {"≠", "!="};
                    Spellings c = next(depth - 1);
                    return s("if(" + a.typed + " " + rel[0] + " " + b.typed + ", " + b.typed + ", " + c.typed + ")",
                            "if(" + a.ascii + " " + rel[1] + " " + b.ascii + ", " + b.ascii + ", " + c.ascii + ")");
                }
                case 10: return s("√" + atom(a.typed), "sqrt(" + a.ascii + ")");
                default: return s("max(" + a.typed + ", " + b.typed + ")", "max(" + a.ascii + ", " + b.ascii + ")");
            }
        }

        /** a parenthesised unless it is a bare name or number. */
        private static String atom(String t) {
            return t.matches("[\\p{L}_][\\p{L}0-9_]*|[0-9.]+") ? t : "(" + t + ")";
        }

        private Spellings leaf() {
            switch (random.nextInt(8)) {
                case 0: return s("π", "pi");
                case 1: return s("e", "e");
                case 2: {
                    String v = pick("x", "y", "θ");
                    return s(v + "°", v + "*pi/180");
                }
                case 3: {
                    int deg = 15 * random.nextInt(25);
                    // a number of degrees is converted exactly: deg/180 times π
                    return s(deg + "°", "(" + deg + "/180*pi)");
                }
                case 4: {
                    String v = Numbers.format(NUMBERS[random.nextInt(NUMBERS.length)]);
                    return s(v, v);
                }
                default: {
                    String v = pick("x", "y", "z", "θ", "x10");
                    return s(v, v);
                }
            }
        }

        private String pick(String... options) {
            return options[random.nextInt(options.length)];
        }

        private static String superscript(int k) {
            String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
            StringBuilder b = new StringBuilder(k < 0 ? "⁻" : "");
            for (char c : Integer.toString(Math.abs(k)).toCharArray()) {
                b.append(digits.charAt(c - '0'));
            }
            return b.toString();
        }

        private static Spellings binary(Spellings a, Spellings b, String typed, String ascii) {
            return s("(" + a.typed + ") " + typed + " (" + b.typed + ")", "(" + a.ascii + ") " + ascii + " (" + b.ascii + ")");
        }

        private static Spellings s(String typed, String ascii) {
            return new Spellings(typed, ascii);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void typedFormulasReadAsTheirAsciiSpellingAndPrintBack(long seed) {
        TypedFormulas g = new TypedFormulas(seed);
        List<String> vars = List.of("x", "y", "z", "θ", "x10");
        for (int i = 0; i < 5; i++) {
            Spellings f = g.next(1 + (int) (seed % 6));
            Expr ascii;
            try {
                ascii = Parser.parse(f.ascii(), vars, ParseLimits.DEFAULT);
            } catch (ParseException overflow) {
                assertThat(overflow.problem()).as(f.ascii()).startsWith("constant overflow");
                continue;
            }
            Expr typed = Parser.parse(f.typed(), vars, ParseLimits.DEFAULT);
            assertThat(typed).as(f.typed() + "  vs  " + f.ascii()).isSameAs(ascii);
            assertThat(Parser.parse(PlainPrinter.print(typed), vars, ParseLimits.DEFAULT)).isSameAs(typed);
        }
    }
}
