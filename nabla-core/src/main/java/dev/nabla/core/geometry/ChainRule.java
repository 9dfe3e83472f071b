package dev.nabla.core.geometry;

import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.field.DifferentiableVectorField;
import dev.nabla.core.field.Fields;
import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.Vectors;
import java.util.List;

/**
 * The chain rule as a composition of fields: for g: R^m → R and u: R^n → R^m, f = g∘u has
 * <ul>
 *   <li>∇f(x) = J_u(x)ᵀ ∇g(u(x)) — pull the gradient back (one vector-Jacobian product);</li>
 *   <li>D_v f(x) = ∇g(u(x))·(J_u(x) v) — push the direction forward, then dot with the gradient;</li>
 *   <li>∇²f(x) v = J_uᵀ ∇²g J_u v + Σ_i ∂_i g ∇²u_i v.</li>
 * </ul>
 * The second term of the Hessian needs second derivatives of u: exact when u is a
 * {@link TwiceDifferentiableVectorField}; otherwise it is the central difference of the exact pulled-back
 * gradient along v, with step h = ε^{1/3}·max(1, ‖x‖)/‖v‖ (error O(h²), about 1e-10 relative for smooth u).
 */
public final class ChainRule {
    private ChainRule() {
    }

    /**
     * g∘u with variables x1 … xn.
     *
     * @param g the outer field, of m variables
     * @param u the inner map R^n → R^m
     * @param n the number of variables of u
     * @return x ↦ g(u(x)), with ∇(g∘u)(x) = J_u(x)ᵀ ∇g(u(x))
     */
    public static DifferentiableScalarField compose(DifferentiableScalarField g, DifferentiableVectorField u, int n) {
        return compose(g, u, Fields.defaultNames(n));
    }

    /**
     * g∘u, a field of the given variables (their count is the input dimension n of u).
     *
     * @param g the outer field, of m variables
     * @param u the inner map R^n → R^m
     * @param variables the names of x_1 … x_n
     * @return x ↦ g(u(x)), with ∇(g∘u)(x) = J_u(x)ᵀ ∇g(u(x))
     */
    public static DifferentiableScalarField compose(DifferentiableScalarField g, DifferentiableVectorField u,
                                                    List<String> variables) {
        List<String> names = List.copyOf(variables);
        return new DifferentiableScalarField() {
            @Override
            public double value(double[] x) {
                return g.value(u.value(x));
            }

            @Override
            public int dimension() {
                return names.size();
            }

            @Override
            public List<String> variables() {
                return names;
            }

            @Override
            public Gradient valueAndGradient(double[] x) {
                Gradient outer = g.valueAndGradient(u.value(x));
                return new Gradient(x, outer.value(), u.vectorJacobianProduct(x, outer.gradient()), outer.kinks());
            }

            @Override
            public double directionalDerivative(double[] x, double[] v) {
                return Vectors.dot(g.gradient(u.value(x)), u.jacobianVectorProduct(x, v));
            }

            @Override
            public double[] hessianVectorProduct(double[] x, double[] v) {
                double[] y = u.value(x);
                double[] jv = u.jacobianVectorProduct(x, v);
                double[] first = u.vectorJacobianProduct(x, g.hessianVectorProduct(y, jv));
                return Vectors.add(first, curvatureTerm(g.gradient(y), x, v));
            }

            private double[] curvatureTerm(double[] w, double[] x, double[] v) {
                if (u instanceof TwiceDifferentiableVectorField twice) {
                    return twice.weightedHessianVectorProduct(x, w, v);
                }
                double vn = Vectors.norm(v);
                if (vn == 0) {
                    return new double[x.length];
                }
                double h = Math.cbrt(Math.ulp(1.0)) * Math.max(1, Vectors.norm(x)) / vn;
                double[] plus = u.vectorJacobianProduct(Vectors.axpy(h, v, x), w);
                double[] minus = u.vectorJacobianProduct(Vectors.axpy(-h, v, x), w);
                return Vectors.scale(0.5 / h, Vectors.subtract(plus, minus));
            }
        };
    }
}
