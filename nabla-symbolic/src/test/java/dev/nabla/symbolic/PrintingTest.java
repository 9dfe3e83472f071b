package dev.nabla.symbolic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Simplified results read as a person writes them; plain text parses back; LaTeX renders the same mathematics. */
class PrintingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "1*x + 0              | x",
        "x^1                  | x",
        "-(-x)                | x",
        "x + x                | 2*x",
        "x*x^2                | x^3",
        "x^2*x^-2             | 1",
        "2*3*x                | 6*x",
        "x - x                | 0",
        "(x*y)^2              | x^2*y^2",
        "(2*x)^3              | 8*x^3",
        "x/x                  | 1",
        "2^10                 | 1024",
        "x + 2*x - 3*x + y    | y",
        "-(x - y)             | -(x - y)",
        "z - (x - y)          | y - x + z",
        "x - y - (x - y)      | 0",
        "(x + y)*(-(x + y))   | -(x + y)^2",
        "1 - x                | 1 - x",
        "-x - 1               | -x - 1",
        "x*y + y*x            | 2*x*y",
        "3*(x + 1) - 3        | 3*x",
        "(x + 1)^2            | (x + 1)^2",
        "x^2 + x + 1          | x^2 + x + 1",
        "1 + x + x^2          | x^2 + x + 1",
        "sqrt(4) + log(1)     | 2",
        "exp(0)*x             | x",
        "sin(x)*2             | 2*sin(x)",
        "(x^2)^3              | x^6",
        "x^0.5*x^0.5          | x",
        "2^x*2^x              | 2^(2*x)",
        "min(x, x)            | x",
        "if(x < 1, y, y)      | y",
        "if(1 < 2, x, y)      | x",
        "x^(-y)               | x^(-y)",
        "(x^2)^y              | (x^2)^y",
        "(-2)^x               | (-2)^x",
        "-x^2/(2*y)           | -x^2/(2*y)",
        "a*b/(c*d)            | a*b/(c*d)",
        "sin(x)^2             | sin(x)^2",
        "1/sin(x)^2           | 1/sin(x)^2",
        "x^y^z                | x^y^z",
        "x/3                  | x/3",
        "-2*x/7               | -2*x/7",
        "-x/7                 | -x/7",
        "0.5*x                | x/2",
        "max(x, y, z)         | max(x, y, z)",
        "min(x, 1, y, 2)      | min(x, 1, y, 2)",
        "max(max(x, y), z)    | max(x, y, z)",
        "max(x, max(y, z))    | max(x, max(y, z))",
        "hypot(x, y, z)       | hypot(x, y, z)",
        "norm(x, y, z)        | hypot(x, y, z)",
        "norm(x - 1)          | abs(x - 1)",
        "sum(x, y, 2*x)       | 3*x + y",
        "1/3                  | 1/3",
        "-1/3 + x             | x - 1/3",
        "0.1 + 0.2            | 0.3",
        "0.1*3                | 0.3",
        "1.5*x                | 3*x/2",
        "x/3 + x/6            | x/2",
        "(1/3)^2              | 1/9",
        "8^(1/3)              | 2",
        "4^(-1/2)             | 0.5",
        "2^(1/2)              | 2^0.5",
        "(-8)^(1/3)           | (-8)^(1/3)",
        "x^(1/3)              | x^(1/3)",
        "x^(-2/3)/3           | x^(-2/3)/3",
        "sqrt(1/4)            | 0.5",
        "1e-5*x               | 1e-5*x",
        "2.302585092994046*x  | 2.302585092994046*x",
        "tanh(20)             | tanh(20)",
        "100000000000000000000001 - 100000000000000000000000 | 1",
    })
    void canonicalFormIsHumanForm(String input, String expected) {
        Formula f = Formula.parse(input);
        assertThat(f.toString()).isEqualTo(expected);
        assertThat(Formula.parse(f.toString()).expression()).isSameAs(f.expression());
    }

    @ParameterizedTest(name = "simplify {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "log(exp(x))              | x",
        "sqrt(x^2)                | abs(x)",
        "abs(abs(x))              | abs(x)",
        "abs(-2*x)                | 2*abs(x)",
        "sin(-x)                  | -sin(x)",
        "cos(-x)                  | cos(x)",
        "sin(x)^2 + cos(x)^2      | 1",
        "3*sin(y)^2 + 3*cos(y)^2 + x | x + 3",
        "cosh(x)^2 - sinh(x)^2    | 1",
        "r^2*cos(t)^2 + r^2*sin(t)^2 | r^2",
        "2*r*x*cos(t)^2 + 2*r*x*sin(t)^2 + 1 | 2*r*x + 1",
        "(x*sin(y)^2 + x*cos(y)^2)*z | x*z",
        "3*v*cosh(u)^2 - 3*v*sinh(u)^2 | 3*v",
        "sin(x)^2 + cos(x)^2*y    | y*cos(x)^2 + sin(x)^2",
        "(2*r*cos(t)^2 + 2*r*sin(t)^2)/(r^2*cos(t)^2 + r^2*sin(t)^2) | 2/r",
    })
    void simplifyAppliesFunctionIdentities(String input, String expected) {
        assertThat(Formula.parse(input).simplify().toString()).isEqualTo(expected);
    }

    @Test
    void theGradientOfTheWorkedExampleHasNoArtifacts() {
        for (Formula g : Formula.parse("x^2*sin(y) + y^3").gradientFormulas()) {
            assertThat(g.toString()).doesNotContain("1*", "+ 0", "^1", "--", "+ -", "((");
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "x^2*sin(y) + y^3          | x^{2} \\sin\\left(y\\right) + y^{3}",
        "x/sqrt(x^2 + y^2)         | \\frac{x}{\\sqrt{x^{2} + y^{2}}}",
        "2*x/(x^2 + y^2)           | \\frac{2 x}{x^{2} + y^{2}}",
        "exp(x*y)                  | e^{x y}",
        "cbrt(x)                   | \\sqrt[3]{x}",
        "log(x) + log10(x) + log2(x) | \\ln\\left(x\\right) + \\log_{10}\\left(x\\right) + \\log_{2}\\left(x\\right)",
        "asin(theta)               | \\arcsin\\left(\\theta\\right)",
        "x1^2                      | x_{1}^{2}",
        "sin(x)^2                  | \\left(\\sin\\left(x\\right)\\right)^{2}",
        "2*pi*r                    | 2 \\pi r",
        "1e-7*x                    | 1 \\cdot 10^{-7} x",
        "speed*2                   | 2 \\mathrm{speed}",
        "(x + 1)^2                 | \\left(x + 1\\right)^{2}",
        "max(x, y) - sign(x)       | \\max\\left(x, y\\right) - \\operatorname{sgn}\\left(x\\right)",
        "1/3                       | \\frac{1}{3}",
        "x - 1/3                   | x - \\frac{1}{3}",
        "x^(1/3)                   | x^{\\frac{1}{3}}",
        "0.5*x                     | \\frac{x}{2}",
        "2*x/3                     | \\frac{2 x}{3}",
    })
    void latex(String input, String expected) {
        assertThat(Formula.parse(input).toLatex()).isEqualTo(expected);
    }

    @Test
    void absoluteValueLatex() {
        assertThat(Formula.parse("abs(x - 1)").toLatex()).isEqualTo("\\left|x - 1\\right|");
    }

    @Test
    void piecewiseLatexUsesCases() {
        assertThat(Formula.parse("if(x == 0 and y != 0, 0, x/y)").toLatex()).isEqualTo(
                "\\begin{cases} 0 & \\text{if } x = 0 \\land y \\ne 0 \\\\ \\frac{x}{y} & \\text{otherwise} \\end{cases}");
        assertThat(Formula.parse("if(not x <= 1 or y >= 2, 1, 2)").toLatex()).isEqualTo(
                "\\begin{cases} 1 & \\text{if } \\lnot x \\le 1 \\lor y \\ge 2 \\\\ 2 & \\text{otherwise} \\end{cases}");
    }
}
