package dev.nabla.core.prim;

import java.util.Locale;

/**
 * The table of primitives: every elementary operation of Nabla declared once, with
 * <ul>
 *   <li>its value g(a) or g(a, b) on doubles ({@link #value}), accurate near the hard arguments;</li>
 *   <li>its domain ({@link #domainViolation}: why g is undefined at a point, naming the operation and the
 *       argument);</li>
 *   <li>its local partials ∂g/∂a, ∂g/∂b as a rule generic over the {@link Algebra} of numbers
 *       ({@link #partial(Algebra, int, Object, Object, Object)}): the same rule yields a double in automatic
 *       differentiation and an expression in the formula engine;</li>
 *   <li>its second partials ({@link #second}), likewise generic;</li>
 *   <li>its kinks ({@link #kink}): the points where g is not differentiable, and the conventional partial
 *       there ({@link #partial(int, double, double, double)} at a kink).</li>
 * </ul>
 * {@link #partial(int, double, double, double)} is the double-specialised evaluation of the generic rule for
 * the eager hot paths; {@code PrimitiveTableTest} proves it equal, bit for bit, to the generic rule applied to
 * {@link Doubles} at every non-kink point it samples.
 *
 * <p>Kink conventions (one for every engine): at a kink the partial is the value of the smooth rule's
 * continuous part where it is finite, and 0 where the one-sided slope is infinite:
 * abs'(0) = sign(0) = 0; sign'(0) = 0 (a jump); max and min at a tie follow the first argument;
 * hypot at (0, 0) has partials (0, 0); √, ∛ at 0, asin and acos at ±1, acosh at 1 and a^p at 0 with
 * 0 &lt; p &lt; 1 (infinite one-sided slopes) have partial 0. Every engine records the kink.
 *
 * <p>For unary primitives the argument b is ignored (0 or null).
 */
public enum Primitive {
    /** a + b. */
    ADD(2, "+") {
        @Override
        public double value(double a, double b) {
            return a + b;
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return 1;
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            return A.constant(1);
        }

        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            return A.constant(0);
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            return E.add(a, b);
        }
    },
    /** a − b. */
    SUBTRACT(2, "-") {
        @Override
        public double value(double a, double b) {
            return a - b;
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return i == 0 ? 1 : -1;
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            return A.constant(i == 0 ? 1 : -1);
        }

        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            return A.constant(0);
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            return E.subtract(a, b);
        }
    },
    /** a · b. */
    MULTIPLY(2, "*") {
        @Override
        public double value(double a, double b) {
            return a * b;
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return i == 0 ? b : a;
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            return i == 0 ? b : a;
        }

        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            return A.constant(i == j ? 0 : 1);
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            return E.multiply(a, b);
        }
    },
    /** a / b: ∂/∂a = 1/b, ∂/∂b = −(a/b)/b. */
    DIVIDE(2, "/") {
        @Override
        public double value(double a, double b) {
            return a / b;
        }

        @Override
        public String domainViolation(double a, double b) {
            return b == 0 ? "division by zero (" + format(a) + " / 0)" : null;
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return i == 0 ? 1 / b : -v / b;
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            return i == 0 ? A.divide(A.constant(1), b) : A.divide(A.negate(v), b);
        }

        /** ∂²/∂a² = 0, ∂²/∂a∂b = −(1/b)/b, ∂²/∂b² = 2((a/b)/b)/b (divisions in turn: no 0·∞ at a = 0). */
        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            if (i == 0 && j == 0) {
                return A.constant(0);
            }
            return i != j ? A.negate(A.divide(A.divide(A.constant(1), b), b))
                    : A.divide(A.divide(A.multiply(A.constant(2), v), b), b);
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            return quotient(E, a, b, "division by zero (" + a + " / " + b + ")");
        }
    },
    /** −a. */
    NEGATE(1, "neg") {
        @Override
        public double value(double a, double b) {
            return -a;
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return -1;
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            return A.constant(-1);
        }

        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            return A.constant(0);
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            return E.negate(a);
        }
    },
    /**
     * a^b: ∂/∂a = b a^(b−1) (0 for b = 0), ∂/∂b = a^b log a (its limit 0 at a = 0 with b &gt; 0). Kink: a = 0
     * with 0 &lt; b &lt; 1 (infinite slope; partial 0).
     */
    POW(2, "pow") {
        @Override
        public double value(double a, double b) {
            return Math.pow(a, b);
        }

        @Override
        public String domainViolation(double a, double b) {
            if (a == 0 && b < 0) {
                return "division by zero (0^" + format(b) + ")";
            }
            if (a < 0 && !isInteger(b)) {
                return "power of negative base " + format(a) + " with non-integer exponent " + format(b);
            }
            return null;
        }

        @Override
        public String kink(double a, double b) {
            if (a != 0 || b < 0 || b >= 1) {
                return null;
            }
            return b == 0 ? "pow at 0^0 (a jump in the exponent)" : "pow at 0 (infinite slope)";
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return i == 0 ? powBase(a, b) : powExponent(a, b, v);
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            return i == 0 ? A.multiply(b, A.apply(POW, a, A.subtract(b, A.constant(1))))
                    : A.multiply(v, A.apply(LOG, a));
        }

        /**
         * ∂²/∂a² = b(b−1) a^(b−2), ∂²/∂a∂b = a^(b−1)(1 + b log a), ∂²/∂b² = a^b log² a.
         */
        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            T one = A.constant(1);
            if (i == 0 && j == 0) {
                return A.multiply(A.multiply(b, A.subtract(b, one)), A.apply(POW, a, A.subtract(b, A.constant(2))));
            }
            T log = A.apply(LOG, a);
            if (i != j) {
                return A.multiply(A.apply(POW, a, A.subtract(b, one)), A.add(one, A.multiply(b, log)));
            }
            return A.multiply(v, A.multiply(log, log));
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            return power(E, a, b);
        }
    },
    EXP(1, "exp") {
        @Override
        public double value(double a, double b) {
            return Math.exp(a);
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return v;
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            return v;
        }

        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            return v;
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            return E.exp(a);
        }
    },
    /** Natural logarithm: 1/a. */
    LOG(1, "log") {
        @Override
        public double value(double a, double b) {
            return Math.log(a);
        }

        @Override
        public String domainViolation(double a, double b) {
            return a <= 0 ? of(a) + " (argument must be > 0)" : null;
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return 1 / a;
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            return A.divide(A.constant(1), a);
        }

        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            T r = A.divide(A.constant(1), a);
            return A.negate(A.multiply(r, r));
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            E.require(a, true, of(a) + " (argument must be > 0)");
            return E.log(a);
        }
    },
    /** log(1 + a), accurate for small a: 1/(1 + a). */
    LOG1P(1, "log1p") {
        @Override
        public double value(double a, double b) {
            return Math.log1p(a);
        }

        @Override
        public String domainViolation(double a, double b) {
            return a <= -1 ? of(a) + " (argument must be > -1)" : null;
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return 1 / (1 + a);
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            return A.divide(A.constant(1), A.add(A.constant(1), a));
        }

        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            T r = A.divide(A.constant(1), A.add(A.constant(1), a));
            return A.negate(A.multiply(r, r));
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            E.require(E.add(E.constant(1), a), true, of(a) + " (argument must be > -1)");
            return E.log1p(a);
        }
    },
    /** e^a − 1, accurate for small a: e^a. */
    EXPM1(1, "expm1") {
        @Override
        public double value(double a, double b) {
            return Math.expm1(a);
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return Math.exp(a);
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            return A.apply(EXP, a);
        }

        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            return A.apply(EXP, a);
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            return E.expm1(a);
        }
    },
    /** √a: 1/(2√a); kink at 0 (infinite one-sided slope, partial 0). */
    SQRT(1, "sqrt") {
        @Override
        public double value(double a, double b) {
            return Math.sqrt(a);
        }

        @Override
        public String domainViolation(double a, double b) {
            return a < 0 ? of(a) + " (argument must be >= 0)" : null;
        }

        @Override
        public String kink(double a, double b) {
            return a == 0 ? "sqrt at 0 (infinite slope)" : null;
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return dSqrt(a, v);
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            return A.divide(A.constant(0.5), v);
        }

        /** −1/(4 a √a). */
        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            return A.divide(A.constant(-0.25), A.multiply(a, v));
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            E.require(a, false, of(a) + " (argument must be >= 0)");
            return E.sqrt(a);
        }
    },
    /** ∛a: 1/(3 ∛a²); kink at 0 (infinite slope, partial 0). */
    CBRT(1, "cbrt") {
        @Override
        public double value(double a, double b) {
            return Math.cbrt(a);
        }

        @Override
        public String kink(double a, double b) {
            return a == 0 ? "cbrt at 0 (infinite slope)" : null;
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return dCbrt(a, v);
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            return A.divide(A.constant(1), A.multiply(A.constant(3), A.multiply(v, v)));
        }

        /** −2/(9 a ∛a²). */
        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            return A.divide(A.constant(-2), A.multiply(A.constant(9), A.multiply(a, A.multiply(v, v))));
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            return oddIncreasing(E, a, x -> cubeRoot(E, x));
        }
    },
    SIN(1, "sin") {
        @Override
        public double value(double a, double b) {
            return Math.sin(a);
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return Math.cos(a);
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            return A.apply(COS, a);
        }

        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            return A.negate(v);
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            return E.sin(a);
        }
    },
    COS(1, "cos") {
        @Override
        public double value(double a, double b) {
            return Math.cos(a);
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return -Math.sin(a);
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            return A.negate(A.apply(SIN, a));
        }

        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            return A.negate(v);
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            return E.cos(a);
        }
    },
    /** tan a: 1 + tan² a. */
    TAN(1, "tan") {
        @Override
        public double value(double a, double b) {
            return Math.tan(a);
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return 1 + v * v;
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            return A.add(A.constant(1), A.multiply(v, v));
        }

        /** 2 tan a (1 + tan² a). */
        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            return A.multiply(A.multiply(A.constant(2), v), A.add(A.constant(1), A.multiply(v, v)));
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            return quotient(E, E.sin(a), E.cos(a), of(a) + " (cos is 0)");
        }
    },
    /** sec a = 1/cos a: sec a · tan a. */
    SEC(1, "sec") {
        @Override
        public double value(double a, double b) {
            return 1 / Math.cos(a);
        }

        @Override
        public String domainViolation(double a, double b) {
            return Math.cos(a) == 0 ? of(a) + " (cos is 0)" : null;
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return v * Math.tan(a);
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            return A.multiply(v, A.apply(TAN, a));
        }

        /** sec a (2 sec² a − 1). */
        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            return A.multiply(v, A.subtract(A.multiply(A.constant(2), A.multiply(v, v)), A.constant(1)));
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            return quotient(E, E.constant(1), E.cos(a), of(a) + " (cos is 0)");
        }
    },
    /** csc a = 1/sin a: −csc a · cot a. */
    CSC(1, "csc") {
        @Override
        public double value(double a, double b) {
            return 1 / Math.sin(a);
        }

        @Override
        public String domainViolation(double a, double b) {
            return Math.sin(a) == 0 ? of(a) + " (sin is 0)" : null;
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return -(v * (Math.cos(a) / Math.sin(a)));
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            return A.negate(A.multiply(v, A.apply(COT, a)));
        }

        /** csc a (2 csc² a − 1). */
        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            return A.multiply(v, A.subtract(A.multiply(A.constant(2), A.multiply(v, v)), A.constant(1)));
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            return quotient(E, E.constant(1), E.sin(a), of(a) + " (sin is 0)");
        }
    },
    /** cot a = cos a / sin a: −(1 + cot² a). */
    COT(1, "cot") {
        @Override
        public double value(double a, double b) {
            return Math.cos(a) / Math.sin(a);
        }

        @Override
        public String domainViolation(double a, double b) {
            return Math.sin(a) == 0 ? of(a) + " (sin is 0)" : null;
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return -(1 + v * v);
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            return A.negate(A.add(A.constant(1), A.multiply(v, v)));
        }

        /** 2 cot a (1 + cot² a). */
        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            return A.multiply(A.multiply(A.constant(2), v), A.add(A.constant(1), A.multiply(v, v)));
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            return quotient(E, E.cos(a), E.sin(a), of(a) + " (sin is 0)");
        }
    },
    /** asin a: 1/√((1 − a)(1 + a)); kinks at ±1 (infinite one-sided slope, partial 0). */
    ASIN(1, "asin") {
        @Override
        public double value(double a, double b) {
            return Math.asin(a);
        }

        @Override
        public String domainViolation(double a, double b) {
            return !(Math.abs(a) <= 1) ? of(a) + " (argument must be in [-1, 1])" : null;
        }

        @Override
        public String kink(double a, double b) {
            return Math.abs(a) == 1 ? "asin at " + format(a) + " (infinite slope)" : null;
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return dAsin(a, v);
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            return A.divide(A.constant(1), oneMinusSquareRoot(A, a));
        }

        /** a / ((1 − a)(1 + a))^(3/2). */
        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            T d = A.divide(A.constant(1), oneMinusSquareRoot(A, a));
            return A.multiply(a, A.multiply(d, A.multiply(d, d)));
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            T[] s = aroundOne(E, a, false, of(a) + " (argument must be in [-1, 1])");
            return atan2(E, a, E.sqrt(E.multiply(s[0], s[1])));
        }
    },
    /** acos a: −1/√((1 − a)(1 + a)); kinks at ±1 (infinite one-sided slope, partial 0). */
    ACOS(1, "acos") {
        @Override
        public double value(double a, double b) {
            return Math.acos(a);
        }

        @Override
        public String domainViolation(double a, double b) {
            return !(Math.abs(a) <= 1) ? of(a) + " (argument must be in [-1, 1])" : null;
        }

        @Override
        public String kink(double a, double b) {
            return Math.abs(a) == 1 ? "acos at " + format(a) + " (infinite slope)" : null;
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return -dAsin(a, v);
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            return A.negate(A.divide(A.constant(1), oneMinusSquareRoot(A, a)));
        }

        /** −a / ((1 − a)(1 + a))^(3/2). */
        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            T d = A.divide(A.constant(1), oneMinusSquareRoot(A, a));
            return A.negate(A.multiply(a, A.multiply(d, A.multiply(d, d))));
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            T[] s = aroundOne(E, a, false, of(a) + " (argument must be in [-1, 1])");
            return E.multiply(E.constant(2), atan2(E, E.sqrt(s[0]), E.sqrt(s[1])));
        }
    },
    /** atan a: 1/(1 + a²). */
    ATAN(1, "atan") {
        @Override
        public double value(double a, double b) {
            return Math.atan(a);
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return 1 / (1 + a * a);
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            return A.divide(A.constant(1), A.add(A.constant(1), A.multiply(a, a)));
        }

        /** −2a/(1 + a²)². */
        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            T d = A.divide(A.constant(1), A.add(A.constant(1), A.multiply(a, a)));
            return A.negate(A.multiply(A.multiply(A.constant(2), a), A.multiply(d, d)));
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            return E.atan(a);
        }
    },
    /**
     * atan2(a, b), the angle of the point (b, a): ∂/∂a = (b/h)/h, ∂/∂b = −(a/h)/h with h = hypot(a, b), so that
     * neither overflows nor underflows. Undefined at (0, 0).
     */
    ATAN2(2, "atan2") {
        @Override
        public double value(double a, double b) {
            return Math.atan2(a, b);
        }

        @Override
        public String domainViolation(double a, double b) {
            return a == 0 && b == 0 ? "atan2 of (0, 0) (undefined at the origin)" : null;
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            double h = Math.hypot(a, b);
            return i == 0 ? b / h / h : -(a / h / h);
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            T h = A.apply(HYPOT, a, b);
            return i == 0 ? A.divide(A.divide(b, h), h) : A.negate(A.divide(A.divide(a, h), h));
        }

        /**
         * ∂²/∂a² = −2ab/h⁴, ∂²/∂a∂b = (a − b)(a + b)/h⁴, ∂²/∂b² = 2ab/h⁴, as products of a/h, b/h (and
         * (a − b)/h, exact where a ≈ b) divided by h twice: no overflow, and no 0·∞ where a or b is 0.
         */
        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            T h = A.apply(HYPOT, a, b);
            T ca = A.divide(a, h);
            T cb = A.divide(b, h);
            if (i != j) {
                return A.divide(A.divide(A.multiply(A.divide(A.subtract(a, b), h), A.divide(A.add(a, b), h)), h), h);
            }
            T m = A.divide(A.divide(A.multiply(A.constant(2), A.multiply(ca, cb)), h), h);
            return i == 0 ? A.negate(m) : m;
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            return atan2(E, a, b);
        }
    },
    SINH(1, "sinh") {
        @Override
        public double value(double a, double b) {
            return Math.sinh(a);
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return Math.cosh(a);
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            return A.apply(COSH, a);
        }

        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            return v;
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            return E.multiply(E.constant(0.5), E.subtract(E.expm1(a), E.expm1(E.negate(a))));
        }
    },
    COSH(1, "cosh") {
        @Override
        public double value(double a, double b) {
            return Math.cosh(a);
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return Math.sinh(a);
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            return A.apply(SINH, a);
        }

        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            return v;
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            return E.multiply(E.constant(0.5), E.add(E.exp(a), E.exp(E.negate(a))));
        }
    },
    /** tanh a: (1 − tanh a)(1 + tanh a). */
    TANH(1, "tanh") {
        @Override
        public double value(double a, double b) {
            return Math.tanh(a);
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return (1 - v) * (1 + v);
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            T one = A.constant(1);
            return A.multiply(A.subtract(one, v), A.add(one, v));
        }

        /** −2 tanh a (1 − tanh a)(1 + tanh a). */
        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            T one = A.constant(1);
            return A.multiply(A.multiply(A.constant(-2), v), A.multiply(A.subtract(one, v), A.add(one, v)));
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            return oddIncreasing(E, a, x -> {
                T t = E.expm1(E.multiply(E.constant(-2), x));
                return E.divide(E.negate(t), E.add(t, E.constant(2)));
            });
        }
    },
    /** asinh a, accurate near 0 and for huge |a|: 1/hypot(1, a). */
    ASINH(1, "asinh") {
        @Override
        public double value(double a, double b) {
            return asinh(a);
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return 1 / Math.hypot(1, a);
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            return A.divide(A.constant(1), A.apply(HYPOT, A.constant(1), a));
        }

        /** −a / hypot(1, a)³. */
        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            T d = A.divide(A.constant(1), A.apply(HYPOT, A.constant(1), a));
            return A.negate(A.multiply(a, A.multiply(d, A.multiply(d, d))));
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            return oddIncreasing(E, a, x -> {
                T one = E.constant(1);
                if (E.signs(E.subtract(x, one)).negativeOnly()) { // x < 1: log1p(x + x²/(1 + √(1 + x²)))
                    T x2 = E.multiply(x, x);
                    return E.log1p(E.add(x, E.divide(x2, E.add(one, E.sqrt(E.add(one, x2))))));
                }
                T r = E.divide(one, x); // x ≥ 1 (or undecided): log x + log1p(√(1 + 1/x²)), no overflow
                return E.add(E.log(x), E.log1p(E.sqrt(E.add(one, E.multiply(r, r)))));
            });
        }
    },
    /** acosh a for a ≥ 1: 1/(√(a − 1) √(a + 1)) (no overflow); kink at 1 (infinite one-sided slope, partial 0). */
    ACOSH(1, "acosh") {
        @Override
        public double value(double a, double b) {
            return acosh(a);
        }

        @Override
        public String domainViolation(double a, double b) {
            return !(a >= 1) ? of(a) + " (argument must be >= 1)" : null;
        }

        @Override
        public String kink(double a, double b) {
            return a == 1 ? "acosh at 1 (infinite slope)" : null;
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return dAcosh(a, v);
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            return A.divide(A.constant(1), rootsAroundOne(A, a));
        }

        /** −a / ((a − 1)(a + 1))^(3/2). */
        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            T d = A.divide(A.constant(1), rootsAroundOne(A, a));
            return A.negate(A.multiply(a, A.multiply(d, A.multiply(d, d))));
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            T one = E.constant(1);
            E.require(E.subtract(a, one), false, of(a) + " (argument must be >= 1)");
            if (E.signs(E.subtract(a, E.constant(2))).negativeOnly()) { // a < 2: log1p(t + √(t (a + 1))), t = a − 1
                T t = E.subtract(a, one);
                return E.log1p(E.add(t, E.sqrt(E.multiply(t, E.add(a, one)))));
            }
            T r = E.divide(one, a); // a ≥ 2 (or undecided): log a + log1p(√((1 − 1/a)(1 + 1/a))), no overflow
            return E.add(E.log(a), E.log1p(E.sqrt(E.multiply(E.subtract(one, r), E.add(one, r)))));
        }
    },
    /** atanh a for |a| &lt; 1: 1/((1 − a)(1 + a)). */
    ATANH(1, "atanh") {
        @Override
        public double value(double a, double b) {
            return atanh(a);
        }

        @Override
        public String domainViolation(double a, double b) {
            return !(Math.abs(a) < 1) ? of(a) + " (argument must be in (-1, 1))" : null;
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return 1 / ((1 - a) * (1 + a));
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            T one = A.constant(1);
            return A.divide(one, A.multiply(A.subtract(one, a), A.add(one, a)));
        }

        /** 2a / ((1 − a)(1 + a))². */
        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            T one = A.constant(1);
            T d = A.divide(one, A.multiply(A.subtract(one, a), A.add(one, a)));
            return A.multiply(A.multiply(A.constant(2), a), A.multiply(d, d));
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            aroundOne(E, a, true, of(a) + " (argument must be in (-1, 1))");
            return oddIncreasing(E, a, x -> E.multiply(E.constant(0.5),
                    E.log1p(E.divide(E.multiply(E.constant(2), x), E.subtract(E.constant(1), x)))));
        }
    },
    /** |a|: sign(a); kink at 0 with partial sign(0) = 0. */
    ABS(1, "abs") {
        @Override
        public double value(double a, double b) {
            return Math.abs(a);
        }

        @Override
        public String kink(double a, double b) {
            return a == 0 ? "abs at 0" : null;
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return Math.signum(a);
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            return A.apply(SIGN, a);
        }

        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            return A.constant(0);
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            return abs(E, a);
        }
    },
    /** sign(a) ∈ {−1, 0, 1}: partial 0; a jump at 0. */
    SIGN(1, "sign") {
        @Override
        public double value(double a, double b) {
            return Math.signum(a);
        }

        @Override
        public String kink(double a, double b) {
            return a == 0 ? "sign at 0" : null;
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return 0;
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            return A.constant(0);
        }

        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            return A.constant(0);
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            Elementary.Signs s = E.signs(a);
            T r = s.negative() ? E.constant(-1) : null;
            if (s.zero()) {
                r = r == null ? E.constant(0) : E.hull(r, E.constant(0));
            }
            if (s.positive()) {
                r = r == null ? E.constant(1) : E.hull(r, E.constant(1));
            }
            return r;
        }
    },
    /** min(a, b): the partials of the argument taken, the first at a tie (a kink). */
    MIN(2, "min") {
        @Override
        public double value(double a, double b) {
            return Math.min(a, b);
        }

        @Override
        public String kink(double a, double b) {
            return a == b ? "min at a tie (both " + format(a) + ")" : null;
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return b >= a ? (i == 0 ? 1 : 0) : (i == 0 ? 0 : 1);
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            return A.ifAtLeast(b, a, A.constant(i == 0 ? 1 : 0), A.constant(i == 0 ? 0 : 1));
        }

        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            return A.constant(0);
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            return E.ifAtLeast(b, a, a, b);
        }
    },
    /** max(a, b): the partials of the argument taken, the first at a tie (a kink). */
    MAX(2, "max") {
        @Override
        public double value(double a, double b) {
            return Math.max(a, b);
        }

        @Override
        public String kink(double a, double b) {
            return a == b ? "max at a tie (both " + format(a) + ")" : null;
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return a >= b ? (i == 0 ? 1 : 0) : (i == 0 ? 0 : 1);
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            return A.ifAtLeast(a, b, A.constant(i == 0 ? 1 : 0), A.constant(i == 0 ? 0 : 1));
        }

        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            return A.constant(0);
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            return E.ifAtLeast(a, b, a, b);
        }
    },
    /** hypot(a, b) = √(a² + b²) without overflow: a/h, b/h; kink at (0, 0) with partials (0, 0). */
    HYPOT(2, "hypot") {
        @Override
        public double value(double a, double b) {
            return Math.hypot(a, b);
        }

        @Override
        public String kink(double a, double b) {
            return a == 0 && b == 0 ? "hypot at (0, 0)" : null;
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return dHypot(i == 0 ? a : b, v);
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            return A.divide(i == 0 ? a : b, v);
        }

        /** ∂²/∂a² = (b/h)²/h, ∂²/∂a∂b = −(a/h)(b/h)/h, ∂²/∂b² = (a/h)²/h. */
        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            T ca = A.divide(a, v);
            T cb = A.divide(b, v);
            if (i != j) {
                return A.negate(A.divide(A.multiply(ca, cb), v));
            }
            T c = i == 0 ? cb : ca;
            return A.divide(A.multiply(c, c), v);
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            return hypot(E, a, b);
        }
    },
    /** log₁₀ a: 1/(a ln 10). */
    LOG10(1, "log10") {
        @Override
        public double value(double a, double b) {
            return Math.log10(a);
        }

        @Override
        public String domainViolation(double a, double b) {
            return a <= 0 ? of(a) + " (argument must be > 0)" : null;
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return 1 / (a * LN10);
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            return A.divide(A.constant(1), A.multiply(a, A.apply(LOG, A.constant(10))));
        }

        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            return A.negate(A.divide(A.constant(1), A.multiply(A.multiply(a, a), A.apply(LOG, A.constant(10)))));
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            E.require(a, true, of(a) + " (argument must be > 0)");
            return E.divide(E.log(a), E.log(E.constant(10)));
        }
    },
    /** log₂ a: 1/(a ln 2). */
    LOG2(1, "log2") {
        @Override
        public double value(double a, double b) {
            return Math.log(a) / LN2;
        }

        @Override
        public String domainViolation(double a, double b) {
            return a <= 0 ? of(a) + " (argument must be > 0)" : null;
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return 1 / (a * LN2);
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            return A.divide(A.constant(1), A.multiply(a, A.apply(LOG, A.constant(2))));
        }

        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            return A.negate(A.divide(A.constant(1), A.multiply(A.multiply(a, a), A.apply(LOG, A.constant(2)))));
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            E.require(a, true, of(a) + " (argument must be > 0)");
            return E.divide(E.log(a), E.log(E.constant(2)));
        }
    },
    /** The error function erf a = 2/√π ∫₀ᵃ e^(−s²) ds, accurate to half an ulp: 2 e^(−a²)/√π. */
    ERF(1, "erf") {
        @Override
        public double value(double a, double b) {
            return erf(a);
        }

        @Override
        public double partial(int i, double a, double b, double v) {
            return 2 * Math.exp(-(a * a)) / Math.sqrt(Math.PI);
        }

        @Override
        public <T> T partial(Algebra<T> A, int i, T a, T b, T v) {
            return A.divide(A.multiply(A.constant(2), A.apply(EXP, A.negate(A.multiply(a, a)))),
                    A.apply(SQRT, A.pi()));
        }

        /** −2a erf'(a). */
        @Override
        public <T> T second(Algebra<T> A, int i, int j, T a, T b, T v) {
            return A.multiply(A.multiply(A.constant(-2), a), partial(A, 0, a, b, v));
        }

        @Override
        public <T> T define(Elementary<T> E, T a, T b) {
            return E.erf(a);
        }
    };

    private static final double LN2 = Math.log(2);
    private static final double LN10 = Math.log(10);
    private static final double LARGE = 1e8;

    private final int arity;
    private final String symbol;

    private final boolean hasKinks;

    Primitive(int arity, String symbol) {
        this.arity = arity;
        this.symbol = symbol;
        try {
            this.hasKinks = getClass().getMethod("kink", double.class, double.class).getDeclaringClass()
                    != Primitive.class;
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    /** The number of arguments (1 or 2). */
    public int arity() {
        return arity;
    }

    /** The name, as written in formulas for the functions ({@code "sin"}), or the operator ({@code "+"}). */
    public String symbol() {
        return symbol;
    }

    /** g(a) or g(a, b), IEEE semantics (no domain check: see {@link #domainViolation}). */
    public abstract double value(double a, double b);

    /**
     * Why g is undefined at (a, b), naming the operation and its argument, e.g.
     * {@code "log of -1 (argument must be > 0)"}; null where g is defined.
     */
    public String domainViolation(double a, double b) {
        return null;
    }

    /**
     * Where g is not differentiable at (a, b), e.g. {@code "abs at 0"}; null where it is. At a kink the
     * double-specialised {@link #partial(int, double, double, double)} gives the conventional partial (see the
     * class comment) and every engine records the kink.
     */
    public String kink(double a, double b) {
        return null;
    }

    /** True when g has kinks ({@link #kink} is not always null). */
    public final boolean hasKinks() {
        return hasKinks;
    }

    /**
     * ∂g/∂a (i = 0) or ∂g/∂b (i = 1) at (a, b) with v = g(a, b), on doubles: the generic rule evaluated
     * directly, and the conventional value at a kink.
     */
    public abstract double partial(int i, double a, double b, double v);

    /** ∂g/∂a (i = 0) or ∂g/∂b (i = 1) at (a, b) with v = g(a, b), over any algebra of numbers (away from kinks). */
    public abstract <T> T partial(Algebra<T> A, int i, T a, T b, T v);

    /** ∂²g/∂x_i∂x_j (i, j ∈ {0, 1}, x_0 = a, x_1 = b) at (a, b) with v = g(a, b), over any algebra (away from kinks). */
    public abstract <T> T second(Algebra<T> A, int i, int j, T a, T b, T v);

    /**
     * g(a) or g(a, b) over numbers that evaluate the elementary kernels themselves (enclosures, high precision):
     * the one high-precision definition of the primitive, written over the kernels of {@link Elementary}, its
     * arithmetic and comparisons, so that it stays accurate relatively at tiny and huge arguments where the
     * kernels are (sinh a = (expm1 a − expm1(−a))/2, asin a = atan2(a, √((1 − a)(1 + a))), hypot scaled by the
     * larger argument, atan2 by octants, integer powers by repeated squaring, a^b = exp(b log a) otherwise).
     *
     * <p>Domain contract: where every point of the argument lies in g's domain the result contains g at every
     * point; where the argument lies wholly outside it (log of [−2, −1], division by exactly 0, csc of 0) this
     * throws {@link OutsideDomainException}, named as {@link #domainViolation} names it; where it straddles the
     * edge (log of [−1, 1], a divisor that contains 0, atan2 at a box around the origin) it throws
     * {@link UndecidedException} ("cannot certify"). Where g is discontinuous inside the argument (sign, atan2
     * across its cut, max at a tie) the result is the hull of the values. Overflow is not an error: the result
     * is unbounded or holds the largest finite numbers, which the caller reports.
     *
     * @param E the kind of numbers
     * @param a the first argument
     * @param b the second argument (ignored, may be null, for unary primitives)
     * @param <T> the numbers
     * @return an enclosure (or the high-precision value) of g(a, b)
     */
    public abstract <T> T define(Elementary<T> E, T a, T b);

    /** The primitive written {@code symbol} (as {@link #symbol}), or null. */
    public static Primitive bySymbol(String symbol) {
        for (Primitive p : values()) {
            if (p.symbol.equals(symbol)) {
                return p;
            }
        }
        return null;
    }

    String of(double a) {
        return symbol + " of " + format(a);
    }

    /** "sin of [1, 2]": the operation and a number of any kind, for domain messages. */
    String of(Object a) {
        return symbol + " of " + a;
    }

    // ---- double-specialised rules shared by the engines and the code the window kernels generate ----

    /** ∂/∂a a^p = p a^(p−1); 0 for p = 0 (also at a = 0), and 0 at the kink a = 0 with 0 &lt; p &lt; 1. */
    public static double powBase(double a, double p) {
        if (p == 0 || a == 0 && p > 0 && p < 1) {
            return 0;
        }
        return p * Math.pow(a, p - 1);
    }

    /** ∂/∂p a^p = a^p log a, taken as its limit 0 at a = 0 with p &gt; 0, and 0 at the jump 0^0. */
    public static double powExponent(double a, double p, double v) {
        return a == 0 && p >= 0 ? 0 : v * Math.log(a);
    }

    /** d√a = 0.5/√a, and 0 at the kink a = 0. */
    public static double dSqrt(double a, double v) {
        return a == 0 ? 0 : 0.5 / v;
    }

    /** d∛a = 1/(3 ∛a²), and 0 at the kink a = 0. */
    public static double dCbrt(double a, double v) {
        return a == 0 ? 0 : 1 / (3 * (v * v));
    }

    /** d asin a = 1/√((1 − a)(1 + a)), and 0 at the kinks ±1. */
    public static double dAsin(double a, double v) {
        return Math.abs(a) == 1 ? 0 : 1 / Math.sqrt((1 - a) * (1 + a));
    }

    /** d acosh a = 1/(√(a − 1) √(a + 1)), and 0 at the kink 1. */
    public static double dAcosh(double a, double v) {
        return a == 1 ? 0 : 1 / (Math.sqrt(a - 1) * Math.sqrt(a + 1));
    }

    /** ∂/∂a hypot(a, c) = a/h, and 0 at (0, 0). */
    public static double dHypot(double a, double h) {
        return h == 0 ? 0 : a / h;
    }

    private static <T> T oneMinusSquareRoot(Algebra<T> A, T a) {
        T one = A.constant(1);
        return A.apply(SQRT, A.multiply(A.subtract(one, a), A.add(one, a)));
    }

    private static <T> T rootsAroundOne(Algebra<T> A, T a) {
        T one = A.constant(1);
        return A.multiply(A.apply(SQRT, A.subtract(a, one)), A.apply(SQRT, A.add(a, one)));
    }

    // ---- the definitions' shared steps over Elementary (see define) ----

    /** n/d, requiring d ≠ 0 at every point (what names the operation for the error). */
    private static <T> T quotient(Elementary<T> E, T n, T d, String what) {
        Elementary.Signs s = E.signs(d);
        if (s.zeroOnly()) {
            throw new OutsideDomainException(what);
        }
        if (s.zero()) {
            throw new UndecidedException(what + ": the divisor contains 0");
        }
        return E.divide(n, d);
    }

    /** {1 − a, 1 + a}, requiring both ≥ 0 (|a| ≤ 1), or &gt; 0 when strict. */
    private static <T> T[] aroundOne(Elementary<T> E, T a, boolean strict, String what) {
        T one = E.constant(1);
        T below = E.subtract(one, a);
        T above = E.add(one, a);
        E.require(below, strict, what);
        E.require(above, strict, what);
        @SuppressWarnings("unchecked")
        T[] both = (T[]) new Object[] {below, above};
        return both;
    }

    /**
     * f(a) for an odd increasing f given by its definition for positive arguments: f(a) for a &gt; 0, −f(−a)
     * for a &lt; 0, 0 at 0, and [−f(M), f(M)] (the part of it the signs of a allow) for M = max |a| otherwise.
     */
    private static <T> T oddIncreasing(Elementary<T> E, T a, java.util.function.UnaryOperator<T> positive) {
        Elementary.Signs s = E.signs(a);
        if (s.zeroOnly()) {
            return E.constant(0);
        }
        if (s.positiveOnly()) {
            return positive.apply(a);
        }
        if (s.negativeOnly()) {
            return E.negate(positive.apply(E.negate(a)));
        }
        T r = positive.apply(E.magnitude(a));
        return E.hull(s.negative() ? E.negate(r) : E.constant(0), s.positive() ? r : E.constant(0));
    }

    /**
     * ∛x for x &gt; 0: x = 2^(3k) y exactly (k from the largest point of x, where it is a double), ∛x = 2^k
     * exp(log(y)/3), so that the rounding of the logarithm is not magnified at tiny and huge x.
     */
    private static <T> T cubeRoot(Elementary<T> E, T x) {
        java.util.OptionalDouble m = E.point(E.magnitude(x));
        int k = m.isPresent() && Double.isFinite(m.getAsDouble()) ? Math.getExponent(m.getAsDouble()) / 3 : 0;
        k = Math.max(-340, Math.min(340, k)); // 2^(±3k) stays a normal double
        T y = E.multiply(x, E.constant(Math.scalb(1.0, -3 * k)));
        return E.multiply(E.constant(Math.scalb(1.0, k)), E.exp(E.divide(E.log(y), E.constant(3))));
    }

    /** |a|: a, −a, or [0, max |a|] where a has both signs. */
    private static <T> T abs(Elementary<T> E, T a) {
        Elementary.Signs s = E.signs(a);
        if (s.nonNegative()) {
            return a;
        }
        if (s.nonPositive()) {
            return E.negate(a);
        }
        return E.hull(E.constant(0), E.magnitude(a));
    }

    /**
     * atan2(y, x) by octants, so that atan's argument is at most 1 in magnitude where it is decided and no
     * result cancels: atan(y/x) for x &gt; 0, ±π + atan(y/x) for x &lt; 0 (π at y = 0, the hull across the cut),
     * ±π/2 − atan(x/y) where |y| &gt; |x|.
     */
    private static <T> T atan2(Elementary<T> E, T y, T x) {
        Elementary.Signs sy = E.signs(y);
        Elementary.Signs sx = E.signs(x);
        if (sy.zeroOnly() && sx.zeroOnly()) {
            throw new OutsideDomainException(ATAN2.domainViolation(0, 0));
        }
        if (sy.zero() && sx.zero()) {
            throw new UndecidedException("atan2 of (" + y + ", " + x + "): the point reaches the origin");
        }
        Elementary.Signs steep = E.signs(E.subtract(abs(E, y), abs(E, x)));
        T halfPi = E.multiply(E.constant(0.5), E.pi());
        if (steep.positiveOnly() || !steep.nonPositive() && !sy.zero()) { // |y| > |x|, y ≠ 0
            T t = E.atan(E.divide(x, y));
            return sy.positiveOnly() ? E.subtract(halfPi, t) : E.negate(E.add(halfPi, t));
        }
        T t = E.atan(E.divide(y, x)); // x ≠ 0 here
        if (sx.positiveOnly()) {
            return t;
        }
        T upper = E.add(E.pi(), t);
        T lower = E.subtract(t, E.pi());
        return sy.nonNegative() ? upper : sy.negativeOnly() ? lower : E.hull(upper, lower);
    }

    /** hypot(a, b) = m √(1 + (s/m)²) with m the larger and s the smaller magnitude: no overflow, no cancellation. */
    private static <T> T hypot(Elementary<T> E, T a, T b) {
        T p = abs(E, a);
        T q = abs(E, b);
        Elementary.Signs d = E.signs(E.subtract(p, q));
        T m = d.nonNegative() || !d.negativeOnly() && E.signs(p).positiveOnly() ? p : q;
        T s = m == p ? q : p;
        Elementary.Signs sm = E.signs(m);
        if (sm.zeroOnly()) {
            return E.constant(0);
        }
        if (!sm.positiveOnly()) {
            return E.sqrt(E.add(E.multiply(p, p), E.multiply(q, q)));
        }
        T r = E.divide(s, m);
        return E.multiply(m, E.sqrt(E.add(E.constant(1), E.multiply(r, r))));
    }

    /**
     * a^b: by repeated squaring for an exact integer |b| ≤ 64 (1/a^|b| for b &lt; 0; a^0 = 1; relative error at
     * most about |b| roundings), ±exp(b log |a|) for a larger integer (a relative error about |b log a|
     * roundings, less than repeated squaring's |b|), exp(b log a) for a &gt; 0 otherwise, 0 at a = 0 with
     * b &gt; 0; a negative base needs an integer exponent.
     */
    private static <T> T power(Elementary<T> E, T a, T b) {
        java.util.OptionalDouble n = E.point(b);
        Elementary.Signs s = E.signs(a);
        boolean integer = n.isPresent() && isInteger(n.getAsDouble());
        if (integer && Math.abs(n.getAsDouble()) <= 64) {
            int k = (int) n.getAsDouble();
            if (k < 0) {
                return quotient(E, E.constant(1), integerPower(E, a, -k), "division by zero (" + a + "^" + k + ")");
            }
            return k == 0 ? E.constant(1) : integerPower(E, a, k);
        }
        if (s.positiveOnly()) {
            return E.exp(E.multiply(b, E.log(a)));
        }
        if (s.zeroOnly()) {
            Elementary.Signs sb = E.signs(b);
            if (sb.positiveOnly()) {
                return E.constant(0);
            }
            if (sb.nonPositive()) {
                throw new OutsideDomainException("division by zero (0^" + b + ")");
            }
            throw new UndecidedException("pow of (" + a + ", " + b + "): 0 to an exponent of both signs");
        }
        if (s.negativeOnly() && integer) {
            T r = E.exp(E.multiply(b, E.log(E.negate(a))));
            return Math.IEEEremainder(n.getAsDouble(), 2) == 0 ? r : E.negate(r);
        }
        if (s.negativeOnly() && n.isPresent()) {
            throw new OutsideDomainException("power of negative base " + a + " with non-integer exponent " + b);
        }
        throw new UndecidedException("pow of (" + a + ", " + b + "): the base reaches 0 or below");
    }

    /** a^k for k ≥ 1 by repeated squaring (each square is a·a of one number, which enclosures square tightly). */
    private static <T> T integerPower(Elementary<T> E, T a, int k) {
        T r = null;
        T p = a;
        while (true) {
            if ((k & 1) == 1) {
                r = r == null ? p : E.multiply(r, p);
            }
            k >>= 1;
            if (k == 0) {
                return r;
            }
            p = E.multiply(p, p);
        }
    }

    // ---- accurate values the JDK lacks ----

    /** asinh a = sign(a) log(|a| + √(a² + 1)), accurate near 0 and for huge |a|. */
    public static double asinh(double a) {
        double x = Math.abs(a);
        double r = x > LARGE ? Math.log(x) + LN2 : Math.log1p(x + x * x / (1 + Math.sqrt(1 + x * x)));
        return Math.copySign(r, a);
    }

    /** acosh a = log(a + √(a² − 1)) for a ≥ 1 (NaN below). */
    public static double acosh(double a) {
        if (a > LARGE) {
            return Math.log(a) + LN2;
        }
        double t = a - 1;
        return Math.log1p(t + Math.sqrt(t * (a + 1)));
    }

    /** atanh a = ½ log((1 + a)/(1 − a)) for |a| &lt; 1. */
    public static double atanh(double a) {
        double x = Math.abs(a);
        return Math.copySign(0.5 * Math.log1p(2 * x / (1 - x)), a);
    }

    // ---- erf: a double-double Maclaurin series below 2.5, 1 − erfc by a continued fraction above ----

    private static final double TWO_OVER_ROOT_PI = 1.1283791670955126;
    private static final double TWO_OVER_ROOT_PI_LOW = 1.533545961316588e-17;
    private static final double ONE_OVER_ROOT_PI = 0.5641895835477563;
    private static final double ERF_SERIES_BELOW = 2.5;
    /** erfc a &lt; 2⁻⁵⁴ beyond, so erf a rounds to ±1. */
    private static final double ERF_ONE_BEYOND = 6;

    /**
     * erf a. For |a| &lt; 2.5 the Maclaurin series 2/√π Σ (−1)ⁿ a^(2n+1)/(n!(2n+1)) summed in double-double
     * arithmetic (the cancellation costs at most e^(a²) ≈ 2⁹ of its 106 bits); for 2.5 ≤ |a| &lt; 6, 1 − erfc a
     * with erfc a = e^(−a²)/√π · 1/(a + ½/(a + 1/(a + (3/2)/(a + …)))) by the modified Lentz method (at most ~50
     * terms) and e^(−a²) with a² split exactly; ±1 beyond. Within half an ulp of the exact value on the points
     * {@code PrimitiveTableTest} checks against a BigDecimal series.
     */
    public static double erf(double a) {
        double x = Math.abs(a);
        double r;
        if (x < ERF_SERIES_BELOW) {
            r = erfSeries(x);
        } else if (x < ERF_ONE_BEYOND) {
            r = 1 - erfcFraction(x);
        } else {
            r = x == x ? 1 : Double.NaN;
        }
        return Math.copySign(r, a);
    }

    private static double erfSeries(double a) {
        double a2 = a * a;
        double a2Low = Math.fma(a, a, -a2);
        double t = a; // the term a^(2n+1)(−1)ⁿ/n! as t + tLow
        double tLow = 0;
        double s = a; // the sum as s + sLow
        double sLow = 0;
        for (int n = 1; n < 200; n++) {
            // t ← −t a² / n
            double p = t * a2;
            double pLow = Math.fma(t, a2, -p) + (t * a2Low + tLow * a2);
            double h = p + pLow;
            double l = pLow - (h - p);
            double q = h / n;
            double q2 = (-Math.fma(q, n, -h) + l) / n;
            t = -(q + q2);
            tLow = -(q2 - ((q + q2) - q));
            // d ← t / (2n + 1)
            int m = 2 * n + 1;
            double d = t / m;
            double d2 = (-Math.fma(d, m, -t) + tLow) / m;
            double dh = d + d2;
            double dl = d2 - (dh - d);
            // s ← s + d
            double u = s + dh;
            double v = u - s;
            double e = (s - (u - v)) + (dh - v) + sLow + dl;
            s = u + e;
            sLow = e - (s - u);
            if (Math.abs(dh) < 1e-34 * s) {
                break;
            }
        }
        double p = TWO_OVER_ROOT_PI * s;
        return p + (Math.fma(TWO_OVER_ROOT_PI, s, -p) + (TWO_OVER_ROOT_PI * sLow + TWO_OVER_ROOT_PI_LOW * s));
    }

    /** erfc a for a ≥ 2.5 by the continued fraction (modified Lentz), e^(−a²) with a² split exactly. */
    private static double erfcFraction(double a) {
        double f = a;
        double c = a;
        double d = 0;
        for (int k = 1; k < 200; k++) {
            double ak = 0.5 * k;
            d = 1 / (a + ak * d);
            c = a + ak / c;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        double hi = Double.longBitsToDouble(Double.doubleToRawLongBits(a) & 0xFFFFFFFFF8000000L);
        double lo = a - hi;
        return Math.exp(-hi * hi) * Math.exp(-lo * (a + hi)) * ONE_OVER_ROOT_PI / f;
    }

    // ---- numbers in messages ----

    /** The shortest decimal text of v that parses back to v; integers without {@code .0}, exponents as {@code e-5}. */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return mantissa + "e" + s.substring(e + 1);
    }

    /** True when v is an integer (and finite). */
    public static boolean isInteger(double v) {
        return v == Math.rint(v) && !Double.isInfinite(v);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
