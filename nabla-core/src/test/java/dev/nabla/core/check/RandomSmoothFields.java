package dev.nabla.core.check;

import dev.nabla.core.field.ScalarField;
import dev.nabla.core.field.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Seeded random smooth fields with hand-derived gradients: f(x) = scale·Σ_k c_k φ_k(a_k·x + b_k) + offset,
 * φ ∈ {sin, exp, z², z³, log(1 + z²)}, plus products x_i x_j. Each term's gradient is kept so that tests can
 * plant a "missing term" error.
 */
record RandomSmoothFields(String description, int n, double[] point, List<Term> terms, double scale, double offset) {

    interface Term {
        double value(double[] x);

        double[] gradient(double[] x);
    }

    record Ridge(String kind, double c, double[] a, double b) implements Term {
        public double value(double[] x) {
            double z = Vectors.dot(a, x) + b;
            return c * switch (kind) {
                case "sin" -> Math.sin(z);
                case "exp" -> Math.exp(z);
                case "square" -> z * z;
                case "cube" -> z * z * z;
                default -> Math.log1p(z * z);
            };
        }

        public double[] gradient(double[] x) {
            double z = Vectors.dot(a, x) + b;
            double d = c * switch (kind) {
                case "sin" -> Math.cos(z);
                case "exp" -> Math.exp(z);
                case "square" -> 2 * z;
                case "cube" -> 3 * z * z;
                default -> 2 * z / (1 + z * z);
            };
            return Vectors.scale(d, a);
        }
    }

    record Product(double c, int i, int j) implements Term {
        public double value(double[] x) {
            return c * x[i] * x[j];
        }

        public double[] gradient(double[] x) {
            double[] g = new double[x.length];
            g[i] += c * x[j];
            g[j] += c * x[i];
            return g;
        }
    }

    ScalarField field() {
        return x -> {
            double s = 0;
            for (Term t : terms) {
                s += t.value(x);
            }
            return scale * s + offset;
        };
    }

    Function<double[], double[]> gradient() {
        return x -> gradientWithout(-1).apply(x);
    }

    /** The gradient with term k left out (k = −1: nothing left out). */
    Function<double[], double[]> gradientWithout(int k) {
        return x -> {
            double[] g = new double[n];
            for (int t = 0; t < terms.size(); t++) {
                if (t != k) {
                    g = Vectors.add(g, terms.get(t).gradient(x));
                }
            }
            return Vectors.scale(scale, g);
        };
    }

    private static final String[] KINDS = {"sin", "exp", "square", "cube", "log1p"};

    /** A well-scaled field: 2–5 terms in n ≤ 6 variables, x in [−1.5, 1.5]^n. */
    static RandomSmoothFields generic(long seed) {
        return generate("generic", seed, 1, 0, 1);
    }

    /** f scaled to values near 1e8 (or 1e-8 when {@code tiny}). */
    static RandomSmoothFields scaled(long seed, boolean tiny) {
        return generate(tiny ? "times 1e-8" : "times 1e8", seed, tiny ? 1e-8 : 1e8, 0, 1);
    }

    /** f + 1e8: small variations on a huge value, where rounding dominates. */
    static RandomSmoothFields offset(long seed) {
        return generate("plus 1e8", seed, 1, 1e8, 1);
    }

    /** A steep exponential exp(a·x + b) with ‖a‖ between 10 and 40, plus smooth terms. */
    static RandomSmoothFields steep(long seed) {
        return generate("steep exponential", seed, 1, 0, 25);
    }

    private static RandomSmoothFields generate(String description, long seed, double scale, double offset, double steepness) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 1 + r.nextInt(6);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble(-1.5, 1.5);
        }
        List<Term> terms = new ArrayList<>();
        int count = 2 + r.nextInt(4);
        for (int k = 0; k < count; k++) {
            double c = (r.nextBoolean() ? 1 : -1) * r.nextDouble(0.5, 2);
            if (n > 1 && r.nextInt(5) == 0) {
                terms.add(new Product(c, r.nextInt(n), r.nextInt(n)));
                continue;
            }
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = r.nextDouble(-1.5, 1.5);
            }
            terms.add(new Ridge(KINDS[r.nextInt(KINDS.length)], c, a, r.nextDouble(-1, 1)));
        }
        if (steepness > 1) {
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = r.nextDouble(-1, 1);
            }
            double norm = Vectors.norm(a);
            a = Vectors.scale(r.nextDouble(10, 40) / Math.max(norm, 1e-3), a);
            // keep the exponent within ±40 at x so that the value stays finite and meaningful
            double b = -Vectors.dot(a, x) + r.nextDouble(-20, 40);
            terms.add(new Ridge("exp", 1, a, b));
        }
        return new RandomSmoothFields(description + " #" + seed, n, x, List.copyOf(terms), scale, offset);
    }

    @Override
    public String toString() {
        return description + " (n = " + n + ")";
    }
}
