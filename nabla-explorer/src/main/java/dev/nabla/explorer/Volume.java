package dev.nabla.explorer;

import dev.nabla.symbolic.CompiledFormula;
import dev.nabla.symbolic.Formula;

/**
 * A field of (x, y, z) sampled on a regular 3-D grid, for drawing its level surfaces {f = c} (the page draws the
 * one through the point, with the normal ∇f there). The points are listed with x slowest and z fastest; every
 * array has resolution³ entries.
 *
 * @param x      the x coordinate of each point
 * @param y      the y coordinate of each point
 * @param z      the z coordinate of each point
 * @param values f at each point, null where f is undefined or not finite
 */
record Volume(double[] x, double[] y, double[] z, Double[] values) {
    /** Most grid points per axis (32³ = 32 768 points). */
    static final int MAX_RESOLUTION = 32;

    static Volume sample(Formula formula, Grid.Window xy, double zmin, double zmax, int resolution) {
        CompiledFormula f = formula.compile();
        double[] xs = Grid.axis(xy.xmin(), xy.xmax(), resolution);
        double[] ys = Grid.axis(xy.ymin(), xy.ymax(), resolution);
        double[] zs = Grid.axis(zmin, zmax, resolution);
        int n = resolution * resolution * resolution;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        Double[] values = new Double[n];
        double[] p = new double[3];
        int k = 0;
        for (double px : xs) {
            for (double py : ys) {
                for (double pz : zs) {
                    p[0] = px;
                    p[1] = py;
                    p[2] = pz;
                    x[k] = px;
                    y[k] = py;
                    z[k] = pz;
                    try {
                        values[k] = Numbers.finiteOrNull(f.value(p));
                    } catch (ArithmeticException undefined) {
                        values[k] = null;
                    }
                    k++;
                }
            }
        }
        return new Volume(x, y, z, values);
    }
}
