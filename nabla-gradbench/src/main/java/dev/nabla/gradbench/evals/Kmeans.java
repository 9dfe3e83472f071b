package dev.nabla.gradbench.evals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.core.ad.AD;
import dev.nabla.core.ad.HessianVectorProduct;
import dev.nabla.core.ad.Real;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.core.ad.Reals;
import dev.nabla.gradbench.Eval;
import dev.nabla.gradbench.InputException;
import dev.nabla.gradbench.Inputs;

import java.util.Arrays;

/**
 * GradBench {@code kmeans}: {@code cost} f(C) = Σᵢ minⱼ ‖Cⱼ − Pᵢ‖², and {@code dir} = J H⁻¹ where J = ∇f and
 * H = diag(∇²f), whose diagonal is H·1 (the Hessian is diagonal, so H·1 is exactly its diagonal). Both come
 * from one forward-over-reverse pass ({@link AD#hessianVectorProductOf}, reused tape) with v = 1.
 *
 * <p>The minimum is taken in two steps that compute the same function: the nearest centroid j* is chosen on
 * the values, then ‖C_{j*} − Pᵢ‖² is evaluated on reals. Only the chosen distance reaches the tape, which is
 * the sparse adjoint of min (ties go to the first index, as {@code min} does).
 */
public final class Kmeans implements Eval {

    static RealFunction cost(double[][] points, int k, int d) {
        return c -> {
            double[] centroids = new double[k * d];
            for (int i = 0; i < centroids.length; i++) {
                centroids[i] = c[i].value();
            }
            Real[] distances = new Real[points.length];
            for (int i = 0; i < points.length; i++) {
                double[] p = points[i];
                Real[] difference = new Real[d]; // fresh: an array primitive may keep its operand for the backward pass
                int nearest = nearest(centroids, k, d, p);
                for (int l = 0; l < d; l++) {
                    difference[l] = c[nearest * d + l].subtract(p[l]);
                }
                distances[i] = Reals.squaredNorm(difference);
            }
            return Reals.sum(distances);
        };
    }

    static int nearest(double[] centroids, int k, int d, double[] p) {
        int best = 0;
        double closest = Double.POSITIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            double distance = 0;
            int o = j * d;
            for (int l = 0; l < d; l++) {
                double e = centroids[o + l] - p[l];
                distance += e * e;
            }
            if (distance < closest) {
                closest = distance;
                best = j;
            }
        }
        return best;
    }

    @Override
    public String module() {
        return "kmeans";
    }

    @Override
    public Computation prepare(String function, JsonNode input) {
        double[][] points = Inputs.matrix(input, "points", -1);
        Inputs.require(points.length > 0, "'points' must not be empty");
        int d = points[0].length;
        double[][] centroids = Inputs.matrix(input, "centroids", d);
        int k = centroids.length;
        Inputs.require(k > 0, "'centroids' must not be empty");
        double[] c = Inputs.flatten(centroids);
        RealFunction f = cost(points, k, d);
        return switch (function) {
            case "cost" -> Scalar.value(f, c);
            case "dir" -> direction(f, c, k, d);
            default -> throw new InputException("unknown function '" + function + "' (expected cost or dir)");
        };
    }

    private static Computation direction(RealFunction f, double[] c, int k, int d) {
        HessianVectorProduct hvp = AD.hessianVectorProductOf(f, c.length);
        double[] gradient = new double[c.length];
        double[] diagonal = new double[c.length];
        double[] ones = new double[c.length];
        Arrays.fill(ones, 1);
        return new Computation() {
            @Override
            public Object run() {
                hvp.valueGradientAndHvp(c, ones, gradient, diagonal);
                double[] dir = new double[c.length];
                for (int i = 0; i < dir.length; i++) {
                    dir[i] = gradient[i] / diagonal[i];
                }
                return dir;
            }

            @Override
            public Object output(Object result) {
                return Inputs.unflatten((double[]) result, 0, k, d);
            }
        };
    }
}
