package dev.nabla.core.nonsmooth;

import dev.nabla.core.field.Vectors;
import dev.nabla.core.numeric.Numbers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * A compact convex set of gradients — a Clarke subdifferential ∂f(x) — in one of three readable shapes: an
 * {@link Interval} (n = 1), a {@link Ball}, or a {@link Polytope} (the convex hull of finitely many gradients,
 * a single gradient being the one-vertex case). Where f is continuously differentiable at x, ∂f(x) = {∇f(x)}.
 *
 * <p>{@link #support(double[])} is the Clarke generalised directional derivative f°(x; v) = max_{g ∈ ∂f(x)} g·v,
 * and the {@linkplain #minimumNormElement() minimum-norm element} gives the steepest-descent direction.
 */
public sealed interface ClarkeSet permits ClarkeSet.Interval, ClarkeSet.Ball, ClarkeSet.Polytope {

    /**
     * n, the dimension of the gradients.
     *
     * @return n, the dimension of the vectors
     */
    int dimension();

    /**
     * max_{g ∈ S} g·v.
     *
     * @param v a direction
     * @return σ(v) = max_{g ∈ ∂f} g·v, which is the Clarke derivative f°(x; v)
     */
    double support(double[] v);

    /**
     * The element of smallest norm.
     *
     * @return argmin_{g ∈ ∂f} ‖g‖
     */
    double[] minimumNormElement();

    /**
     * The Euclidean distance from g to the set.
     *
     * @param g a vector of the set's dimension
     * @return min_{h in the set} ‖g − h‖
     */
    double distance(double[] g);

    /**
     * True when g lies within {@code tolerance} of the set.
     *
     * @param g a vector of the set's dimension
     * @param tolerance the distance allowed
     * @return true when the distance is at most the tolerance
     */
    default boolean contains(double[] g, double tolerance) {
        return distance(g) <= tolerance;
    }

    /**
     * {g} — the subdifferential where f is continuously differentiable.
     *
     * @param g the gradient
     * @return the set {g}
     */
    static ClarkeSet point(double[] g) {
        return g.length == 1 ? new Interval(g[0], g[0]) : new Polytope(List.of(g));
    }

    /**
     * conv{points}, shown by its extreme points: an {@link Interval} in one dimension, otherwise a
     * {@link Polytope} without duplicate or interior points (a point is dropped when it lies within
     * 1e-8·max‖g‖ of the hull of the others, so that finite-difference gradients, accurate to about 1e-10,
     * that lie on an edge are dropped too).
     *
     * @param points gradients, at least one, of equal dimension
     * @return an interval, a point or a polytope
     */
    static ClarkeSet hull(List<double[]> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("the convex hull of no points is empty");
        }
        if (points.get(0).length == 1) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] p : points) {
                lo = Math.min(lo, p[0]);
                hi = Math.max(hi, p[0]);
            }
            return new Interval(lo, hi);
        }
        double scale = 0;
        for (double[] p : points) {
            scale = Math.max(scale, Vectors.norm(p));
        }
        double tol = 1e-8 * Math.max(scale, Double.MIN_NORMAL);
        List<double[]> extreme = new ArrayList<>();
        for (double[] p : points) {
            if (extreme.stream().noneMatch(q -> Vectors.norm(Vectors.subtract(p, q)) <= tol)) {
                extreme.add(p.clone());
            }
        }
        for (int i = extreme.size() - 1; i >= 0 && extreme.size() > 1; i--) {
            double[] p = extreme.get(i);
            List<double[]> others = new ArrayList<>(extreme);
            others.remove(i);
            if (new Polytope(others).distance(p) <= tol) {
                extreme.remove(i);
            }
        }
        return new Polytope(extreme);
    }

    /** [lower, upper] ⊂ R: the subdifferential of a function of one variable, e.g. ∂|x|(0) = [−1, 1]. */
    record Interval(double lower, double upper) implements ClarkeSet {
        /**
         * The canonical constructor (it checks and copies the components as the record requires).
         *
         * @param lower the left end a
         * @param upper the right end b ≥ a
         */
        public Interval {
            if (!(lower <= upper)) {
                throw new IllegalArgumentException("empty interval [" + lower + ", " + upper + "]");
            }
        }

        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public double support(double[] v) {
            return Math.max(lower * v[0], upper * v[0]);
        }

        @Override
        public double[] minimumNormElement() {
            return new double[] {Math.max(lower, Math.min(upper, 0))};
        }

        @Override
        public double distance(double[] g) {
            return Math.max(0, Math.max(lower - g[0], g[0] - upper));
        }

        @Override
        public String toString() {
            return lower == upper ? "{" + Numbers.format(lower) + "}"
                    : "[" + Numbers.format(lower) + ", " + Numbers.format(upper) + "]";
        }
    }

    /**
     * {g : ‖g − center‖ ≤ radius}: e.g. ∂‖·‖(0) = the closed unit ball.
     */
    record Ball(double[] center, double radius) implements ClarkeSet {
        /**
         * The canonical constructor (it checks and copies the components as the record requires).
         *
         * @param center the centre c
         * @param radius the radius r ≥ 0
         */
        public Ball {
            center = center.clone();
            if (!(radius >= 0)) {
                throw new IllegalArgumentException("radius must be ≥ 0, was " + radius);
            }
        }

        /**
         * The closed unit ball of R^n.
         *
         * @param n the dimension
         * @return {g : ‖g‖ ≤ 1}
         */
        public static Ball unit(int n) {
            return new Ball(new double[n], 1);
        }

        /** @return the centre c (a copy) */
        @Override
        public double[] center() {
            return center.clone();
        }

        @Override
        public int dimension() {
            return center.length;
        }

        @Override
        public double support(double[] v) {
            return Vectors.dot(center, v) + radius * Vectors.norm(v);
        }

        @Override
        public double[] minimumNormElement() {
            double c = Vectors.norm(center);
            return c <= radius ? new double[center.length] : Vectors.scale(1 - radius / c, center);
        }

        @Override
        public double distance(double[] g) {
            return Math.max(0, Vectors.norm(Vectors.subtract(g, center)) - radius);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Ball b && Arrays.equals(center, b.center) && Double.compare(radius, b.radius) == 0;
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(center) + Double.hashCode(radius);
        }

        @Override
        public String toString() {
            boolean origin = Arrays.stream(center).allMatch(c -> c == 0);
            if (origin && radius == 1) {
                return "unit ball {g : ‖g‖ ≤ 1}";
            }
            return "ball {g : ‖g − " + Numbers.format(center) + "‖ ≤ " + Numbers.format(radius) + "}";
        }
    }

    /**
     * conv{v_1, …, v_k}: e.g. ∂max(x, y) on x = y is conv{(1, 0), (0, 1)}.
     *
     * @param vertices the points whose hull this is (not necessarily all extreme; see {@link ClarkeSet#hull})
     */
    record Polytope(List<double[]> vertices) implements ClarkeSet {
        /**
         * The canonical constructor (it checks and copies the components as the record requires).
         *
         * @param vertices the points whose hull this is (not necessarily all extreme; see {@link ClarkeSet#hull})
         */
        public Polytope {
            if (vertices.isEmpty()) {
                throw new IllegalArgumentException("a polytope needs at least one vertex");
            }
            vertices = vertices.stream().map(double[]::clone).toList();
        }

        /** @return the points whose hull this is (not necessarily all extreme; see {@link ClarkeSet#hull}) */
        @Override
        public List<double[]> vertices() {
            return vertices.stream().map(double[]::clone).toList();
        }

        @Override
        public int dimension() {
            return vertices.get(0).length;
        }

        @Override
        public double support(double[] v) {
            double s = Double.NEGATIVE_INFINITY;
            for (double[] p : vertices) {
                s = Math.max(s, Vectors.dot(p, v));
            }
            return s;
        }

        @Override
        public double[] minimumNormElement() {
            return MinimumNormElement.of(vertices).element();
        }

        @Override
        public double distance(double[] g) {
            List<double[]> shifted = vertices.stream().map(p -> Vectors.subtract(p, g)).toList();
            return MinimumNormElement.of(shifted).norm();
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Polytope p) || p.vertices.size() != vertices.size()) {
                return false;
            }
            for (int i = 0; i < vertices.size(); i++) {
                if (!Arrays.equals(vertices.get(i), p.vertices.get(i))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int h = 1;
            for (double[] p : vertices) {
                h = 31 * h + Arrays.hashCode(p);
            }
            return h;
        }

        @Override
        public String toString() {
            if (vertices.size() == 1) {
                return "{" + Numbers.format(vertices.get(0)) + "}";
            }
            StringJoiner j = new StringJoiner(", ", "conv{", "}");
            for (double[] p : vertices) {
                j.add(Numbers.format(p));
            }
            return j.toString();
        }
    }
}
