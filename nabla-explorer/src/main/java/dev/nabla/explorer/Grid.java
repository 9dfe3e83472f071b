package dev.nabla.explorer;

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
        var f = formula.compile();
        double[] xs = axis(w.xmin(), w.xmax(), resolution);
        double[] ys = axis(w.ymin(), w.ymax(), resolution);
        double[] p = new double[2];
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
        double[] ax = axis(w.xmin(), w.xmax(), arrows + 1);
        double[] ay = axis(w.ymin(), w.ymax(), arrows + 1);
        double[] g = new double[2];
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

    private static double[] axis(double from, double to, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = from + (to - from) * i / (n - 1);
        }
        return a;
    }
}
