package dev.nabla.core.run;

import dev.nabla.core.ad.Real;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.core.ir.ArrayDecl;
import dev.nabla.core.ir.Loops;
import dev.nabla.core.ir.Program;
import dev.nabla.core.ir.Vec;
import dev.nabla.core.ir.VecFunction;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * Seeded random functions for the traced path, each written once against {@link Real}, {@link Vec} and
 * {@link Loops} so that it runs both traced (compiled) and eagerly on the tape: straight-line scalar programs,
 * loops with several nonlinear carries (whose values the reverse sweep must store), loops reading x_i and
 * x_{i+1} and a loop-invariant value, nested loops reading the outer carry, reductions (max, log-sum-exp), and
 * materialised vectors ({@link Vec#tabulate}), one of them inside a loop, read by a reduction.
 * Operations are domain-safe (log, sqrt, pow of a² + c; asin, acos, atanh of bounded values) and carries stay
 * bounded (each update goes through tanh, sin or atan, or is damped), so no value overflows over many iterations.
 */
final class TracedPrograms {

    /** A random scalar field with its description, for failure messages. */
    record Case(StringBuilder text, int n, VecFunction f, long seed) {
        RealFunction eager() {
            return x -> f.apply(Vec.of(x));
        }

        @Override
        public String toString() {
            return text + " (n = " + n + ", seed " + seed + ")";
        }
    }

    private record Op1(String name, UnaryOperator<Real> f) {
    }

    private record Op2(String name, BinaryOperator<Real> f) {
    }

    static final List<Op1> UNARY = List.of(
            new Op1("sin", Real::sin), new Op1("cos", Real::cos), new Op1("atan", Real::atan),
            new Op1("tanh", Real::tanh), new Op1("asinh", Real::asinh), new Op1("exp∘sin", a -> a.sin().exp()),
            new Op1("log(a²+0.5)", a -> a.square().add(0.5).log()), new Op1("sqrt(a²+0.3)", a -> a.square().add(0.3).sqrt()),
            new Op1("cbrt(a²+0.4)", a -> a.square().add(0.4).cbrt()), new Op1("1/(a²+0.6)", a -> a.square().add(0.6).reciprocal()),
            new Op1("(a²+0.7)^1.3", a -> a.square().add(0.7).pow(1.3)), new Op1("a³", a -> a.pow(3)),
            new Op1("asin(0.9 tanh)", a -> a.tanh().multiply(0.9).asin()), new Op1("acos(0.9 sin)", a -> a.sin().multiply(0.9).acos()),
            new Op1("atanh(0.8 tanh)", a -> a.tanh().multiply(0.8).atanh()), new Op1("acosh(a²+1.5)", a -> a.square().add(1.5).acosh()),
            new Op1("tan(0.6 atan)", a -> a.atan().multiply(0.6).tan()), new Op1("neg", Real::negate),
            new Op1("2.5a", a -> a.multiply(2.5)), new Op1("a+1.5", a -> a.add(1.5)), new Op1("a/3", a -> a.divide(3)),
            new Op1("a²", Real::square), new Op1("sinh∘tanh", a -> a.tanh().sinh()), new Op1("cosh∘tanh", a -> a.tanh().cosh()));

    static final List<Op2> BINARY = List.of(
            new Op2("+", Real::add), new Op2("-", Real::subtract), new Op2("*", Real::multiply),
            new Op2("a/(b²+0.8)", (a, b) -> a.divide(b.square().add(0.8))),
            new Op2("atan2(a²+0.5, b)", (a, b) -> a.square().add(0.5).atan2(b)),
            new Op2("hypot(a, b²+0.3)", (a, b) -> a.hypot(b.square().add(0.3))),
            new Op2("(a²+0.5)^sin b", (a, b) -> a.square().add(0.5).pow(b.sin())));

    static final List<Op1> KINKED_UNARY = List.of(new Op1("abs", Real::abs), new Op1("sign·a", a -> a.sign().multiply(a)));

    static final List<Op2> KINKED_BINARY = List.of(new Op2("max", Real::max), new Op2("min", Real::min));

    /** A random expression over the given leaves. */
    static Real expr(SplittableRandom r, Real[] leaves, int depth, boolean kinks, StringBuilder text) {
        if (depth == 0 || r.nextInt(4) == 0) {
            int k = r.nextInt(leaves.length);
            text.append('v').append(k);
            return leaves[k];
        }
        if (r.nextBoolean()) {
            Op1 op = kinks && r.nextInt(4) == 0 ? KINKED_UNARY.get(r.nextInt(KINKED_UNARY.size()))
                    : UNARY.get(r.nextInt(UNARY.size()));
            text.append(op.name).append('(');
            Real a = expr(r, leaves, depth - 1, kinks, text);
            text.append(')');
            return op.f.apply(a);
        }
        Op2 op = kinks && r.nextInt(4) == 0 ? KINKED_BINARY.get(r.nextInt(KINKED_BINARY.size()))
                : BINARY.get(r.nextInt(BINARY.size()));
        text.append(op.name).append('(');
        Real a = expr(r, leaves, depth - 1, kinks, text);
        text.append(", ");
        Real b = expr(r, leaves, depth - 1, kinks, text);
        text.append(')');
        return op.f.apply(a, b);
    }

    /**
     * The function of the given kind drawn from seed: 0 straight-line over x, 1 a loop with two carries, 2 a
     * loop reading x_i, x_{i+1} and an invariant, 3 nested loops reading the outer carry, 4 reductions,
     * 5 materialised vectors (one at the top, one inside a loop reading its carry).
     * The same seed gives the same function, traced or eager.
     */
    static Case of(int kind, long seed, int n, boolean kinks) {
        StringBuilder desc = new StringBuilder();
        VecFunction f = x -> {
            SplittableRandom r = new SplittableRandom(seed);
            StringBuilder t = new StringBuilder();
            Real y = switch (kind) {
                case 0 -> {
                    Real[] leaves = new Real[n];
                    for (int i = 0; i < n; i++) {
                        leaves[i] = x.get(i);
                    }
                    yield expr(r, leaves, 4, kinks, t);
                }
                case 1 -> {
                    long s1 = r.nextLong();
                    long s2 = r.nextLong();
                    Real[] s = Loops.fori(0, n, new Real[] {x.get(0).multiply(0.5), x.get(n - 1).sin()}, (i, c) -> {
                        Real xi = x.get(i);
                        Real a = expr(new SplittableRandom(s1), new Real[] {c[0], c[1], xi}, 3, kinks, new StringBuilder());
                        Real b = expr(new SplittableRandom(s2), new Real[] {c[0], c[1], xi}, 3, kinks, new StringBuilder());
                        return new Real[] {c[0].multiply(0.5).add(a.tanh()), c[1].multiply(0.7).add(b.sin())};
                    });
                    t.append("loop with carries s, t: s ← s/2 + tanh(E1(s, t, x_i)), t ← 0.7 t + sin(E2(s, t, x_i))");
                    yield s[0].multiply(s[1]).add(s[0]);
                }
                case 2 -> {
                    Real c = expr(r, new Real[] {x.get(0), x.get(n - 1)}, 2, kinks, t);
                    t.append(" = c; Σ_i E(x_i, x_{i+1}, c)");
                    long s1 = r.nextLong();
                    yield Loops.fori(0, n - 1, 0.0, (i, s) -> s.add(
                            expr(new SplittableRandom(s1), new Real[] {x.get(i), x.get(i.plus(1)), c}, 3, kinks, new StringBuilder())));
                }
                case 3 -> {
                    t.append("Σ_i atan(Σ_j E(x_i, x_j, s))");
                    long s1 = r.nextLong();
                    yield Loops.fori(0, n, 0.0, (i, s) -> {
                        Real xi = x.get(i);
                        Real inner = Loops.fori(0, n, 0.0, (j, u) -> u.add(
                                expr(new SplittableRandom(s1), new Real[] {xi, x.get(j), s}, 2, kinks, new StringBuilder())));
                        return s.add(inner.atan());
                    });
                }
                case 5 -> {
                    long s1 = r.nextLong();
                    long s2 = r.nextLong();
                    Vec e = x.map(v -> expr(new SplittableRandom(s1), new Real[] {v}, 2, kinks, new StringBuilder())).materialize();
                    t.append("e = materialised map E1; loop s ← s/2 + tanh(lse(tabulate_j E2(e_j, x_i, s))); s + Σ e");
                    Real w = Loops.fori(0, n, 0.0, (i, s) -> {
                        Real xi = x.get(i);
                        Vec z = Vec.tabulate(n, j -> expr(new SplittableRandom(s2), new Real[] {e.get(j), xi, s}, 2, kinks,
                                new StringBuilder()));
                        return s.multiply(0.5).add(z.logSumExp().tanh());
                    });
                    yield w.add(e.sum());
                }
                default -> {
                    long s1 = r.nextLong();
                    Vec m = x.map(v -> expr(new SplittableRandom(s1), new Real[] {v}, 2, kinks, new StringBuilder()));
                    t.append("lse(map E) + max(map E) · Σ x_i²");
                    yield m.logSumExp().add(m.max().multiply(x.squaredNorm()));
                }
            };
            if (desc.length() == 0) {
                desc.append(t);
            }
            return y;
        };
        return new Case(desc, n, f, seed);
    }

    static double[] point(SplittableRandom r, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble(-1.5, 1.5);
        }
        return x;
    }

    /** Runs a program on the given arrays (by role; buffers allocated) with kernel k; its outputs. */
    static double[] run(Kernel k, Program p, double[] x, double[] direction, double[] cotangent, double[] gradient) {
        double[][] a = new double[p.arrays().size()][];
        for (int j = 0; j < a.length; j++) {
            ArrayDecl d = p.arrays().get(j);
            a[j] = switch (d.role()) {
                case INPUT -> x;
                case DIRECTION -> direction;
                case COTANGENT -> cotangent;
                case GRADIENT -> gradient;
                case GRADIENT_TANGENT -> null;
                case CONSTANT -> p.data(j);
                case BUFFER -> new double[d.length()];
            };
        }
        double[] out = new double[p.outputs().length];
        k.run(a, p.constants(), out);
        return out;
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
