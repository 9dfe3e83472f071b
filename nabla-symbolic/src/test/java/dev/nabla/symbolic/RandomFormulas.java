package dev.nabla.symbolic;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Seeded random formulas over x, y, z using every function, operator and construct of the language, each
 * with an independent oracle: the text (fully parenthesised) and a plain-Java evaluation of the same
 * mathematics. Arguments of functions with restricted domains are wrapped so that every point is inside the
 * domain (log(a^2 + 0.5), asin(0.9*sin(a)), …); kinks and jumps (abs, sign, min, max, if) are kept and are
 * met only on sets of measure zero.
 */
final class RandomFormulas {
    /** A formula as text with its oracle. */
    record Sample(String text, ToDoubleFunction<double[]> oracle) {
        double at(double... p) {
            return oracle.applyAsDouble(p);
        }
    }

    private static final String[] VARS = {"x", "y", "z"};
    private static final double[] NUMBERS = {0.5, 1, 2, 3, 1.5, 0.25};
    private static final int OPERATIONS = 38;

    private final SplittableRandom random;

    RandomFormulas(long seed) {
        this.random = new SplittableRandom(seed);
    }

    Sample next(int depth) {
        if (depth == 0 || random.nextInt(10) < 2) {
            return leaf();
        }
        Sample a = next(depth - 1);
        Sample b = next(depth - 1);
        switch (random.nextInt(OPERATIONS)) {
            case 0: return bin(a, "+", b, (p, q) -> p + q);
            case 1: return bin(a, "-", b, (p, q) -> p - q);
            case 2: return bin(a, "*", b, (p, q) -> p * q);
            case 3: return s("(" + a.text + ")/((" + b.text + ")^2 + 0.5)", x -> a.at(x) / (sq(b.at(x)) + 0.5));
            case 4: return s("(" + a.text + ")^2", x -> sq(a.at(x)));
            case 5: return s("(" + a.text + ")^3", x -> Math.pow(a.at(x), 3));
            case 6: return s("((" + a.text + ")^2 + 0.5)^-1.5", x -> Math.pow(sq(a.at(x)) + 0.5, -1.5));
            case 7: return s("((" + a.text + ")^2 + 1)^sin(" + b.text + ")", x -> Math.pow(sq(a.at(x)) + 1, Math.sin(b.at(x))));
            case 8: return s("-(" + a.text + ")", x -> -a.at(x));
            case 9: return s("sin(" + a.text + ")", x -> Math.sin(a.at(x)));
            case 10: return s("cos(" + a.text + ")", x -> Math.cos(a.at(x)));
            case 11: return s("tan(0.5*sin(" + a.text + "))", x -> Math.tan(0.5 * Math.sin(a.at(x))));
            case 12: return s("sec(0.5*sin(" + a.text + "))", x -> 1 / Math.cos(0.5 * Math.sin(a.at(x))));
            case 13: return s("csc(1 + 0.5*sin(" + a.text + "))", x -> 1 / Math.sin(1 + 0.5 * Math.sin(a.at(x))));
            case 14: return s("cot(1 + 0.5*sin(" + a.text + "))", x -> 1 / Math.tan(1 + 0.5 * Math.sin(a.at(x))));
            case 15: return s("asin(0.9*sin(" + a.text + "))", x -> Math.asin(0.9 * Math.sin(a.at(x))));
            case 16: return s("acos(0.9*cos(" + a.text + "))", x -> Math.acos(0.9 * Math.cos(a.at(x))));
            case 17: return s("atan(" + a.text + ")", x -> Math.atan(a.at(x)));
            case 18: return s("atan2(" + a.text + ", (" + b.text + ")^2 + 0.5)", x -> Math.atan2(a.at(x), sq(b.at(x)) + 0.5));
            case 19: return s("sinh(sin(" + a.text + "))", x -> Math.sinh(Math.sin(a.at(x))));
            case 20: return s("cosh(sin(" + a.text + "))", x -> Math.cosh(Math.sin(a.at(x))));
            case 21: return s("tanh(" + a.text + ")", x -> Math.tanh(a.at(x)));
            case 22: return s("asinh(" + a.text + ")", x -> { double u = a.at(x); return Math.log(u + Math.sqrt(u * u + 1)); });
            case 23: return s("acosh((" + a.text + ")^2 + 1.5)", x -> { double u = sq(a.at(x)) + 1.5; return Math.log(u + Math.sqrt(u * u - 1)); });
            case 24: return s("atanh(0.9*sin(" + a.text + "))", x -> { double u = 0.9 * Math.sin(a.at(x)); return 0.5 * Math.log((1 + u) / (1 - u)); });
            case 25: return s("exp(sin(" + a.text + "))", x -> Math.exp(Math.sin(a.at(x))));
            case 26: return s((random.nextBoolean() ? "log" : "ln") + "((" + a.text + ")^2 + 0.5)", x -> Math.log(sq(a.at(x)) + 0.5));
            case 27: return s("log10((" + a.text + ")^2 + 0.5)", x -> Math.log10(sq(a.at(x)) + 0.5));
            case 28: return s("log2((" + a.text + ")^2 + 0.5)", x -> Math.log(sq(a.at(x)) + 0.5) / Math.log(2));
            case 29: return s("sqrt((" + a.text + ")^2 + 0.5)", x -> Math.sqrt(sq(a.at(x)) + 0.5));
            case 30: return s("cbrt((" + a.text + ") + 5)", x -> Math.cbrt(a.at(x) + 5));
            case 31: return s("abs(" + a.text + ")", x -> Math.abs(a.at(x)));
            case 32: return s("sign(" + a.text + ")*(" + b.text + ")", x -> Math.signum(a.at(x)) * b.at(x));
            case 33: return s("min(" + a.text + ", " + b.text + ")", x -> Math.min(a.at(x), b.at(x)));
            case 34: return s("max(" + a.text + ", " + b.text + ")", x -> Math.max(a.at(x), b.at(x)));
            case 35: return s("hypot(" + a.text + ", " + b.text + ")", x -> Math.hypot(a.at(x), b.at(x)));
            case 36: return s("pow((" + a.text + ")^2 + 0.5, 0.5)", x -> Math.sqrt(sq(a.at(x)) + 0.5));
            default: {
                Sample c = next(depth - 1);
                boolean compound = random.nextBoolean();
                String cond = compound ? "not (" + a.text + " < " + b.text + ") or " + c.text + " >= 1"
                        : a.text + " <= " + b.text;
                return s("if(" + cond + ", " + b.text + ", " + c.text + ")", x -> {
                    boolean t = compound ? !(a.at(x) < b.at(x)) || c.at(x) >= 1 : a.at(x) <= b.at(x);
                    return t ? b.at(x) : c.at(x);
                });
            }
        }
    }

    private Sample leaf() {
        int k = random.nextInt(10);
        if (k < 6) {
            int i = random.nextInt(VARS.length);
            return s(VARS[i], x -> x[i]);
        }
        if (k == 6) {
            return random.nextBoolean() ? s("pi", x -> Math.PI) : s("e", x -> Math.E);
        }
        double v = NUMBERS[random.nextInt(NUMBERS.length)];
        return s(dev.nabla.symbolic.expr.Numbers.format(v), x -> v);
    }

    /** A random point in [-2, 2]^3. */
    double[] point() {
        return new double[] {random.nextDouble(-2, 2), random.nextDouble(-2, 2), random.nextDouble(-2, 2)};
    }

    private static double sq(double v) {
        return v * v;
    }

    private static Sample s(String text, ToDoubleFunction<double[]> f) {
        return new Sample(text, f);
    }

    private interface Op {
        double apply(double p, double q);
    }

    private static Sample bin(Sample a, String op, Sample b, Op f) {
        return s("(" + a.text + ") " + op + " (" + b.text + ")", x -> f.apply(a.at(x), b.at(x)));
    }
}
