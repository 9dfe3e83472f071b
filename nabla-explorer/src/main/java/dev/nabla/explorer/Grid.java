package dev.nabla.explorer;

import dev.nabla.symbolic.CompiledFormula;
import dev.nabla.symbolic.Formula;

import java.util.ArrayList;
import java.util.List;

/**
 * Values of f on a regular grid over a window, and gradient arrows on a coarser grid, for the contour map and
 * the surface. Points where f is undefined are null.
 *
 * @param x      the grid's x coordinates, increasing
 * @param y      the grid's y coordinates, increasing
 * @param z      z[j][i] = f(x[i], y[j])
 * @param arrows each arrow is [x, y, ∂f/∂x, ∂f/∂y] at a point of the arrow grid where ∇f is defined
 */
record Grid(double[] x, double[] y, Double[][] z, List<double[]> arrows) {

    /** A rectangle [xmin, xmax] × [ymin, ymax]. */
    record Window(double xmin, double xmax, double ymin, double ymax) {
        Window {
            if (!(xmin < xmax && ymin < ymax)) {
                throw ApiException.badRequest("the window must have xmin < xmax and ymin < ymax");
            }
            if (xmax - xmin > 1e6 || ymax - ymin > 1e6) {
                throw ApiException.badRequest("the window must be at most 1e6 wide and high");
            }
        }

        static Window of(Body window) {
            return new Window(window.number("xmin", -3), window.number("xmax", 3),
                    window.number("ymin", -3), window.number("ymax", 3));
        }
    }

    /**
     * Samples f on resolution × resolution points and ∇f on arrows × arrows points of the window, with the
     * compiled program of f ({@link Formula#compile()}).
     */
    static Grid sample(Formula formula, Window w, int resolution, int arrows) {
        return sample(formula, w, resolution, arrows, new double[0]);
    }

    /**
     * The same on the plane where the coordinates after x and y are held at {@code rest} (the slice z = z₀ of a
     * field of (x, y, z)); the arrows are then (∂f/∂x, ∂f/∂y) there.
     */
    static Grid sample(Formula formula, Window w, int resolution, int arrows, double[] rest) {
        var f = formula.compile();
        double[] xs = axis(w.xmin(), w.xmax(), resolution);
        double[] ys = axis(w.ymin(), w.ymax(), resolution);
        double[] p = new double[2 + rest.length];
        System.arraycopy(rest, 0, p, 2, rest.length);
        Double[][] z = new Double[resolution][resolution];
        for (int j = 0; j < resolution; j++) {
            for (int i = 0; i < resolution; i++) {
                p[0] = xs[i];
                p[1] = ys[j];
                try {
                    z[j][i] = Numbers.finiteOrNull(f.value(p));
                } catch (ArithmeticException undefined) {
                    z[j][i] = null;
                }
            }
        }
        blankPoles(f, xs, ys, z, rest);
        double[] ax = axis(w.xmin(), w.xmax(), arrows + 1);
        double[] ay = axis(w.ymin(), w.ymax(), arrows + 1);
        double[] g = new double[p.length];
        List<double[]> field = new ArrayList<>();
        for (int j = 0; j < arrows; j++) {
            for (int i = 0; i < arrows; i++) {
                // arrows sit at the centres of the arrow grid's cells, away from the window's edges
                p[0] = (ax[i] + ax[i + 1]) / 2;
                p[1] = (ay[j] + ay[j + 1]) / 2;
                try {
                    f.valueAndGradient(p, g);
                } catch (ArithmeticException undefined) {
                    continue;
                }
                if (Double.isFinite(g[0]) && Double.isFinite(g[1])) {
                    field.add(new double[] {p[0], p[1], g[0], g[1]});
                }
            }
        }
        return new Grid(xs, ys, z, field);
    }

    /** Bisection steps that tell a pole from a zero between two grid points. */
    private static final int BISECTIONS = 40;

    /**
     * Leaves out (null) the two grid points of every edge that straddles a pole, so that no contour line is drawn
     * through it: across a pole f changes sign by jumping through infinity, and a contour plot would draw the level
     * curves f = c for every c in between along the pole. An edge whose ends have opposite signs is bisected on the
     * sign change; at a zero of a continuous f the bracket's values shrink to 0, at a pole they grow (or f is
     * undefined on the way). At most 8 edges per grid line are examined (a highly oscillating f has many sign
     * changes and no room for poles between them).
     */
    static void blankPoles(CompiledFormula f, double[] xs, double[] ys, Double[][] z, double[] rest) {
        int n = xs.length;
        List<int[]> poles = new ArrayList<>();
        int budget = 8 * 2 * n;
        for (int j = 0; j < n && budget > 0; j++) {
            for (int i = 0; i < n && budget > 0; i++) {
                for (int[] d : new int[][] {{1, 0}, {0, 1}}) {
                    int i2 = i + d[0];
                    int j2 = j + d[1];
                    if (i2 >= n || j2 >= n || z[j][i] == null || z[j2][i2] == null
                            || Math.signum(z[j][i]) * Math.signum(z[j2][i2]) >= 0) {
                        continue;
                    }
                    budget--;
                    if (pole(f, rest, xs[i], ys[j], z[j][i], xs[i2], ys[j2], z[j2][i2])) {
                        poles.add(new int[] {j, i});
                        poles.add(new int[] {j2, i2});
                    }
                }
            }
        }
        for (int[] p : poles) {
            z[p[0]][p[1]] = null;
        }
    }

    /** Whether f jumps through infinity between a and b, where f(a) and f(b) have opposite signs. */
    private static boolean pole(CompiledFormula f, double[] rest, double ax, double ay, double fa, double bx, double by,
                                double fb) {
        double start = Math.max(Math.abs(fa), Math.abs(fb));
        double[] p = new double[2 + rest.length];
        System.arraycopy(rest, 0, p, 2, rest.length);
        double lo = 0;
        double hi = 1;
        double flo = fa;
        double fhi = fb;
        for (int k = 0; k < BISECTIONS; k++) {
            double mid = (lo + hi) / 2;
            p[0] = ax + mid * (bx - ax);
            p[1] = ay + mid * (by - ay);
            double fm;
            try {
                fm = f.value(p);
            } catch (ArithmeticException undefined) {
                return true;
            }
            if (!Double.isFinite(fm)) {
                return true;
            }
            if (fm == 0) {
                return false;
            }
            if (Math.signum(fm) == Math.signum(flo)) {
                lo = mid;
                flo = fm;
            } else {
                hi = mid;
                fhi = fm;
            }
        }
        return Math.min(Math.abs(flo), Math.abs(fhi)) > start;
    }

    static double[] axis(double from, double to, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = from + (to - from) * i / (n - 1);
        }
        return a;
    }
}
