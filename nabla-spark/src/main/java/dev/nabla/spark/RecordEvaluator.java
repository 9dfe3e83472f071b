package dev.nabla.spark;

import dev.nabla.core.field.Kink;
import java.util.List;

/**
 * ℓ(θ; record) and its derivatives with respect to θ for the records of one partition, built once per
 * partition by {@link Loss#evaluator()}. Not thread-safe. A record is {@code values[offset … offset + c)}.
 */
public interface RecordEvaluator {

    /**
     * Sets θ for the following calls (the array is read, not copied: keep it unchanged meanwhile).
     *
     * @param theta θ
     */
    void parameters(double[] theta);

    /**
     * ℓ(θ; record), writing ∇_θ ℓ into {@code gradientOut} (length p).
     *
     * @param values the records, row-major
     * @param offset where the record starts in values
     * @param gradientOut receives ∇_θ ℓ
     * @return ℓ(θ; record)
     */
    double valueAndGradient(double[] values, int offset, double[] gradientOut);

    /**
     * ℓ(θ; record), writing ∇_θ ℓ into {@code gradientOut} and ∇²_θ ℓ · v into {@code hvpOut}.
     *
     * @param values the records, row-major
     * @param offset where the record starts in values
     * @param v the vector v of H v
     * @param gradientOut receives ∇_θ ℓ
     * @param hvpOut receives ∇²_θ ℓ · v
     * @return ℓ(θ; record)
     */
    double valueGradientAndHvp(double[] values, int offset, double[] v, double[] gradientOut, double[] hvpOut);

    /**
     * The kinks the last call met (its gradient there is the one-sided convention); empty when ℓ was smooth.
     *
     * @return the kinks, or an empty list
     */
    List<Kink> lastKinks();
}
