package dev.nabla.hipparchus;

import dev.nabla.core.ad.Real;
import dev.nabla.core.ad.Reals;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.Field;
import org.hipparchus.util.FastMath;

/**
 * Nabla's {@link Real} as a Hipparchus {@link CalculusFieldElement}: every operation is the matching
 * {@code Real} operation, so the derivative rules, the kink convention and the tape are Nabla's. Under
 * {@link HipparchusAD#gradient} the numbers are reverse-mode tape variables and ∇f comes from one reverse
 * pass; under {@link HipparchusAD#field} every mode of {@code dev.nabla.core.ad.AD} applies (forward D_v f,
 * Hessian-vector products).
 *
 * <p>Operations Nabla has no primitive for are compositions with the same derivative: expm1(x) = exp(x) − 1,
 * log1p(x) = log(1 + x), log10(x) = log(x)/ln 10, remainder(x, a) = x − n a with n = rint(x/a) held constant;
 * their values are then corrected by a constant to Hipparchus' accurately rounded {@code FastMath} value, so the
 * value is as accurate as the double function's and the derivative is the composition's.
 * {@code linearCombination} is one {@link Reals#dot} entry (its value is the plain sum of products, not
 * Hipparchus' compensated one).
 *
 * <p>Operands of a binary operation must come from the same differentiation context (see {@link Real});
 * constants enter through {@link #newInstance(double)}, {@link #getField()} or the {@code double} overloads.
 */
public final class RealElement implements CalculusFieldElement<RealElement> {

    private static final double LN_10 = Math.log(10);

    private final Real real;

    private RealElement(Real real) {
        this.real = real;
    }

    /**
     * The element carrying a Nabla number.
     *
     * @param real a number from a Nabla differentiation context (an argument of an {@code AD} entry point)
     * @return the same number as a Hipparchus field element
     */
    public static RealElement of(Real real) {
        return new RealElement(real);
    }

    /**
     * The Nabla number this element carries.
     *
     * @return the number, with its derivative information
     */
    public Real real() {
        return real;
    }

    private static Real[] reals(RealElement[] a) {
        Real[] r = new Real[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i].real;
        }
        return r;
    }

    /** r with its value moved to {@code accurate} by adding a constant (derivative unchanged). */
    private static RealElement corrected(Real r, double accurate) {
        double v = r.value();
        if (v == accurate || !Double.isFinite(v) || !Double.isFinite(accurate)) {
            return new RealElement(r);
        }
        return new RealElement(r.add(accurate - v));
    }

    @Override
    public double getReal() {
        return real.value();
    }

    @Override
    public Field<RealElement> getField() {
        return new RealElementField(this);
    }

    @Override
    public RealElement newInstance(double value) {
        return new RealElement(real.constant(value));
    }

    @Override
    public RealElement getAddendum() {
        return subtract(getReal());
    }

    @Override
    public RealElement add(RealElement a) {
        return new RealElement(real.add(a.real));
    }

    @Override
    public RealElement add(double a) {
        return new RealElement(real.add(a));
    }

    @Override
    public RealElement subtract(RealElement a) {
        return new RealElement(real.subtract(a.real));
    }

    @Override
    public RealElement subtract(double a) {
        return new RealElement(real.subtract(a));
    }

    @Override
    public RealElement negate() {
        return new RealElement(real.negate());
    }

    @Override
    public RealElement multiply(int n) {
        return new RealElement(real.multiply(n));
    }

    @Override
    public RealElement multiply(double a) {
        return new RealElement(real.multiply(a));
    }

    @Override
    public RealElement multiply(RealElement a) {
        return new RealElement(real.multiply(a.real));
    }

    @Override
    public RealElement divide(RealElement a) {
        return new RealElement(real.divide(a.real));
    }

    @Override
    public RealElement divide(double a) {
        return new RealElement(real.divide(a));
    }

    @Override
    public RealElement reciprocal() {
        return new RealElement(real.reciprocal());
    }

    @Override
    public RealElement square() {
        return new RealElement(real.square());
    }

    @Override
    public RealElement scalb(int n) {
        return new RealElement(real.multiply(FastMath.scalb(1.0, n)));
    }

    @Override
    public RealElement hypot(RealElement y) {
        return new RealElement(real.hypot(y.real));
    }

    @Override
    public RealElement sqrt() {
        return new RealElement(real.sqrt());
    }

    @Override
    public RealElement cbrt() {
        return new RealElement(real.cbrt());
    }

    @Override
    public RealElement pow(double p) {
        return new RealElement(real.pow(p));
    }

    @Override
    public RealElement pow(int n) {
        return new RealElement(real.pow((double) n));
    }

    @Override
    public RealElement pow(RealElement e) {
        return new RealElement(real.pow(e.real));
    }

    @Override
    public RealElement exp() {
        return new RealElement(real.exp());
    }

    @Override
    public RealElement expm1() {
        return corrected(real.exp().subtract(1), FastMath.expm1(getReal()));
    }

    @Override
    public RealElement log() {
        return new RealElement(real.log());
    }

    @Override
    public RealElement log1p() {
        return corrected(real.add(1).log(), FastMath.log1p(getReal()));
    }

    @Override
    public RealElement log10() {
        return corrected(real.log().divide(LN_10), FastMath.log10(getReal()));
    }

    @Override
    public RealElement sin() {
        return new RealElement(real.sin());
    }

    @Override
    public RealElement cos() {
        return new RealElement(real.cos());
    }

    @Override
    public RealElement tan() {
        return new RealElement(real.tan());
    }

    @Override
    public RealElement asin() {
        return new RealElement(real.asin());
    }

    @Override
    public RealElement acos() {
        return new RealElement(real.acos());
    }

    @Override
    public RealElement atan() {
        return new RealElement(real.atan());
    }

    @Override
    public RealElement atan2(RealElement x) {
        return new RealElement(real.atan2(x.real));
    }

    @Override
    public RealElement sinh() {
        return new RealElement(real.sinh());
    }

    @Override
    public RealElement cosh() {
        return new RealElement(real.cosh());
    }

    @Override
    public RealElement tanh() {
        return new RealElement(real.tanh());
    }

    @Override
    public RealElement asinh() {
        return new RealElement(real.asinh());
    }

    @Override
    public RealElement acosh() {
        return new RealElement(real.acosh());
    }

    @Override
    public RealElement atanh() {
        return new RealElement(real.atanh());
    }

    @Override
    public RealElement linearCombination(RealElement[] a, RealElement[] b) {
        return new RealElement(Reals.dot(reals(a), reals(b)));
    }

    @Override
    public RealElement linearCombination(double[] a, RealElement[] b) {
        return new RealElement(Reals.dot(a, reals(b)));
    }

    @Override
    public RealElement linearCombination(RealElement a1, RealElement b1, RealElement a2, RealElement b2) {
        return linearCombination(new RealElement[] {a1, a2}, new RealElement[] {b1, b2});
    }

    @Override
    public RealElement linearCombination(RealElement a1, RealElement b1, RealElement a2, RealElement b2,
            RealElement a3, RealElement b3) {
        return linearCombination(new RealElement[] {a1, a2, a3}, new RealElement[] {b1, b2, b3});
    }

    @Override
    public RealElement linearCombination(RealElement a1, RealElement b1, RealElement a2, RealElement b2,
            RealElement a3, RealElement b3, RealElement a4, RealElement b4) {
        return linearCombination(new RealElement[] {a1, a2, a3, a4}, new RealElement[] {b1, b2, b3, b4});
    }

    @Override
    public RealElement remainder(double a) {
        double n = FastMath.rint(getReal() / a);
        return corrected(real.subtract(n * a), FastMath.IEEEremainder(getReal(), a));
    }

    @Override
    public RealElement remainder(RealElement a) {
        double n = FastMath.rint(getReal() / a.getReal());
        return corrected(real.subtract(a.real.multiply(n)), FastMath.IEEEremainder(getReal(), a.getReal()));
    }

    @Override
    public RealElement copySign(RealElement sign) {
        return copySign(sign.getReal());
    }

    @Override
    public RealElement copySign(double sign) {
        long m = Double.doubleToRawLongBits(getReal());
        long s = Double.doubleToRawLongBits(sign);
        return (m ^ s) >= 0 ? this : negate();
    }

    @Override
    public RealElement abs() {
        return new RealElement(real.abs());
    }

    @Override
    public RealElement sign() {
        return new RealElement(real.sign());
    }

    @Override
    public String toString() {
        return "RealElement[" + getReal() + "]";
    }
}
