package dev.nabla.core.check;

import dev.nabla.core.field.DifferentiableVectorField;
import dev.nabla.core.field.Matrices;
import dev.nabla.core.field.VectorField;
import dev.nabla.core.field.Vectors;
import dev.nabla.core.numeric.FiniteDifferences;
import dev.nabla.core.numeric.Quotients;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The Jacobian check: a claimed J (m × n, row i = ∇u_i) against the values of u: R^n → R^m near x. Each
 * component u_i is checked like a scalar field ({@link GradientCheck}, same directions, ladder and tolerance
 * rule with S_i = max(‖row_i‖, |estimate|)), from one evaluation of u per point of the ladder.
 */
public final class JacobianCheck {

    private JacobianCheck() {
    }

    /** Checks the field's own Jacobian at x. */
    public static JacobianCheckReport check(DifferentiableVectorField u, double[] x, GradientCheck.Options options) {
        return check(u, u::jacobian, x, options);
    }

    /** Checks a claimed Jacobian y ↦ J(y) of u at x. */
    public static JacobianCheckReport check(VectorField u, Function<double[], double[][]> claimedJacobian, double[] x,
                                            GradientCheck.Options options) {
        double[] value = u.value(x.clone());
        double[][] jac = claimedJacobian.apply(x.clone());
        int m = value.length;
        int n = x.length;
        if (jac.length != m) {
            throw new IllegalArgumentException("the claimed Jacobian has " + jac.length + " rows, u has " + m + " components");
        }
        for (double[] row : jac) {
            if (row.length != n) {
                throw new IllegalArgumentException("a row of the claimed Jacobian has " + row.length
                        + " entries, the point " + n);
            }
        }
        List<List<DirectionCheck>> perRow = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            perRow.add(new ArrayList<>());
        }
        for (GradientCheck.Direction d : GradientCheck.directions(n, options)) {
            Quotients[] q = FiniteDifferences.componentQuotients(u, x, d.vector(), options.ladder());
            double[] jv = Matrices.multiply(jac, d.vector());
            for (int i = 0; i < m; i++) {
                perRow.get(i).add(GradientCheck.judge(d, jv[i], Vectors.norm(jac[i]), q[i], options.tolerance()));
            }
        }
        List<GradientCheckReport> rows = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            rows.add(GradientCheckReport.of(x, value[i], jac[i], perRow.get(i), options.axes(), options.seed(), List.of()));
        }
        return JacobianCheckReport.of(x, rows);
    }
}
