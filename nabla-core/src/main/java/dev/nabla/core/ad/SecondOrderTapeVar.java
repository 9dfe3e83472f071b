package dev.nabla.core.ad;

import dev.nabla.core.prim.Doubles;
import dev.nabla.core.prim.Primitive;

/**
 * A short-lived handle on a node of a {@link SecondOrderTape}: the tape, the node's index, its value a and its
 * tangent ȧ along the direction v. Every operation g records the local partials g'(a) and their tangents: for
 * a unary g, ṗ = g''(a)·ȧ; for a binary g(a, b), ṗ_a = g_aa ȧ + g_ab ḃ and ṗ_b = g_ab ȧ + g_bb ḃ.
 *
 * <p>First derivatives, values and kinks follow {@link DoubleNum} exactly (the same one-sided conventions at
 * abs, sign, max, min and hypot; √ at 0 has partial +∞, a^p at a = 0 the same limits); second derivatives at
 * those points are the one-sided ones (0 for the piecewise-linear primitives, the limits for a^b at a = 0). A
 * zero tangent times an infinite second derivative counts as zero, as in {@link Dual}.
 *
 * <p>Operands from an enclosing context are constants here (value used, tangent 0); operands from a context
 * nested inside lift this number into theirs. Array primitives are single nodes with closed-form partials and
 * partial tangents; any primitive not overridden here falls back to {@link Num}'s exact scalar expansion.
 */
final class SecondOrderTapeVar extends Num {
    final SecondOrderTape tape;
    final int index;
    final double v;
    final double t;

    SecondOrderTapeVar(SecondOrderTape tape, int index, double v, double t) {
        this.tape = tape;
        this.index = index;
        this.v = v;
        this.t = t;
    }

    @Override
    public double value() {
        return v;
    }

    @Override
    long tag() {
        return tape.tag;
    }

    @Override
    Real lift(Real lower) {
        return tape.variable(lower.value(), 0);
    }

    @Override
    void kink(String primitive, String where) {
        tape.kink(primitive, where);
    }

    @Override
    public Real constant(double c) {
        return tape.variable(c, 0);
    }

    /** g(this) with value g(a), partial p = g'(a) and second derivative g2 = g''(a). */
    private Real unary(double value, double p, double g2) {
        return tape.push(value, DoubleNum.times(p, t), index, p, DoubleNum.times(g2, t));
    }

    /** g(this, b) with partials pa, pb and second derivatives haa = g_aa, hab = g_ab, hbb = g_bb. */
    private Real binary(SecondOrderTapeVar b, double value, double pa, double pb, double haa, double hab,
                        double hbb) {
        double tb = b.t;
        return tape.push(value, DoubleNum.times(pa, t) + DoubleNum.times(pb, tb),
                index, pa, DoubleNum.times(haa, t) + DoubleNum.times(hab, tb),
                b.index, pb, DoubleNum.times(hab, t) + DoubleNum.times(hbb, tb));
    }

    /** b as a number of this tape, or null when b belongs to an enclosing context (a constant here). */
    private SecondOrderTapeVar sameTape(Num b) {
        return b instanceof SecondOrderTapeVar s && s.tape == tape ? s : null;
    }

    /** True when b belongs to a context nested inside this tape's (b lifts this number). */
    private boolean inner(Num b) {
        return b.tag() > tape.tag;
    }

    // ---- arithmetic ----

    @Override
    public Real add(Real b) {
        if (b instanceof SecondOrderTapeVar o && o.tape == tape) {
            return tape.push(v + o.v, t + o.t, index, 1, 0, o.index, 1, 0);
        }
        Num o = of(b);
        return inner(o) ? o.lift(this).add(o) : add(o.value());
    }

    @Override
    public Real add(double b) {
        return tape.push(v + b, t, index, 1, 0);
    }

    @Override
    public Real subtract(Real b) {
        if (b instanceof SecondOrderTapeVar o && o.tape == tape) {
            return tape.push(v - o.v, t - o.t, index, 1, 0, o.index, -1, 0);
        }
        Num o = of(b);
        return inner(o) ? o.lift(this).subtract(o) : subtract(o.value());
    }

    @Override
    public Real subtract(double b) {
        return tape.push(v - b, t, index, 1, 0);
    }

    /** ∂(ab)/∂a = b, ∂(ab)/∂b = a: the partials' tangents are ḃ and ȧ. */
    @Override
    public Real multiply(Real b) {
        if (b instanceof SecondOrderTapeVar o && o.tape == tape) {
            return tape.push(v * o.v, t * o.v + v * o.t, index, o.v, o.t, o.index, v, t);
        }
        Num o = of(b);
        return inner(o) ? o.lift(this).multiply(o) : multiply(o.value());
    }

    @Override
    public Real multiply(double b) {
        return tape.push(v * b, t * b, index, b, 0);
    }

    /** q = a/b: ∂q/∂a = 1/b, ∂q/∂b = −q/b; ∂²q/∂a∂b = −1/b², ∂²q/∂b² = 2q/b². */
    @Override
    public Real divide(Real b) {
        Num n = of(b);
        SecondOrderTapeVar o = sameTape(n);
        if (o != null) {
            double b1 = o.v;
            double q = v / b1; // the table's DIVIDE, its second partials written out in the same order
            double r = 1 / b1;
            double db = -q / b1;
            if ((q - q) + (r - r) + (db - db) != 0) {
                DoubleNum.notFinite(Primitive.DIVIDE, v, b1, q, db, tape);
            }
            return binary(o, q, r, db, 0, -(r / b1), 2 * q / b1 / b1);
        }
        return inner(n) ? n.lift(this).divide(n) : divide(n.value());
    }

    @Override
    public Real divide(double b) {
        double q = v / b;
        if (q - q != 0) {
            DoubleNum.notFinite(Primitive.DIVIDE, v, b, q, 0, tape);
        }
        return unary(q, 1 / b, 0);
    }

    @Override
    public Real negate() {
        return tape.push(-v, -t, index, -1, 0);
    }

    @Override
    public Real reciprocal() {
        double r = 1 / v;
        double d = -r * r;
        if ((r - r) + (d - d) != 0) {
            DoubleNum.notFinite(Primitive.DIVIDE, 1, v, r, d, tape);
        }
        return unary(r, d, 2 * r * r * r);
    }

    @Override
    public Real square() {
        return tape.push(v * v, 2 * v * t, index, 2 * v, 2 * t);
    }

    /** d²/da² a^p = p(p−1) a^(p−2); 0 for p = 0 and p = 1 (also at a = 0). */
    static double powSecond(double a, double p) {
        return p == 0 || p == 1 ? 0 : p * (p - 1) * Math.pow(a, p - 2);
    }

    @Override
    public Real pow(double p) {
        if (p != 0 && Primitive.POW.kink(v, p) != null) {
            DoubleNum.powKinkOf(v, p, tape);
            return unary(Math.pow(v, p), 0, 0);
        }
        double value = Math.pow(v, p);
        double d = Primitive.powBase(v, p);
        if ((value - value) + (d - d) != 0) {
            DoubleNum.notFinite(Primitive.POW, v, p, value, d, tape);
        }
        return unary(value, d, powSecond(v, p));
    }

    /**
     * a^b with a variable exponent, partials and second partials by the table ({@link Primitive#POW}). At its
     * kinks (a = 0 with 0 ≤ b &lt; 1) the conventional partials and second derivatives 0, recorded; at a = 0 with
     * b ≥ 1 the limits: ∂²/∂b² → 0, ∂²/∂a∂b → 0 for b &gt; 1 and −∞ for b = 1.
     */
    @Override
    public Real pow(Real p) {
        Num n = of(p);
        SecondOrderTapeVar o = sameTape(n);
        if (o == null) {
            return inner(n) ? n.lift(this).pow(n) : pow(n.value());
        }
        double a = v;
        double b = o.v;
        double value = Math.pow(a, b);
        double pa = Primitive.POW.partial(0, a, b, value);
        double pb = Primitive.POW.partial(1, a, b, value);
        if ((value - value) + (pa - pa) + (pb - pb) != 0) {
            DoubleNum.notFinite(Primitive.POW, a, b, value, pa + pb, tape);
        }
        if (Primitive.POW.kink(a, b) != null) {
            DoubleNum.kinkOf(Primitive.POW, a, b, tape);
            return binary(o, value, pa, pb, 0, 0, 0);
        }
        if (a == 0) { // b ≥ 1: the limits of the second derivatives as a → 0⁺
            return binary(o, value, pa, pb, powSecond(a, b), b > 1 ? 0 : Double.NEGATIVE_INFINITY, 0);
        }
        Doubles d = Doubles.ALGEBRA;
        return binary(o, value, pa, pb, Primitive.POW.second(d, 0, 0, a, b, value),
                Primitive.POW.second(d, 0, 1, a, b, value), Primitive.POW.second(d, 1, 1, a, b, value));
    }

    // ---- elementary functions: g(a), g'(a), g''(a) from the table of primitives ----

    /**
     * p(this) for a unary primitive p of the table: value, partial and second derivative by its rules; at a kink
     * (recorded) the conventional partial and second derivative 0.
     */
    @Override
    public Real apply(Primitive p) {
        if (p.arity() != 1) {
            throw new IllegalArgumentException(p + " is not a unary primitive");
        }
        double a = v;
        double value = p.value(a, 0);
        double d = p.partial(0, a, 0, value);
        if ((value - value) + (d - d) != 0) {
            DoubleNum.notFinite(p, a, 0, value, d, tape);
        }
        if (p.kink(a, 0) != null) {
            DoubleNum.kinkOf(p, a, 0, tape);
            return unary(value, p.partial(0, a, 0, value), 0);
        }
        return unary(value, p.partial(0, a, 0, value), p.second(Doubles.ALGEBRA, 0, 0, a, 0.0, value));
    }

    /**
     * p(this, b) for a binary primitive p of the table: value, partials and second partials by its rules; at a
     * kink (recorded) the conventional partials and second derivatives 0. An operand b of an enclosing context is
     * a constant here; one of a context nested inside lifts this number.
     */
    private Real binaryOf(Primitive p, Real b) {
        Num n = of(b);
        if (inner(n)) {
            return n.lift(this).apply(p, n);
        }
        SecondOrderTapeVar o = sameTape(n);
        double a = v;
        double c = n.value();
        double value = p.value(a, c);
        if (value != value || p == Primitive.ATAN2 && a == 0 && c == 0) {
            DoubleNum.notFinite(p, a, c, value, 0, tape);
        }
        boolean kink = p.kink(a, c) != null;
        if (kink) {
            DoubleNum.kinkOf(p, a, c, tape);
        }
        Doubles d = Doubles.ALGEBRA;
        double pa = p.partial(0, a, c, value);
        double haa = kink ? 0 : p.second(d, 0, 0, a, c, value);
        if (o == null) {
            return unary(value, pa, haa);
        }
        return binary(o, value, pa, p.partial(1, a, c, value), haa, kink ? 0 : p.second(d, 0, 1, a, c, value),
                kink ? 0 : p.second(d, 1, 1, a, c, value));
    }

    /** atan2(y, x), y = this, by the table ({@link Primitive#ATAN2}). */
    @Override
    public Real atan2(Real x) {
        return binaryOf(Primitive.ATAN2, x);
    }

    /** hypot(a, b) by the table ({@link Primitive#HYPOT}); at (0, 0) partials and second derivatives 0, a kink. */
    @Override
    public Real hypot(Real b) {
        return binaryOf(Primitive.HYPOT, b);
    }

    // ---- non-smooth primitives: the convention of Real's Javadoc, kinks recorded, second derivative 0 ----

    @Override
    public Real max(Real b) {
        return extremum(b, true);
    }

    @Override
    public Real min(Real b) {
        return extremum(b, false);
    }

    private Real extremum(Real b, boolean max) {
        Num n = of(b);
        if (inner(n)) {
            Real lifted = n.lift(this);
            return max ? lifted.max(n) : lifted.min(n);
        }
        double a = v;
        double c = n.value();
        SecondOrderTapeVar o = sameTape(n);
        double value = DoubleNum.extremum(a, c, max, tape);
        double pa = DoubleNum.dExtremum(a, c, max, true);
        return o != null ? binary(o, value, pa, DoubleNum.dExtremum(a, c, max, false), 0, 0, 0) : unary(value, pa, 0);
    }

    // ---- array primitives: one node each, closed-form partials and partial tangents ----

    @Override
    Real sumOf(Real[] x) {
        double s = 0;
        tape.open(x.length);
        for (Real r : x) {
            s += r.value();
            tape.edge(r, 1, 0);
        }
        return tape.close(s);
    }

    /** ∂(a·b)/∂a_i = b_i with tangent ḃ_i, ∂(a·b)/∂b_i = a_i with tangent ȧ_i. */
    @Override
    Real dotOf(Real[] a, Real[] b) {
        LinearNum.requireSameLength(a.length, b.length);
        double s = 0;
        tape.open(2 * a.length);
        for (int i = 0; i < a.length; i++) {
            double ai = a[i].value();
            double bi = b[i].value();
            s += ai * bi;
            tape.edge(a[i], bi, tape.tangentOf(b[i]));
            tape.edge(b[i], ai, tape.tangentOf(a[i]));
        }
        return tape.close(s);
    }

    @Override
    Real dotOf(double[] a, Real[] b) {
        LinearNum.requireSameLength(a.length, b.length);
        double s = 0;
        tape.open(a.length);
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i].value();
            tape.edge(b[i], a[i], 0);
        }
        return tape.close(s);
    }

    @Override
    Real[] axpyOf(Real a, Real[] x, Real[] y) {
        LinearNum.requireSameLength(x.length, y.length);
        double av = a.value();
        double at = tape.tangentOf(a);
        Real[] r = new Real[x.length];
        for (int i = 0; i < x.length; i++) {
            double xi = x[i].value();
            tape.open(3);
            tape.edge(a, xi, tape.tangentOf(x[i]));
            tape.edge(x[i], av, at);
            tape.edge(y[i], 1, 0);
            r[i] = tape.close(av * xi + y[i].value());
        }
        return r;
    }

    @Override
    Real[] matVecOf(Real[] a, int rows, int cols, Real[] x) {
        Real[] r = new Real[rows];
        for (int i = 0; i < rows; i++) {
            double s = 0;
            tape.open(2 * cols);
            for (int j = 0; j < cols; j++) {
                Real aij = a[i * cols + j];
                double av = aij.value();
                double xv = x[j].value();
                s += av * xv;
                tape.edge(aij, xv, tape.tangentOf(x[j]));
                tape.edge(x[j], av, tape.tangentOf(aij));
            }
            r[i] = tape.close(s);
        }
        return r;
    }

    /** lse(x): ∂/∂x_i = s_i = softmax(x)_i, with tangent ṡ_i = s_i (ẋ_i − Σ_j s_j ẋ_j). */
    @Override
    Real logSumExpOf(Real[] x) {
        double m = maxValue(x);
        double[] s = new double[x.length];
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            s[i] = Math.exp(x[i].value() - m);
            sum += s[i];
        }
        double mean = 0;
        for (int i = 0; i < x.length; i++) {
            s[i] /= sum;
            mean += s[i] * tape.tangentOf(x[i]);
        }
        tape.open(x.length);
        for (int i = 0; i < x.length; i++) {
            tape.edge(x[i], s[i], s[i] * (tape.tangentOf(x[i]) - mean));
        }
        return tape.close(m + Math.log(sum));
    }

    /** s_i = exp(x_i − l), l = lse(x): one node for l, then s_i with partials s_i, −s_i and tangents ±ṡ_i. */
    @Override
    Real[] softmaxOf(Real[] x) {
        SecondOrderTapeVar l = (SecondOrderTapeVar) logSumExpOf(x);
        Real[] r = new Real[x.length];
        for (int i = 0; i < x.length; i++) {
            double si = Math.exp(x[i].value() - l.v);
            double sDot = si * (tape.tangentOf(x[i]) - l.t);
            tape.open(2);
            tape.edge(x[i], si, sDot);
            tape.edge(l, -si, -sDot);
            r[i] = tape.close(si);
        }
        return r;
    }

    /**
     * ‖x‖: ∂/∂x_i = u_i = x_i/‖x‖, with tangent (ẋ_i − u_i (u·ẋ))/‖x‖; at x = 0 the gradient is 0 and a kink is
     * recorded.
     */
    @Override
    Real normOf(Real[] x) {
        double[] u = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            u[i] = x[i].value();
        }
        double norm = dev.nabla.core.field.Vectors.norm(u);
        tape.open(x.length);
        if (norm == 0) {
            kink("norm", "norm at 0");
            return tape.close(0);
        }
        double radial = 0;
        for (int i = 0; i < x.length; i++) {
            u[i] /= norm;
            radial += u[i] * tape.tangentOf(x[i]);
        }
        for (int i = 0; i < x.length; i++) {
            tape.edge(x[i], u[i], (tape.tangentOf(x[i]) - u[i] * radial) / norm);
        }
        return tape.close(norm);
    }

    /** ‖x‖²: ∂/∂x_i = 2 x_i with tangent 2 ẋ_i. */
    @Override
    Real squaredNormOf(Real[] x) {
        double s = 0;
        tape.open(x.length);
        for (Real r : x) {
            double xi = r.value();
            s += xi * xi;
            tape.edge(r, 2 * xi, 2 * tape.tangentOf(r));
        }
        return tape.close(s);
    }

    @Override
    public String toString() {
        return v + " + " + t + "ε (second-order tape node " + index + ")";
    }
}
