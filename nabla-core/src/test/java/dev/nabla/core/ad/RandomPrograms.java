package dev.nabla.core.ad;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A seeded generator of random Real programs: operation trees over the elementary set and the array
 * primitives, with domain-safe arguments (log, sqrt, pow, acosh of a² + c; asin, acos, atanh of bounded values;
 * atan2 in the upper and lower half planes, so all four quadrants occur without crossing the branch cut).
 * Smooth programs avoid the non-smooth primitives so that finite differences are a valid oracle; programs with
 * kinks add abs, sign, max and min.
 */
final class RandomPrograms {

    /** A random function of n variables with its text, for failure messages. */
    record Program(String text, int n, RealFunction f) {
        @Override
        public String toString() {
            return text;
        }
    }

    private record Expr(String text, Function<Real[], Real> eval) {
    }

    private record Op1(String template, UnaryOperator<Real> f) {
    }

    private record Op2(String template, BinaryOperator<Real> f) {
    }

    private static final double[][] A = {{1.5, -0.5}, {0.25, 2}};

    private static final List<Op1> SMOOTH_UNARY = List.of(
            new Op1("sin(%s)", Real::sin),
            new Op1("cos(%s)", Real::cos),
            new Op1("atan(%s)", Real::atan),
            new Op1("tanh(%s)", Real::tanh),
            new Op1("asinh(%s)", Real::asinh),
            new Op1("exp(sin(%s))", a -> a.sin().exp()),
            new Op1("sinh(tanh(%s))", a -> a.tanh().sinh()),
            new Op1("cosh(tanh(%s))", a -> a.tanh().cosh()),
            new Op1("log(%s^2 + 0.5)", a -> a.square().add(0.5).log()),
            new Op1("sqrt(%s^2 + 0.3)", a -> a.square().add(0.3).sqrt()),
            new Op1("cbrt(%s^2 + 0.4)", a -> a.square().add(0.4).cbrt()),
            new Op1("1/(%s^2 + 0.6)", a -> a.square().add(0.6).reciprocal()),
            new Op1("(%s^2 + 0.7)^1.3", a -> a.square().add(0.7).pow(1.3)),
            new Op1("%s^3", a -> a.pow(3)),
            new Op1("asin(0.9 tanh(%s))", a -> a.tanh().multiply(0.9).asin()),
            new Op1("acos(0.9 sin(%s))", a -> a.sin().multiply(0.9).acos()),
            new Op1("atanh(0.8 tanh(%s))", a -> a.tanh().multiply(0.8).atanh()),
            new Op1("acosh(%s^2 + 1.5)", a -> a.square().add(1.5).acosh()),
            new Op1("tan(0.6 atan(%s))", a -> a.atan().multiply(0.6).tan()),
            new Op1("-(%s)", Real::negate),
            new Op1("2.5 (%s)", a -> a.multiply(2.5)),
            new Op1("(%s + 1.5)", a -> a.add(1.5)),
            new Op1("(%s - 0.25)", a -> a.subtract(0.25)),
            new Op1("(%s)/3", a -> a.divide(3)),
            new Op1("(%s)^2", Real::square),
            new Op1("(%s + c(0.5))", a -> a.add(a.constant(0.5))));

    private static final List<Op2> SMOOTH_BINARY = List.of(
            new Op2("(%s + %s)", Real::add),
            new Op2("(%s - %s)", Real::subtract),
            new Op2("(%s * %s)", Real::multiply),
            new Op2("%s/(%s^2 + 0.8)", (a, b) -> a.divide(b.square().add(0.8))),
            new Op2("atan2(%s^2 + 0.5, %s)", (a, b) -> a.square().add(0.5).atan2(b)),
            new Op2("atan2(-(%s^2 + 0.5), %s)", (a, b) -> a.square().add(0.5).negate().atan2(b)),
            new Op2("hypot(%s, %s^2 + 0.3)", (a, b) -> a.hypot(b.square().add(0.3))),
            new Op2("(%s^2 + 0.5)^sin(%s)", (a, b) -> a.square().add(0.5).pow(b.sin())),
            new Op2("sum(%s, %s, 1)", (a, b) -> Reals.sum(new Real[] {a, b, a.constant(1)})),
            new Op2("dot((%s, %s), (0.5, -1.5))", (a, b) -> Reals.dot(new double[] {0.5, -1.5}, new Real[] {a, b})),
            new Op2("dot((%1$s, %2$s), (%2$s, 2))", (a, b) -> Reals.dot(new Real[] {a, b}, new Real[] {b, a.constant(2)})),
            new Op2("lse(%s, %s, 0.3)", (a, b) -> Reals.logSumExp(new Real[] {a, b, a.constant(0.3)})),
            new Op2("norm(%s, %s, 0.5)", (a, b) -> Reals.norm(new Real[] {a, b, a.constant(0.5)})),
            new Op2("sqnorm(%s, %s)", (a, b) -> Reals.squaredNorm(new Real[] {a, b})),
            new Op2("softmax(%s, %s, 0)[0]", (a, b) -> Reals.softmax(new Real[] {a, b, a.constant(0)})[0]),
            new Op2("axpy(%s, %s, 1)", (a, b) -> Reals.axpy(a, new Real[] {b}, new Real[] {a.constant(1)})[0]),
            new Op2("(A (%s, %s))[1]", (a, b) -> Reals.matVec(A, new Real[] {a, b})[1]),
            new Op2("((%1$s, 1; %2$s, %1$s) (%2$s, 0.5))[0] + [1]", (a, b) -> {
                Real[] y = Reals.matVec(new Real[] {a, a.constant(1), b, a}, 2, 2, new Real[] {b, b.constant(0.5)});
                return y[0].add(y[1]);
            }));

    private static final List<Op1> KINKED_UNARY = List.of(
            new Op1("abs(%s)", Real::abs),
            new Op1("sign(%s)", Real::sign));

    private static final List<Op2> KINKED_BINARY = List.of(
            new Op2("max(%s, %s)", Real::max),
            new Op2("min(%s, %s)", Real::min));

    private RandomPrograms() {
    }

    /** A smooth random program of n variables (every variable used), operation depth ≤ depth. */
    static Program smooth(SplittableRandom r, int n, int depth) {
        return program(r, n, depth, false);
    }

    /** A random program that may contain abs, sign, max, min. */
    static Program withKinks(SplittableRandom r, int n, int depth) {
        return program(r, n, depth, true);
    }

    private static Program program(SplittableRandom r, int n, int depth, boolean kinks) {
        Expr e = expr(r, n, depth, kinks);
        for (int i = 0; i < n; i++) {
            // make sure every variable occurs, so that every partial derivative is exercised
            Expr other = expr(r, n, 1, kinks);
            int v = i;
            Expr sum = e;
            e = new Expr(sum.text() + " + x" + v + "·" + other.text(),
                    x -> sum.eval().apply(x).add(x[v].multiply(other.eval().apply(x))));
        }
        Expr fin = e;
        return new Program(fin.text(), n, x -> fin.eval().apply(x));
    }

    private static Expr expr(SplittableRandom r, int n, int depth, boolean kinks) {
        if (depth == 0 || r.nextInt(5) == 0) {
            if (r.nextInt(4) == 0) {
                double c = Math.round(r.nextDouble(-2, 2) * 100) / 100.0;
                return new Expr(Double.toString(c), x -> x[0].constant(c));
            }
            int i = r.nextInt(n);
            return new Expr("x" + i, x -> x[i]);
        }
        boolean kinked = kinks && r.nextInt(4) == 0;
        if (r.nextBoolean()) {
            List<Op1> ops = kinked ? KINKED_UNARY : SMOOTH_UNARY;
            Op1 op = ops.get(r.nextInt(ops.size()));
            Expr a = expr(r, n, depth - 1, kinks);
            return new Expr(String.format(op.template(), a.text()), x -> op.f().apply(a.eval().apply(x)));
        }
        List<Op2> ops = kinked ? KINKED_BINARY : SMOOTH_BINARY;
        Op2 op = ops.get(r.nextInt(ops.size()));
        Expr a = expr(r, n, depth - 1, kinks);
        Expr b = expr(r, n, depth - 1, kinks);
        return new Expr(String.format(op.template(), a.text(), b.text()),
                x -> op.f().apply(a.eval().apply(x), b.eval().apply(x)));
    }

    /** A point with coordinates in {−1, 0, 1}, where non-smooth primitives often meet their kinks. */
    static double[] gridPoint(SplittableRandom r, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextInt(3) - 1;
        }
        return x;
    }

    /** A point with coordinates in [−1.5, 1.5]. */
    static double[] point(SplittableRandom r, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble(-1.5, 1.5);
        }
        return x;
    }
}
