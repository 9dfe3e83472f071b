package dev.nabla.spark;

import dev.nabla.core.ad.Real;
import java.io.Serializable;

/**
 * The loss of one record, ℓ(θ; record), written once in Java against {@link Real}: the parameters θ are
 * numbers of the differentiation, the record's columns plain doubles. Shipped to the executors, so it must be
 * serializable (a lambda assigned to this type is).
 *
 * <pre>{@code
 * RecordLoss logistic = (w, r) -> w[0].multiply(r[0]).add(w[1].multiply(r[1])).add(w[2])  // z = w1 x1 + w2 x2 + b
 *         .multiply(-r[2]).exp().add(1).log();                                            // log(1 + exp(-y z))
 * }</pre>
 */
@FunctionalInterface
public interface RecordLoss extends Serializable {

    /**
     * ℓ(θ; record).
     *
     * @param parameters θ, in the order of {@link Loss#parameters()}
     * @param record     the record's values, in the order of {@link Loss#columns()} (read only; reused)
     * @return ℓ(θ; record), a number of the differentiation
     */
    Real apply(Real[] parameters, double[] record);
}
