package dev.nabla.explorer;

import dev.nabla.core.field.Vectors;
import dev.nabla.symbolic.Formula;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * "Check my answer": a student's gradient formula and value of D_v f compared with the library's.
 *
 * @param gradient   per component of ∇f, whether the student's formula agrees (null when none was given)
 * @param derivative whether the student's value of D_v f is right to the digits typed (null when none was given)
 */
record AnswerCheck(List<Component> gradient, Value derivative) {

    /** Points where formulas are compared: x itself and 8 fixed points around it (the same every time). */
    static final int AROUND = 8;

    /**
     * One component ∂f/∂x_i.
     *
     * @param variable  x_i
     * @param given     the student's formula as typed
     * @param right     whether it agrees with ∂f/∂x_i at x and at the 8 points around it
     * @param expected  ∂f/∂x_i as the library prints it
     * @param differsAt the first point where the two differ (null when right)
     * @param givenValue    the student's formula's value there (null when right or undefined)
     * @param expectedValue ∂f/∂x_i there (null when right or undefined)
     */
    record Component(String variable, String given, boolean right, String expected, double[] differsAt,
                     Double givenValue, Double expectedValue) {
    }

    /**
     * A value of D_v f.
     *
     * @param given     as typed
     * @param right     whether it equals D_v f(x) to the digits typed (half a unit of the last digit)
     * @param expected  D_v f(x) for the direction as chosen (v as given, or v̂)
     * @param tolerance half a unit of the last digit typed
     * @param hint      what the value is instead, when it is the other of D_v f and D_v̂ f or has the wrong sign
     */
    record Value(String given, boolean right, double expected, double tolerance, String hint) {
    }

    static AnswerCheck of(Formula f, double[] x, double[] direction, boolean normalise, List<Formula> partials,
                          List<String> sources, String derivative) {
        List<Component> components = partials == null ? null : components(f, x, partials, sources);
        Value value = derivative == null ? null : value(f, x, direction, normalise, derivative);
        return new AnswerCheck(components, value);
    }

    private static List<Component> components(Formula f, double[] x, List<Formula> given, List<String> sources) {
        List<Formula> expected = f.gradientFormulas();
        List<double[]> points = new ArrayList<>();
        points.add(x.clone());
        SplittableRandom random = new SplittableRandom(2026);
        double scale = Math.max(1, Vectors.norm(x)) * 0.5;
        for (int k = 0; k < AROUND; k++) {
            double[] p = x.clone();
            for (int i = 0; i < p.length; i++) {
                p[i] += scale * random.nextDouble(-1, 1);
            }
            points.add(p);
        }
        List<Component> out = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            Component c = new Component(f.variables().get(i), sources.get(i), true, expected.get(i).toString(),
                    null, null, null);
            for (double[] p : points) {
                Double want = valueOrNull(expected.get(i), p);
                Double got = valueOrNull(given.get(i), p);
                boolean agree = want == null ? got == null
                        : got != null && Math.abs(got - want) <= 1e-9 * (1 + Math.abs(want));
                if (!agree) {
                    c = new Component(c.variable(), c.given(), false, c.expected(), p, got, want);
                    break;
                }
            }
            out.add(c);
        }
        return out;
    }

    private static Double valueOrNull(Formula f, double[] p) {
        try {
            double v = f.value(p);
            return Double.isFinite(v) ? v : null;
        } catch (ArithmeticException undefined) {
            return null;
        }
    }

    private static Value value(Formula f, double[] x, double[] direction, boolean normalise, String typed) {
        BigDecimal given;
        try {
            given = new BigDecimal(typed.trim().replace('−', '-').replace('＋', '+'));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("'derivative' must be a number such as -7.690, got '" + typed + "'");
        }
        dev.nabla.core.field.Gradient g = Expressions.evaluate(() -> f.valueAndGradient(x));
        double length = Vectors.norm(direction);
        // where f is differentiable D_v f = ∇f·v; at a kink the one-sided limit, exact
        Double oneSided = g.isSmooth() ? null : Analysis.oneSided(f, x, direction);
        double asGiven = g.isSmooth() ? Vectors.dot(g.gradient(), direction) : oneSided == null ? Double.NaN : oneSided;
        double unit = length == 0 ? Double.NaN : asGiven / length;
        double expected = normalise ? unit : asGiven;
        double tolerance = 0.5 * Math.pow(10, -given.scale()) + 1e-12 * Math.abs(expected);
        double typedValue = given.doubleValue();
        boolean right = Math.abs(typedValue - expected) <= tolerance;
        String hint = null;
        if (!right) {
            double other = normalise ? asGiven : unit;
            if (Math.abs(typedValue - other) <= tolerance) {
                hint = normalise ? "that is D_v f for v as given; for the unit direction v̂ = v/‖v‖ divide by ‖v‖ = "
                        + Numbers.text(length) : "that is D_v̂ f for the unit direction; for v as given multiply by ‖v‖ = "
                        + Numbers.text(length);
            } else if (Math.abs(typedValue + expected) <= tolerance) {
                hint = "the sign is wrong";
            }
        }
        return new Value(typed, right, expected, tolerance, hint);
    }
}
