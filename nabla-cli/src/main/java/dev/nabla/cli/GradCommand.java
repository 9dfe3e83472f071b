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
import dev.nabla.cli.support.VariablesOption;
import dev.nabla.cli.support.VectorArgument;
import dev.nabla.cli.support.VectorConverter;
import dev.nabla.core.ad.AD;
import dev.nabla.core.check.DirectionalLimits;
import dev.nabla.core.check.ExactDifferentiability;
import dev.nabla.core.field.DomainException;
import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.Kink;
import dev.nabla.core.field.Vectors;
import dev.nabla.core.numeric.Estimate;
import dev.nabla.core.numeric.FiniteDifferences;
import dev.nabla.core.onesided.DirectionalDerivative;
import dev.nabla.precise.Decimals;
import dev.nabla.symbolic.Formula;
import dev.nabla.symbolic.nonsmooth.ClarkeCalculus;
import dev.nabla.symbolic.nonsmooth.KinkAnalysis;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nabla grad EXPR --at POINT [--dir V] [--by WAY]}: the symbolic gradient ∇f = (∂f/∂x_1, …, ∂f/∂x_n) and
 * its value at the point, and with {@code --dir} the directional derivative D_v f. Where f is not
 * differentiable it says that ∇f does not exist there (with the directions that prove it), gives the exact
 * one-sided D_v f for the direction asked and the Clarke subdifferential with its minimum-norm element.
 */
@Command(name = "grad", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The gradient of an expression: formulas and value at a point.",
                "With --dir v also the directional derivative D_v f. Where f is not differentiable: why, the exact",
                "one-sided D_v f and the Clarke subdifferential. --by symbolic|ad|numeric computes by one way."})
public final class GradCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;
    @Parameters(index = "0", paramLabel = "EXPR", description = "The expression, e.g. \"x^2*sin(y) + y^3\".")
    private String expression;
    @Mixin
    private PointOption at;
    @Option(names = "--dir", paramLabel = "V", converter = VectorConverter.class,
            description = "A direction v, e.g. 1,-2: also print D_v f and D_v̂ f.")
    private VectorArgument direction;
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
     * JSON of {@code nabla grad}. {@code gradient} is null where f is not differentiable; then
     * {@code subdifferential} holds the Clarke set (or {@code notLipschitz} why there is none).
     */
    public record Result(String expression, List<String> variables, JsonFormula formula,
                         List<JsonFormula> gradientFormulas, double[] point, double value, String method,
                         double[] gradient, double[] gradientError, boolean differentiable, boolean proven,
                         String differentiability, Agreement agreement, List<Kink> kinks,
                         SubgradCommand.Subdifferential subdifferential, String notLipschitz, Direction direction,
                         Certification.Json certified) {
    }

    /** The {@code direction} member: v, the formula ∇f·v (where f is differentiable), D_v f and D_v̂ f. */
    public record Direction(double[] v, JsonFormula formula, Double value, String kind, String reason,
                            double[] unitDirection, Double unitValue) {
    }

    /** Whether AD and finite differences agree with the symbolic gradient (default mode). */
    public record Agreement(double[] ad, boolean adAgrees, double[] numeric, double[] numericError,
                            boolean numericAgrees) {
    }

    @Override
    public Integer call() {
        Output out = Output.of(spec);
        Formula f = variables.parse(expression);
        List<String> names = f.variables();
        double[] v = direction == null ? null : direction.components(names, "--dir");
        if (!at.isGiven() && !names.isEmpty()) {
            return SymbolicAnswer.print(out, expression, f, false, v, json.isEnabled(), latex.isEnabled());
        }
        double[] x = at.point(names);
        Way way = by.wayOrDefault();
        List<Formula> gradientFormulas = f.gradientFormulas();
        Gradient symbolic;
        ExactDifferentiability test;
        try {
            symbolic = f.valueAndGradient(x);
            if (!Double.isFinite(symbolic.value())) {
                return beyondDoubles(out, f, gradientFormulas, x, "f = " + symbolic.value() + " in double arithmetic", null);
            }
            test = names.isEmpty() ? null : f.differentiability(x);
        } catch (DomainException doubleFails) {
            return beyondDoubles(out, f, gradientFormulas, x, doubleFails.getMessage(), doubleFails);
        }
        boolean differentiable = test == null || test.differentiable();
        boolean proven = test == null || test.proven();

        double[] gradient = null;
        double[] error = null;
        Agreement agreement = null;
        if (differentiable) {
            switch (way) {
                case SYMBOLIC -> gradient = symbolic.gradient();
                case AD -> gradient = AD.grad(f.asRealFunction(), x);
                case NUMERIC -> {
                    Estimate[] e = numeric(f, x);
                    gradient = values(e);
                    error = errors(e);
                }
            }
        }
        KinkAnalysis clarke = differentiable ? null : ClarkeCalculus.at(f, x);
        DirectionalDerivative exact = v == null ? null : f.oneSidedDirectionalDerivative(x, v);
        Direction dir = v == null ? null : direction(f, x, v, gradient, exact);
        boolean certifyDerivatives = way == Way.SYMBOLIC && gradient != null;
        Certification certified = Certification.of(f, at.text(), certifyDerivatives,
                certifyDerivatives && v != null && exact.isFinite() ? direction.text() : null, false, precision);
        if (differentiable && by.way() == null) { // AD and finite differences against the certified gradient
            agreement = agreement(f, x, certifyDerivatives ? certified.gradientDoubles(gradient) : gradient);
        }
        if (differentiable && !proven) {
            out.warning((test.kinks().isEmpty() ? "f is not proven differentiable at " + Points.describe(names, x)
                    : "f has kinks at " + Points.describe(names, x) + " (" + String.join(", ", test.kinks()) + ")")
                    + "; " + test.evidence());
        }

        if (json.isEnabled()) {
            out.json(new Result(expression, names, JsonFormula.of(f), JsonFormula.of(gradientFormulas), x,
                    certified.valueDouble(symbolic.value()), way.label(),
                    certifyDerivatives ? certified.gradientDoubles(gradient) : gradient, error, differentiable, proven,
                    test == null ? "no variables" : test.evidence(), agreement, symbolic.kinks(),
                    clarke == null || clarke.subdifferential() == null ? null
                            : SubgradCommand.Subdifferential.of(clarke.subdifferential()),
                    clarke == null ? null : clarke.notLipschitz(), dir, certified.json()));
            return ExitCode.OK;
        }
        if (latex.isEnabled()) {
            out.line(Layout.call("f", names) + " = " + f.toLatex());
            out.line(Layout.call("\\nabla f", names) + " = "
                    + Layout.latexTuple(gradientFormulas.stream().map(Formula::toLatex).toList()));
            List<String> point = Layout.latexNumbers(x);
            out.line(Layout.call("f", point) + " = " + Decimals.latex(certified.value(symbolic.value())));
            if (gradient != null) {
                out.line(Layout.call("\\nabla f", point) + " = " + Layout.latexTuple(
                        certifyDerivatives ? certified.gradientTexts(gradient).stream().map(Decimals::latex).toList()
                                : Layout.latexNumbers(gradient)));
            } else {
                out.line(Layout.call("\\nabla f", point) + "\\ \\text{does not exist}");
            }
            if (dir != null) {
                if (gradient != null) {
                    out.line("D_{v} f = \\nabla f \\cdot v = " + f.directionalDerivativeFormula(v).toLatex()
                            + ", \\quad v = " + Layout.latexTuple(Layout.latexNumbers(v)));
                }
                out.line(Layout.call("D_{v} f", point) + " = " + latexValue(exact, dir.value()));
            }
            return ExitCode.OK;
        }
        out.line(Layout.call("f", names) + " = " + f);
        out.line(Layout.call("∇f", names) + " = " + Layout.tuple(gradientFormulas.stream().map(Formula::toString).toList())
                + (differentiable ? "" : "   (where f is differentiable)"));
        if (v != null && gradient != null) {
            out.line(Layout.call("D_v f", names) + " = ∇f·v = " + f.directionalDerivativeFormula(v) + "   with v = "
                    + Numbers.format(v));
        }
        out.line("at " + Points.describe(names, x) + ":");
        out.line("  f = " + certified.value(symbolic.value()));
        if (gradient != null) {
            out.line("  ∇f = " + (certifyDerivatives ? certified.gradient(gradient) : Numbers.format(gradient))
                    + "   (" + wayText(way) + ")");
            if (error != null) {
                out.line("       ± " + Numbers.format(error) + " (error estimates)");
            }
            if (agreement != null) {
                out.line("  automatic differentiation " + (agreement.adAgrees() ? "agrees" : "DISAGREES: "
                        + Numbers.format(agreement.ad())) + "; finite differences " + (agreement.numericAgrees()
                        ? "agree" : "DISAGREE: " + Numbers.format(agreement.numeric()) + " ± "
                        + Numbers.format(agreement.numericError())));
            }
        } else {
            out.line("  ∇f does not exist here: " + test.evidence());
        }
        if (v != null) {
            if (gradient != null && exact.isFinite()) {
                out.line("  D_v f = " + Layout.writtenDot(certifyDerivatives ? certified.gradientDoubles(gradient) : gradient, v) + " = "
                        + (certifyDerivatives ? certified.directional(dir.value()) : Numbers.format(dir.value())));
            } else {
                out.line("  D_v f = " + exact + "   (exact one-sided: lim (f(x + t v) − f(x))/t, t → 0+)");
            }
            if (dir.unitValue() != null || !exact.isFinite()) {
                out.line("  D_v̂ f = " + (dir.unitValue() != null ? Numbers.format(dir.unitValue()) : exact.unit())
                        + " along the unit vector v̂ = " + Numbers.format(dir.unitDirection()));
            }
        }
        certified.notes(names).forEach(n -> out.line("  (" + n + ")"));
        if (clarke != null) {
            if (clarke.subdifferential() == null) {
                out.line("  no Clarke subdifferential: f is not locally Lipschitz here (" + clarke.notLipschitz() + ")");
            } else {
                SubgradCommand.Subdifferential s = SubgradCommand.Subdifferential.of(clarke.subdifferential());
                out.line("  Clarke subdifferential ∂f " + SubgradCommand.relation(clarke.subdifferential())
                        + clarke.subdifferential().set() + "   (" + s.kind().toLowerCase() + ")");
                out.line("  minimum-norm element g* = " + Numbers.format(s.minimumNormElement()) + ", ‖g*‖ = "
                        + Numbers.format(s.stationarity()));
            }
        }
        return ExitCode.OK;
    }

    /**
     * Where double arithmetic fails (x² overflows at 3e200) but the formula is defined: f and ∇f from the
     * high-precision path alone; a domain error that high precision confirms stands.
     */
    private Integer beyondDoubles(Output out, Formula f, List<Formula> gradientFormulas, double[] x, String failure,
                                  DomainException doubleFails) {
        List<String> names = f.variables();
        Certification certified = Certification.of(f, at.text(), true, null, false, precision);
        if (!certified.isCertified() && doubleFails != null) {
            throw doubleFails;
        }
        double[] nan = new double[names.size()];
        java.util.Arrays.fill(nan, Double.NaN);
        String why = "double arithmetic fails here (" + failure + "); numbers from high precision";
        if (json.isEnabled()) {
            out.json(new Result(expression, names, JsonFormula.of(f), JsonFormula.of(gradientFormulas), x,
                    certified.valueDouble(Double.NaN), way().label(), certified.gradientDoubles(nan), null, true, false,
                    why, null, List.of(), null, null, null, certified.json()));
            return ExitCode.OK;
        }
        out.line(Layout.call("f", names) + " = " + f);
        out.line(Layout.call("∇f", names) + " = " + Layout.tuple(gradientFormulas.stream().map(Formula::toString).toList()));
        out.line("at " + Points.describe(names, x) + ":");
        out.line("  f = " + certified.value(Double.NaN));
        out.line("  ∇f = " + certified.gradient(nan) + "   (symbolic)");
        out.line("  (" + why + ")");
        certified.notes(names).forEach(n -> out.line("  (" + n + ")"));
        return ExitCode.OK;
    }

    private Way way() {
        return by.wayOrDefault();
    }

    static String wayText(Way way) {
        return switch (way) {
            case SYMBOLIC -> "symbolic";
            case AD -> "automatic differentiation";
            case NUMERIC -> "finite differences, Richardson-extrapolated";
        };
    }

    private static String latexValue(DirectionalDerivative exact, Double value) {
        return switch (exact.kind()) {
            case FINITE -> Layout.latexNumber(value);
            case POSITIVE_INFINITY -> "+\\infty";
            case NEGATIVE_INFINITY -> "-\\infty";
            default -> "\\text{does not exist}";
        };
    }

    /** D_v f and D_v̂ f: ∇f·v where the gradient exists, the exact one-sided limit otherwise. */
    private static Direction direction(Formula f, double[] x, double[] v, double[] gradient, DirectionalDerivative exact) {
        double norm = Vectors.norm(v);
        double[] unit = norm == 0 ? null : Vectors.scale(1 / norm, v);
        if (gradient != null && exact.isFinite()) {
            double d = Vectors.dot(gradient, v);
            return new Direction(v, JsonFormula.of(f.directionalDerivativeFormula(v)), d, exact.kind().name(), null,
                    unit, unit == null ? null : Vectors.dot(gradient, unit));
        }
        DirectionalDerivative u = norm == 0 ? null : exact.unit();
        return new Direction(v, null, exact.exists() ? exact.value() : null, exact.kind().name(), exact.reason(), unit,
                u == null || !u.exists() ? null : u.value());
    }

    /** ∂f/∂x_i by central differences along e_i, extrapolated, with error estimates. */
    static Estimate[] numeric(Formula f, double[] x) {
        Estimate[] e = new Estimate[x.length];
        for (int i = 0; i < x.length; i++) {
            e[i] = FiniteDifferences.extrapolated(f, x, Vectors.unit(x.length, i));
        }
        return e;
    }

    static double[] values(Estimate[] e) {
        double[] r = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            r[i] = e[i].value();
        }
        return r;
    }

    static double[] errors(Estimate[] e) {
        double[] r = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            r[i] = e[i].error();
        }
        return r;
    }

    /**
     * AD agrees when every component is within 1e-10·max(1, |g_i|) of the symbolic one (another evaluation
     * order); finite differences when within {@link DirectionalLimits#AGREEMENT}·max(1, |g_i|) + 4·(its error
     * estimate).
     */
    static Agreement agreement(Formula f, double[] x, double[] g) {
        double[] ad = AD.grad(f.asRealFunction(), x);
        Estimate[] e = numeric(f, x);
        boolean adAgrees = true;
        boolean numericAgrees = true;
        for (int i = 0; i < g.length; i++) {
            double s = Math.max(1, Math.abs(g[i]));
            adAgrees &= Math.abs(ad[i] - g[i]) <= 1e-10 * s;
            numericAgrees &= Math.abs(e[i].value() - g[i]) <= DirectionalLimits.AGREEMENT * s + 4 * e[i].error();
        }
        return new Agreement(ad, adAgrees, values(e), errors(e), numericAgrees);
    }
}
