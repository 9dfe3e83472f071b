package dev.nabla.cli;

import dev.nabla.cli.support.ByOption;
import dev.nabla.cli.support.ByOption.Way;
import dev.nabla.cli.support.Certification;
import dev.nabla.cli.support.ExitCode;
import dev.nabla.cli.support.JsonFormula;
import dev.nabla.cli.support.JsonOption;
import dev.nabla.cli.support.Kinks;
import dev.nabla.cli.support.LatexOption;
import dev.nabla.cli.support.Layout;
import dev.nabla.cli.support.Numbers;
import dev.nabla.cli.support.Output;
import dev.nabla.cli.support.PointOption;
import dev.nabla.cli.support.PrecisionOption;
import dev.nabla.cli.support.SymbolicAnswer;
import dev.nabla.cli.support.Points;
import dev.nabla.cli.support.UsageException;
import dev.nabla.cli.support.VariablesOption;
import dev.nabla.cli.support.VectorArgument;
import dev.nabla.cli.support.VectorConverter;
import dev.nabla.core.ad.AD;
import dev.nabla.core.check.DirectionalLimits;
import dev.nabla.core.check.ExactDifferentiability;
import dev.nabla.core.check.OneSidedLimit;
import dev.nabla.core.field.DomainException;
import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.Kink;
import dev.nabla.core.field.Vectors;
import dev.nabla.core.onesided.DirectionalDerivative;
import dev.nabla.symbolic.Formula;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nabla dir EXPR --at POINT --dir V [--by WAY]}: the directional derivative D_v f(x) =
 * lim_{t→0⁺} (f(x + t v) − f(x)) / t, exactly (the one-sided expansion of f(x + t v), at kinks too: a number,
 * +∞, −∞ or "does not exist" with the reason), with D_v̂ f = D_v f / ‖v‖ for the unit vector; where f is
 * differentiable also both ways the documents compute it — ∇f·v and d/dt f(x + t v) at t = 0 — as formulas.
 */
@Command(name = "dir", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The directional derivative D_v f = lim (f(x + t v) − f(x))/t, t → 0+, exactly (kinks too),",
                "and D_v̂ f for v̂ = v/‖v‖; where f is differentiable also ∇f·v and d/dt f(x + t v) at t = 0.",
                "--by symbolic|ad|numeric computes by one way."})
public final class DirCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;
    @Parameters(index = "0", paramLabel = "EXPR", description = "The expression, e.g. \"x^2*sin(y) + y^3\".")
    private String expression;
    @Mixin
    private PointOption at;
    @Option(names = "--dir", required = true, paramLabel = "V", converter = VectorConverter.class,
            description = "The direction v, e.g. 1,-2.")
    private VectorArgument direction;
    @Option(names = "--unit", description = "Refuse a zero direction (D_v̂ f is always shown for v ≠ 0).")
    private boolean unit;
    @Mixin
    private ByOption by;
    @Mixin
    private VariablesOption variables;
    @Mixin
    private JsonOption json;
    @Mixin
    private LatexOption latex;
    @Mixin
    private PrecisionOption precision;

    /**
     * JSON of {@code nabla dir}. {@code derivative} is D_v f by the method named: a number, "Infinity",
     * "-Infinity", or absent with {@code reason} when it does not exist; {@code kind} says which.
     * {@code gradient}, {@code dotFormula} and {@code definitionFormula} are given where f is differentiable.
     */
    public record Result(String expression, List<String> variables, JsonFormula formula, double[] point,
                         double value, double[] direction, String method, String kind, Double derivative,
                         Double derivativeError, String reason, boolean oneSided, String expansion, Unit unit,
                         double[] gradient, JsonFormula dotFormula, JsonFormula definitionFormula,
                         Double derivativeByDefinition, String definitionUndefined, boolean differentiable,
                         boolean differentiabilityProven, String differentiability, Agreement agreement,
                         List<Kink> kinks, Certification.Json certified) {
    }

    /** The {@code unit} member: ‖v‖, v̂ = v/‖v‖ and D_v̂ f = D_v f / ‖v‖. */
    public record Unit(double norm, double[] direction, Double derivative) {
    }

    /** Whether AD and the numerical limit of the definition agree with the exact D_v f (default mode). */
    public record Agreement(Double ad, boolean adAgrees, Double numeric, double numericError, boolean numericAgrees) {
    }

    @Override
    public Integer call() {
        Output out = Output.of(spec);
        Formula f = variables.parse(expression);
        List<String> names = f.variables();
        double[] v = direction.components(names, "--dir");
        if (!at.isGiven() && !names.isEmpty()) {
            return SymbolicAnswer.print(out, expression, f, false, v, json.isEnabled(), false);
        }
        double[] x = at.point(names);
        double norm = Vectors.norm(v);
        if (unit && norm == 0) {
            throw new UsageException("--unit needs a non-zero direction, got --dir " + Numbers.format(v));
        }
        Way way = by.wayOrDefault();
        Gradient result = f.valueAndGradient(x);
        DirectionalDerivative exact = f.oneSidedDirectionalDerivative(x, v);
        ExactDifferentiability test = names.isEmpty() ? null : f.differentiability(x);
        boolean differentiable = test == null || test.differentiable();
        if (!differentiable || !test.proven()) {
            Kinks.warn(out, result, names);
        }
        // the chosen way
        Double derivative;
        Double error = null;
        String kind;
        String reason = null;
        switch (way) {
            case AD -> {
                DirectionalDerivative d = ad(f, x, v, exact);
                derivative = d.exists() ? d.value() : null;
                kind = d.kind().name();
                reason = d.reason();
            }
            case NUMERIC -> {
                OneSidedLimit l = DirectionalLimits.oneSided(f, x, v, OneSidedLimit.Side.RIGHT);
                derivative = l.exists() ? l.value() : null;
                error = l.estimate().error();
                kind = l.exists() ? "FINITE" : "NOT_DECIDED";
                reason = l.exists() ? null : l.toString();
            }
            default -> {
                derivative = exact.exists() ? exact.value() : null;
                kind = exact.kind().name();
                reason = exact.reason();
            }
        }
        Agreement agreement = by.way() == null && norm != 0 ? agreement(f, x, v, exact) : null;
        Unit unitResult = norm == 0 ? null : new Unit(norm, Vectors.scale(1 / norm, v),
                derivative == null ? null : Double.isFinite(derivative) ? derivative / norm : derivative);
        Formula dotFormula = differentiable ? f.directionalDerivativeFormula(v) : null;
        Formula definitionFormula = f.directionalDerivativeByDefinition(v);
        Certification certified = Certification.of(f, at.text(), false,
                differentiable && exact.isFinite() ? direction.text() : null, false, precision);
        // f is defined at x (its value was computed), but the derivative formula may not be: sqrt(x^2 + y^2) at 0
        Double byDefinition = null;
        String undefined = null;
        try {
            byDefinition = definitionFormula.value(x);
        } catch (DomainException e) {
            undefined = e.getMessage();
        }
        if (json.isEnabled()) {
            out.json(new Result(expression, names, JsonFormula.of(f), x, result.value(), v, way.label(), kind,
                    derivative, error, reason, exact.oneSided(), exact.expansion(), unitResult,
                    differentiable ? result.gradient() : null, dotFormula == null ? null : JsonFormula.of(dotFormula),
                    JsonFormula.of(definitionFormula), differentiable ? byDefinition : null, undefined, differentiable,
                    test == null || test.proven(), test == null ? "no variables" : test.evidence(), agreement,
                    result.kinks(), certified.json()));
            return ExitCode.OK;
        }
        String shown = show(derivative, kind, reason, error);
        if (latex.isEnabled()) {
            List<String> point = Layout.latexNumbers(x);
            out.line(Layout.call("f", names) + " = " + f.toLatex());
            out.line("v = " + Layout.latexTuple(Layout.latexNumbers(v)));
            if (dotFormula != null) {
                out.line(Layout.call("D_{v} f", names) + " = \\nabla f \\cdot v = " + dotFormula.toLatex());
            }
            out.line(Layout.call("D_{v} f", names) + " = \\left. \\frac{d}{dt} f(" + shifted(names, v, true)
                    + ") \\right|_{t=0} = " + definitionFormula.toLatex());
            out.line(Layout.call("D_{v} f", point) + " = " + latexValue(derivative, kind));
            if (unitResult != null) {
                out.line("\\hat{v} = v / \\|v\\| = " + Layout.latexTuple(Layout.latexNumbers(unitResult.direction()))
                        + ", \\quad \\|v\\| = " + Layout.latexNumber(norm));
                out.line(Layout.call("D_{\\hat{v}} f", point) + " = " + latexValue(unitResult.derivative(), kind));
            }
            return ExitCode.OK;
        }
        out.line(Layout.call("f", names) + " = " + f);
        out.line("v = " + Numbers.format(v));
        if (dotFormula != null) {
            out.line(Layout.call("D_v f", names) + " = ∇f·v = " + dotFormula);
        }
        out.line(Layout.call("D_v f", names) + " = d/dt f(" + shifted(names, v, false) + ") at t = 0 = "
                + definitionFormula);
        out.line("at " + Points.describe(names, x) + ":");
        if (differentiable) {
            out.line("  D_v f = ∇f·v = " + Layout.writtenDot(result.gradient(), v) + " = "
                    + certified.directional(Vectors.dot(result.gradient(), v)));
            certified.notes(names).stream().filter(n -> n.startsWith("D_v")).forEach(n -> out.line("  (" + n + ")"));
        }
        out.line("  D_v f = d/dt f(x + t v) at t = 0 " + (undefined != null ? "is undefined here: " + undefined
                : differentiable ? "= " + Numbers.format(byDefinition)
                : "is not D_v f here (the formula holds where f is differentiable)"));
        out.line("  D_v f = lim (f(x + t v) − f(x))/t as t → 0+ = " + shown + "   (" + label(way, exact) + ")");
        if (unitResult != null) {
            out.line("  D_v̂ f = D_v f/‖v‖ = " + show(unitResult.derivative(), kind, reason, error == null ? null
                    : error / norm) + "   along the unit vector v̂ = " + Numbers.format(unitResult.direction())
                    + ", ‖v‖ = " + Numbers.format(norm));
        }
        if (!differentiable) {
            out.line("  f is not differentiable here: " + test.evidence());
        }
        if (agreement != null) {
            out.line("  automatic differentiation " + (agreement.adAgrees() ? "agrees" : "DISAGREES ("
                    + agreement.ad() + ")") + "; the numerical limit " + (agreement.numericAgrees() ? "agrees"
                    : "DISAGREES (" + agreement.numeric() + " ± " + Numbers.format(agreement.numericError()) + ")"));
        }
        return ExitCode.OK;
    }

    private static String label(Way way, DirectionalDerivative exact) {
        return switch (way) {
            case SYMBOLIC -> "exact" + (exact.oneSided() ? " one-sided: " + String.join(", ", exact.kinks()) : "");
            case AD -> exact.oneSided() ? "automatic differentiation: the expansion carried by the numbers"
                    : "automatic differentiation, forward mode";
            case NUMERIC -> "numerical: difference quotients extrapolated to t = 0";
        };
    }

    /** By AD: forward mode where no one-sided decision is needed, else the expansion carried by Real numbers. */
    private static DirectionalDerivative ad(Formula f, double[] x, double[] v, DirectionalDerivative exact) {
        if (exact.isFinite() && !exact.oneSided()) {
            return DirectionalDerivative.of(x, v, AD.jvp(f.asRealFunction(), x, v), DirectionalDerivative.Method.AD);
        }
        return AD.directionalDerivative(f.asRealFunction(), x, v);
    }

    /**
     * AD agrees when it gives the same kind and, for a number, within 1e-10·max(1, |D|); the numerical right
     * limit agrees when it exists and is within {@link DirectionalLimits#AGREEMENT}·max(1, |D|) + 4·(its error),
     * or when neither it nor the exact value is a finite number.
     */
    private static Agreement agreement(Formula f, double[] x, double[] v, DirectionalDerivative exact) {
        DirectionalDerivative ad = ad(f, x, v, exact);
        boolean adAgrees = ad.kind() == exact.kind()
                && (!exact.isFinite() || Math.abs(ad.value() - exact.value()) <= 1e-10 * Math.max(1, Math.abs(exact.value())));
        OneSidedLimit numeric = DirectionalLimits.oneSided(f, x, v, OneSidedLimit.Side.RIGHT);
        boolean numericAgrees = exact.isFinite() ? numeric.exists() && Math.abs(numeric.value() - exact.value())
                <= DirectionalLimits.AGREEMENT * Math.max(1, Math.abs(exact.value())) + 4 * numeric.estimate().error()
                : !numeric.exists();
        return new Agreement(ad.exists() ? ad.value() : null, adAgrees, numeric.exists() ? numeric.value() : null,
                numeric.estimate().error(), numericAgrees);
    }

    private static String show(Double value, String kind, String reason, Double error) {
        if (value == null) {
            return kind.equals("DOES_NOT_EXIST") ? "does not exist: " + reason : "not decided: " + reason;
        }
        if (value == Double.POSITIVE_INFINITY) {
            return "+∞ (" + reason + ")";
        }
        if (value == Double.NEGATIVE_INFINITY) {
            return "−∞ (" + reason + ")";
        }
        return Numbers.format(value) + (error == null ? "" : " ± " + Numbers.error(error));
    }

    private static String latexValue(Double value, String kind) {
        if (value == null) {
            return "\\text{does not exist}";
        }
        return value == Double.POSITIVE_INFINITY ? "+\\infty" : value == Double.NEGATIVE_INFINITY ? "-\\infty"
                : Layout.latexNumber(value);
    }

    /** The arguments of f(x + t v): {@code x + t, y - 2*t} (a zero component leaves the variable alone). */
    private static String shifted(List<String> names, double[] v, boolean latex) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            double c = v[i];
            String magnitude = Math.abs(c) == 1 ? "t" : (latex ? Layout.latexNumber(Math.abs(c)) + " t"
                    : Numbers.format(Math.abs(c)) + "*t");
            args.add(c == 0 ? names.get(i) : names.get(i) + (c < 0 ? " - " : " + ") + magnitude);
        }
        return String.join(", ", args);
    }
}
