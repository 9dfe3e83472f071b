package dev.nabla.gradbench.evals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.core.ad.Real;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.gradbench.Eval;
import dev.nabla.gradbench.InputException;
import dev.nabla.gradbench.Inputs;

/**
 * GradBench {@code det}: det A for an ℓ × ℓ matrix (row-major) by expansion by minors along the first
 * remaining row, det M = Σⱼ (−1)ʲ M₀ⱼ det S₀ⱼ; {@code gradient} is ∂det/∂A (row-major) by reverse mode.
 */
public final class Det implements Eval {
    /** ℓ = 12 expands 12! ≈ 4.8·10⁸ products: more than a reverse tape should hold in memory. */
    static final int MAX_ELL = 11;

    static RealFunction determinant(int ell) {
        return a -> minor(a, ell, 0, new boolean[ell], ell);
    }

    private static Real minor(Real[] a, int ell, int row, boolean[] removed, int size) {
        if (size == 1) {
            for (int c = 0; c < ell; c++) {
                if (!removed[c]) {
                    return a[row * ell + c];
                }
            }
        }
        Real det = null;
        boolean plus = true;
        for (int c = 0; c < ell; c++) {
            if (removed[c]) {
                continue;
            }
            removed[c] = true;
            Real term = a[row * ell + c].multiply(minor(a, ell, row + 1, removed, size - 1));
            removed[c] = false;
            det = det == null ? (plus ? term : term.negate()) : plus ? det.add(term) : det.subtract(term);
            plus = !plus;
        }
        return det;
    }

    @Override
    public String module() {
        return "det";
    }

    @Override
    public Computation prepare(String function, JsonNode input) {
        double[] a = Inputs.vector(input, "A");
        int ell = Inputs.integer(input, "ell");
        Inputs.require(ell >= 1 && ell <= MAX_ELL, "'ell' must be between 1 and " + MAX_ELL);
        Inputs.require(a.length == ell * ell, "'A' must have ell² = " + ell * ell + " entries, got " + a.length);
        RealFunction det = determinant(ell);
        return switch (function) {
            case "primal" -> Scalar.value(det, a);
            case "gradient" -> Scalar.gradient(det, a, g -> g);
            default -> throw new InputException("unknown function '" + function + "' (expected primal or gradient)");
        };
    }
}
