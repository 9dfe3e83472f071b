package dev.nabla.core.prim;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded points for a primitive of the table, for every test that iterates it: special values (0, −0, ±1 and
 * their neighbours, tiny, huge, π/2, the switching points of erf) and random draws aimed at the kinks and domain
 * edges and spread over 60 decades; for binary primitives every pair of special values and a quarter of ties.
 */
public final class TablePoints {
    private static final double[] SPECIAL = {0, -0.0, 1, -1, 0.5, -0.5, 2, -2, 3, 1e-300, -1e-300, 1e-8, -1e-8,
        1e8, -1e8, 1e200, -1e200, Math.PI / 2, -Math.PI / 2, Math.nextUp(1.0), Math.nextDown(1.0),
        Math.nextUp(-1.0), Math.nextDown(-1.0), 1 - 1e-10, -1 + 1e-10, 1 + 1e-10, 30, -30, 700, -700, 2.5,
        Math.nextDown(2.5), 5.9, 6};

    private TablePoints() {
    }

    /** Seeded points (a, b) of p's domain where its value is finite (b = 0 for unary p), special values first. */
    public static List<double[]> points(Primitive p, int random) {
        List<double[]> all = new ArrayList<>();
        for (double a : SPECIAL) {
            if (p.arity() == 1) {
                all.add(new double[] {a, 0});
            } else {
                for (double b : SPECIAL) {
                    all.add(new double[] {a, b});
                }
            }
        }
        Random r = new Random(1234 + p.ordinal());
        for (int k = 0; k < random; k++) {
            double a = draw(r);
            all.add(new double[] {a, p.arity() == 2 ? (r.nextInt(4) == 0 ? a : draw(r)) : 0});
        }
        return all.stream().filter(x -> p.domainViolation(x[0], x[1]) == null
                && Double.isFinite(p.value(x[0], x[1]))).toList();
    }

    /** Uniform in [−3, 3], a random magnitude in [1e-30, 1e30], a point near ±1, or near a multiple of π/2. */
    public static double draw(Random r) {
        double sign = r.nextBoolean() ? 1 : -1;
        return switch (r.nextInt(4)) {
            case 0 -> -3 + 6 * r.nextDouble();
            case 1 -> sign * Math.pow(10, -30 + 60 * r.nextDouble());
            case 2 -> sign * (1 + (r.nextBoolean() ? 1 : -1) * Math.pow(10, -1 - 14 * r.nextDouble()));
            default -> r.nextInt(5) * Math.PI / 2 + sign * Math.pow(10, -1 - 10 * r.nextDouble());
        };
    }
}
