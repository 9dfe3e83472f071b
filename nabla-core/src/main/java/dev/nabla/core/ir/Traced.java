package dev.nabla.core.ir;

import dev.nabla.core.ad.Real;
import dev.nabla.core.prim.Primitive;

/**
 * A traced number: a value of the program being recorded. Every operation appends a primitive application;
 * plain constants ({@link dev.nabla.core.ad.Reals#of}, the {@code double} overloads) become program constants.
 * It has no value: {@link #value()} throws, because code that reads a value can branch on it.
 */
final class Traced implements Real {
    final ProgramBuilder b;
    final int id;

    Traced(ProgramBuilder b, int id) {
        this.b = b;
        this.id = id;
    }

    /** The value id of r in the program b builds: a traced value of b, or a new constant for a plain number. */
    static int id(ProgramBuilder b, Real r) {
        if (r instanceof Traced t) {
            if (t.b != b) {
                throw new UntraceableException("a traced number of another trace was used in this one");
            }
            b.check(t.id);
            return t.id;
        }
        if (r != null && r.getClass() == Trace.PLAIN) {
            return b.constant(r.value());
        }
        throw new UntraceableException("a number of a differentiation pass ("
                + (r == null ? "null" : r.getClass().getSimpleName()) + ") entered a traced function; "
                + "capture plain doubles, or differentiate on the eager tape (AD.grad)");
    }

    private Real of(int v) {
        return new Traced(b, v);
    }

    private Real unary(Primitive p) {
        return of(b.apply(p, id));
    }

    private Real binary(Primitive p, Real o) {
        return of(b.apply(p, id, id(b, o)));
    }

    private Real binary(Primitive p, double c) {
        return of(b.apply(p, id, b.constant(c)));
    }

    @Override
    public double value() {
        throw new UntraceableException("a traced number has no value: code that reads one (to branch on it) "
                + "cannot be traced; use max, min, abs or sign, or differentiate on the eager tape (AD.grad)");
    }

    @Override
    public Real constant(double c) {
        return of(b.constant(c));
    }

    @Override
    public Real add(Real o) {
        return binary(Primitive.ADD, o);
    }

    @Override
    public Real add(double c) {
        return binary(Primitive.ADD, c);
    }

    @Override
    public Real subtract(Real o) {
        return binary(Primitive.SUBTRACT, o);
    }

    @Override
    public Real subtract(double c) {
        return binary(Primitive.SUBTRACT, c);
    }

    @Override
    public Real multiply(Real o) {
        return binary(Primitive.MULTIPLY, o);
    }

    @Override
    public Real multiply(double c) {
        return binary(Primitive.MULTIPLY, c);
    }

    @Override
    public Real divide(Real o) {
        return binary(Primitive.DIVIDE, o);
    }

    @Override
    public Real divide(double c) {
        return binary(Primitive.DIVIDE, c);
    }

    @Override
    public Real negate() {
        return unary(Primitive.NEGATE);
    }

    @Override
    public Real reciprocal() {
        return of(b.apply(Primitive.DIVIDE, b.constant(1), id));
    }

    @Override
    public Real square() {
        return of(b.apply(Primitive.MULTIPLY, id, id));
    }

    @Override
    public Real pow(double p) {
        return binary(Primitive.POW, p);
    }

    @Override
    public Real pow(Real p) {
        return binary(Primitive.POW, p);
    }

    @Override
    public Real sqrt() {
        return unary(Primitive.SQRT);
    }

    @Override
    public Real cbrt() {
        return unary(Primitive.CBRT);
    }

    @Override
    public Real exp() {
        return unary(Primitive.EXP);
    }

    @Override
    public Real log() {
        return unary(Primitive.LOG);
    }

    @Override
    public Real sin() {
        return unary(Primitive.SIN);
    }

    @Override
    public Real cos() {
        return unary(Primitive.COS);
    }

    @Override
    public Real tan() {
        return unary(Primitive.TAN);
    }

    @Override
    public Real asin() {
        return unary(Primitive.ASIN);
    }

    @Override
    public Real acos() {
        return unary(Primitive.ACOS);
    }

    @Override
    public Real atan() {
        return unary(Primitive.ATAN);
    }

    @Override
    public Real sinh() {
        return unary(Primitive.SINH);
    }

    @Override
    public Real cosh() {
        return unary(Primitive.COSH);
    }

    @Override
    public Real tanh() {
        return unary(Primitive.TANH);
    }

    @Override
    public Real asinh() {
        return unary(Primitive.ASINH);
    }

    @Override
    public Real acosh() {
        return unary(Primitive.ACOSH);
    }

    @Override
    public Real atanh() {
        return unary(Primitive.ATANH);
    }

    @Override
    public Real atan2(Real x) {
        return binary(Primitive.ATAN2, x);
    }

    @Override
    public Real hypot(Real o) {
        return binary(Primitive.HYPOT, o);
    }

    @Override
    public Real abs() {
        return unary(Primitive.ABS);
    }

    @Override
    public Real sign() {
        return unary(Primitive.SIGN);
    }

    @Override
    public Real max(Real o) {
        return binary(Primitive.MAX, o);
    }

    @Override
    public Real min(Real o) {
        return binary(Primitive.MIN, o);
    }

    /** Any unary primitive of the table, recorded as itself. */
    @Override
    public Real apply(Primitive p) {
        if (p.arity() != 1) {
            throw new IllegalArgumentException(p + " is not a unary primitive");
        }
        return unary(p);
    }

    /** Any binary primitive of the table, recorded as itself. */
    @Override
    public Real apply(Primitive p, Real o) {
        if (p.arity() != 2) {
            throw new IllegalArgumentException(p + " is not a binary primitive");
        }
        return binary(p, o);
    }

    @Override
    public String toString() {
        return "%" + id;
    }
}
