package dev.nabla.explorer;

import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.Kink;
import dev.nabla.core.field.Vectors;
import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.geometry.LevelSet;
import dev.nabla.core.geometry.StationaryPoint;
import dev.nabla.core.geometry.SteepestAscent;
import dev.nabla.core.check.DifferentiabilityReport;
import dev.nabla.core.check.DirectionalLimits;
import dev.nabla.core.check.OneSidedLimit;
import dev.nabla.core.nonsmooth.ClarkeSet;
import dev.nabla.core.nonsmooth.ClarkeSubdifferential;
import dev.nabla.core.onesided.DirectionalDerivative;
import dev.nabla.symbolic.nonsmooth.KinkAnalysis;
import dev.nabla.symbolic.Formula;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Everything the documents say about a field f at a point x, as the explorer's {@code /api/analyze} answers it.
 *
 * @param expr              the expression as typed
 * @param plain             f printed back as plain text
 * @param latex             f in LaTeX
 * @param variables         the variables, in order
 * @param point             x
 * @param value             f(x)
 * @param gradient          ∇f, symbolic and at x
 * @param direction         D_v f(x) for the requested direction, written out as ∇f·v
 * @param hessian           the Hessian, symbolic and at x (values null with a reason when it cannot be evaluated)
 * @param steepest          steepest ascent and descent (null at a kink, where ∇f(x) does not exist)
 * @param levelSet          the level set through x with its normal and tangent (null at a kink)
 * @param classification    the point's kind by the Hessian (null when H(x) is undefined)
 * @param differentiability the numerical differentiability test at x
 * @param clarke            the Clarke subdifferential ∂f(x) where x is a kink, else null
 */
record Analysis(String expr, String plain, String latex, List<String> variables, double[] point, double value,
                GradientPart gradient, DirectionPart direction, HessianPart hessian, SteepestPart steepest,
                LevelSetPart levelSet, ClassificationPart classification, DifferentiabilityPart differentiability,
                ClarkePart clarke) {

    /** A formula printed both ways. */
    record Symbolic(String plain, String latex) {
        static Symbolic of(Formula f) {
            return new Symbolic(f.toString(), f.toLatex());
        }
    }

    /**
     * ∇f: the formulas ∂f/∂x_i, their values at x, ‖∇f(x)‖ and the kinks met (non-empty: x may be a point
     * where f is not differentiable and the values are a one-sided convention).
     */
    record GradientPart(List<Symbolic> formulas, double[] values, double norm, boolean smooth, List<String> kinks) {
        static GradientPart of(List<Formula> formulas, Gradient g, PrintBudget budget) {
            return new GradientPart(formulas.stream().map(p -> budget.print(p, "∇f")).toList(), g.gradient(),
                    g.norm(), g.isSmooth(), g.kinks().stream().map(Kink::where).distinct().toList());
        }
    }

    /**
     * The directional derivative D_v f(x) = ∇f(x)·v, for v as given and for the unit vector v̂ = v/‖v‖
     * (D_v f = ‖v‖ D_v̂ f): the documents' worked example gives −7.690 for v = (1, −2) and −3.439 for v̂.
     *
     * @param given           v as requested
     * @param normalised      whether the answer's v is the unit vector v̂
     * @param v               the direction used (v̂ when normalised)
     * @param length          ‖v‖ of the given v
     * @param derivative      ∇f(x)·v for the v used, null when x is a kink (∇f(x) does not exist there)
     * @param asGiven         D_v f(x) = ∇f(x)·v for v as given (null at a kink)
     * @param unit            D_v̂ f(x) = ∇f(x)·v̂ (null at a kink or for v = 0)
     * @param writtenOut      ∇f·v = g₁v₁ + g₂v₂ = … as text
     * @param writtenOutLatex the same in LaTeX
     * @param formula         the symbolic ∇f·v
     * @param formulaValue    the symbolic ∇f·v evaluated at x (agrees with {@code derivative})
     * @param byDefinition    at a kink, the one-sided D_v f(x) = lim_{t↓0} (f(x + t v) − f(x))/t, exact where the
     *                        expansion of f(x + t v) decides it (null where x is no kink or the limit does not exist)
     */
    record DirectionPart(double[] given, boolean normalised, double[] v, double length, Double derivative,
                         Double asGiven, Double unit, String writtenOut, String writtenOutLatex, Symbolic formula,
                         Double formulaValue, Double byDefinition) {

        static DirectionPart of(Formula f, Gradient g, double[] given, boolean normalise, PrintBudget budget) {
            double length = Vectors.norm(given);
            if (normalise && length == 0) {
                throw ApiException.badRequest("the zero direction cannot be normalised");
            }
            double[] unitV = length == 0 ? null : Vectors.scale(1 / length, given);
            double[] v = normalise ? unitV : given.clone();
            double[] grad = g.gradient();
            StringBuilder text = new StringBuilder("∇f·v = ");
            StringBuilder tex = new StringBuilder("\\nabla f\\cdot v = ");
            for (int i = 0; i < v.length; i++) {
                String sep = i == 0 ? "" : " + ";
                text.append(sep).append('(').append(Numbers.text(grad[i])).append(")(").append(Numbers.text(v[i])).append(')');
                tex.append(sep).append('(').append(Numbers.latex(grad[i])).append(")(").append(Numbers.latex(v[i])).append(')');
            }
            double dot = Vectors.dot(grad, v);
            text.append(" = ").append(Numbers.text(dot));
            tex.append(" = ").append(Numbers.latex(dot));
            Formula symbolic = Expressions.derive("∇f·v", () -> f.directionalDerivativeFormula(v));
            Symbolic printed = budget.print(symbolic, "∇f·v");
            boolean smooth = g.isSmooth();
            Double symbolicValue = smooth ? Expressions.evaluate(() -> symbolic.value(g.point())) : null;
            Double byDefinition = null;
            if (!smooth) {
                byDefinition = oneSided(f, g.point(), v);
            }
            return new DirectionPart(given, normalise, v, length, smooth ? dot : null,
                    smooth ? Vectors.dot(grad, given) : null, smooth && unitV != null ? Vectors.dot(grad, unitV) : null,
                    text.toString(), tex.toString(), printed, symbolicValue, byDefinition);
        }
    }

    /**
     * The one-sided D_v f(x) = lim_{t↓0} (f(x + t v) − f(x))/t at a kink: exact from the expansion of f(x + t v) in
     * t ({@link Formula#oneSidedDirectionalDerivative}); where that cannot decide, the limit estimated from
     * difference quotients; null when the limit is infinite or does not exist.
     */
    static Double oneSided(Formula f, double[] x, double[] v) {
        DirectionalDerivative exact = f.oneSidedDirectionalDerivative(x, v);
        if (exact.kind() == DirectionalDerivative.Kind.FINITE) {
            return exact.value();
        }
        if (exact.kind() == DirectionalDerivative.Kind.NOT_DECIDED) {
            OneSidedLimit estimate = DirectionalLimits.oneSided(f, x, v, OneSidedLimit.Side.RIGHT);
            return estimate.exists() ? estimate.value() : null;
        }
        return null;
    }

    /**
     * The Hessian H_ij = ∂²f/∂x_i∂x_j.
     *
     * @param formulas the second partial derivatives
     * @param values   H(x), null when it does not exist at x
     * @param exists   false where H(x) does not exist: ∇f does not exist at x (a kink), a first partial derivative
     *                 has a kink at x, or a second derivative is undefined there
     * @param reason   why {@code values} is null, or a note (entries beyond the double range); null otherwise
     */
    record HessianPart(List<List<Symbolic>> formulas, double[][] values, boolean exists, String reason) {
        static HessianPart of(Formula f, Gradient g, PrintBudget budget) {
            List<List<Formula>> h = Expressions.derive("the Hessian", f::hessianFormulas);
            budget.charge(h.stream().flatMap(List::stream).toList(), "the Hessian");
            List<List<Symbolic>> formulas = h.stream().map(row -> row.stream().map(Symbolic::of).toList()).toList();
            double[] x = g.point();
            if (!g.isSmooth()) {
                return new HessianPart(formulas, null, false, "H(x) does not exist: ∇f does not exist at "
                        + Numbers.point(x) + " (a kink at " + String.join(", ", kinks(g)) + ")");
            }
            try {
                List<Formula> partials = f.gradientFormulas();
                for (int i = 0; i < partials.size(); i++) {
                    Gradient row = partials.get(i).valueAndGradient(x);
                    if (!row.isSmooth()) {
                        return new HessianPart(formulas, null, false, "H(x) does not exist: ∂f/∂"
                                + f.variables().get(i) + " = " + partials.get(i) + " has a kink at " + Numbers.point(x)
                                + " (" + String.join(", ", kinks(row)) + ")");
                    }
                }
                double[][] values = f.hessian(x);
                return new HessianPart(formulas, values, true, allFinite(values) ? null
                        : "some entries of H(x) are beyond the double range (±1.8·10^308)");
            } catch (ArithmeticException undefined) {
                return new HessianPart(formulas, null, false, "H(x) does not exist: " + undefined.getMessage());
            }
        }

        /** Whether H(x) exists and every entry is a finite number (what the eigen-solver needs). */
        boolean finite() {
            return values != null && allFinite(values);
        }

        private static boolean allFinite(double[][] m) {
            return Arrays.stream(m).flatMapToDouble(Arrays::stream).allMatch(Double::isFinite);
        }

        private static List<String> kinks(Gradient g) {
            return g.kinks().stream().map(Kink::where).distinct().toList();
        }
    }

    /**
     * Steepest ascent ∇f/‖∇f‖ and descent −∇f/‖∇f‖, both at rate ‖∇f‖ (Cauchy–Schwarz); at a stationary point
     * there is no steepest direction ({@code ascent} and {@code descent} null).
     */
    record SteepestPart(double[] ascent, double[] descent, double rate, boolean stationary) {
        static SteepestPart of(SteepestAscent s) {
            return new SteepestPart(s.ascent().orElse(null), s.descent().orElse(null), s.rate(), s.isStationary());
        }
    }

    /**
     * The level set {f = c} through x: unit normal ∇f/‖∇f‖, a tangent basis, and the tangent line's equation.
     * Where ∇f(x) = 0 there is no normal: {@code normal} is null and {@code note} says why.
     */
    record LevelSetPart(double level, double[] normal, List<double[]> tangent, String equation,
                        String equationLatex, String note) {
        static LevelSetPart of(DifferentiableScalarField f, double[] x, double value) {
            try {
                LevelSet s = LevelSet.through(f, x);
                String equation = s.tangent().toString();
                return new LevelSetPart(s.level(), s.unitNormal(), s.tangentBasis(), equation,
                        equation.replace("*", " \\cdot ").replace("−", "-"), null);
            } catch (IllegalArgumentException stationary) {
                return new LevelSetPart(value, null, List.of(), null, null, stationary.getMessage());
            }
        }
    }

    /**
     * The point's kind: at a stationary point the Hessian's verdict (minimum, maximum, saddle, degenerate),
     * elsewhere "not stationary"; with the Hessian's eigenvalues either way.
     */
    record ClassificationPart(String kind, double[] eigenvalues) {
        static ClassificationPart of(SteepestAscent s, double[][] hessian) {
            StationaryPoint byHessian = s.stationary().orElseGet(() -> StationaryPoint.classify(hessian));
            String kind = s.isStationary() ? byHessian.kind().name().toLowerCase(Locale.ROOT) : "not stationary";
            return new ClassificationPart(kind, byHessian.eigenvalues());
        }
    }

    /**
     * The numerical differentiability test: D_v f(x) from its definition along many directions, tested for
     * linearity in v.
     *
     * @param verdict        differentiable, directional derivatives not linear, one-sided only, or none
     * @param differentiable whether the verdict is "differentiable"
     * @param explanation    the evidence that decided it
     */
    record DifferentiabilityPart(String verdict, boolean differentiable, String explanation) {
        static DifferentiabilityPart of(DifferentiabilityReport r) {
            String verdict = switch (r.verdict()) {
                case DIFFERENTIABLE -> "differentiable";
                case DIRECTIONAL_NOT_LINEAR -> "not differentiable: directional derivatives exist but v ↦ D_v f is not linear";
                case ONE_SIDED_ONLY -> "not differentiable: only one-sided directional derivatives (a kink)";
                case NO_DIRECTIONAL_DERIVATIVE -> "not differentiable: some directional derivative does not exist";
            };
            return new DifferentiabilityPart(verdict, r.verdict().isDifferentiable(), r.evidence());
        }
    }

    /**
     * The Clarke subdifferential ∂f(x) where x is a kink of f.
     *
     * @param kind        exact, enclosure (∂f(x) ⊆ set) or estimate (gradient sampling); "none" when f is not
     *                    locally Lipschitz at x
     * @param explanation the rule that produced it, or why there is no Clarke set
     * @param kinks       the active kinks, e.g. {@code abs(x)}
     * @param set         the set as text: an interval, a ball or polytope vertices
     * @param vertices    the polytope's vertices (empty for a ball or an interval)
     * @param minimumNorm the minimum-norm element g⋆; −g⋆/‖g⋆‖ is the steepest descent direction
     */
    record ClarkePart(String kind, String explanation, List<String> kinks, String set, List<double[]> vertices,
                      double[] minimumNorm) {
        static ClarkePart of(KinkAnalysis k) {
            ClarkeSubdifferential d = k.subdifferential();
            if (d == null) {
                return new ClarkePart("none", k.notLipschitz(), k.activeKinks(), null, List.of(), null);
            }
            List<double[]> vertices = d.set() instanceof ClarkeSet.Polytope p ? p.vertices() : List.of();
            return new ClarkePart(d.kind().name().toLowerCase(Locale.ROOT), d.explanation(), k.activeKinks(),
                    d.set().toString(), vertices, d.set().minimumNormElement());
        }
    }
}
