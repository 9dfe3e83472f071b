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
import dev.nabla.cli.support.Output;
import dev.nabla.cli.support.PointOption;
import dev.nabla.cli.support.PrecisionOption;
import dev.nabla.cli.support.SymbolicAnswer;
import dev.nabla.cli.support.Points;
import dev.nabla.cli.support.VariablesOption;
import dev.nabla.core.ad.AD;
import dev.nabla.core.check.ExactDifferentiability;
import dev.nabla.core.field.DomainException;
import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.Kink;
import dev.nabla.core.field.ScalarField;
import dev.nabla.core.field.Vectors;
import dev.nabla.core.numeric.Estimate;
import dev.nabla.core.numeric.FiniteDifferences;
import dev.nabla.symbolic.Formula;
import dev.nabla.symbolic.nonsmooth.ClarkeCalculus;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nabla hess EXPR --at POINT [--by WAY]}: the Hessian H_ij = ∂²f/∂x_i∂x_j, as formulas and at the point.
 * f is twice differentiable at x when f and every ∂f/∂x_i are differentiable there (decided exactly, as
 * {@code diffable} does); where it is not, the command says so and names the sub-expression, instead of printing
 * a Hessian.
 */
@Command(name = "hess", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The Hessian matrix of second partial derivatives: formulas and value at a point.",
                "Where f is not twice differentiable it says so and names the sub-expression.",
                "--by symbolic|ad|numeric computes by one way."})
public final class HessCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;
    @Parameters(index = "0", paramLabel = "EXPR", description = "The expression, e.g. \"x^2*sin(y) + y^3\".")
    private String expression;
    @Mixin
    private PointOption at;
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
     * JSON of {@code nabla hess}. {@code hessian} is null where f is not twice differentiable; then
     * {@code notTwiceDifferentiable} says why and {@code subExpressions} names the sub-expressions.
     */
    public record Result(String expression, List<String> variables, JsonFormula formula,
                         List<List<JsonFormula>> hessianFormulas, double[] point, double value, double[] gradient,
                         String method, double[][] hessian, double[][] hessianError, boolean differentiable,
                         boolean twiceDifferentiable, String notTwiceDifferentiable, List<String> subExpressions,
                         Boolean adAgrees, Boolean numericAgrees, List<Kink> kinks, Certification.Json certified) {
    }

    /** Why f is not twice differentiable at x, and the sub-expressions responsible; null when it is. */
    record Defect(String reason, List<String> subExpressions) {
    }

    @Override
    public Integer call() {
        Output out = Output.of(spec);
        Formula f = variables.parse(expression);
        List<String> names = f.variables();
        if (!at.isGiven() && !names.isEmpty()) {
            return SymbolicAnswer.print(out, expression, f, true, null, json.isEnabled(), latex.isEnabled());
        }
        double[] x = at.point(names);
        List<List<Formula>> formulas = f.hessianFormulas();
        Gradient result = f.valueAndGradient(x);
        Defect defect = defect(f, names, x);
        Way way = by.wayOrDefault();
        double[][] hessian = null;
        double[][] error = null;
        Boolean adAgrees = null;
        Boolean numericAgrees = null;
        if (defect == null) {
            switch (way) {
                case SYMBOLIC -> hessian = f.hessian(x);
                case AD -> hessian = AD.hessian(f.asRealFunction(), x);
                case NUMERIC -> {
                    Estimate[][] e = numeric(f, x);
                    hessian = new double[x.length][x.length];
                    error = new double[x.length][x.length];
                    for (int i = 0; i < x.length; i++) {
                        for (int j = 0; j < x.length; j++) {
                            hessian[i][j] = e[i][j].value();
                            error[i][j] = e[i][j].error();
                        }
                    }
                }
            }
            if (by.way() == null && x.length > 0) {
                adAgrees = close(AD.hessian(f.asRealFunction(), x), hessian, null, 1e-8);
                Estimate[][] e = numeric(f, x);
                numericAgrees = close(values(e), hessian, e, 1e-5);
            }
        } else {
            Kinks.warn(out, result, names);
        }
        boolean certifyHessian = way == Way.SYMBOLIC && hessian != null;
        Certification certified = Certification.of(f, at.text(), false, null, certifyHessian, precision);

        if (json.isEnabled()) {
            out.json(new Result(expression, names, JsonFormula.of(f), JsonFormula.matrix(formulas), x,
                    certified.valueDouble(result.value()), defect == null ? result.gradient() : null, way.label(),
                    certifyHessian ? certified.hessianDoubles(hessian) : hessian, error,
                    defect == null || !defect.reason().startsWith("f is not differentiable"), defect == null,
                    defect == null ? null : defect.reason(), defect == null ? null : defect.subExpressions(),
                    adAgrees, numericAgrees, result.kinks(), certified.json()));
            return ExitCode.OK;
        }
        if (latex.isEnabled()) {
            out.line(Layout.call("f", names) + " = " + f.toLatex());
            out.line(Layout.call("H_f", names) + " = " + Layout.latexMatrix(
                    formulas.stream().map(row -> row.stream().map(Formula::toLatex).toList()).toList()));
            if (hessian != null) {
                out.line(Layout.call("H_f", Layout.latexNumbers(x)) + " = " + Layout.latexMatrix(
                        Arrays.stream(hessian).map(Layout::latexNumbers).toList()));
            } else {
                out.line(Layout.call("H_f", Layout.latexNumbers(x)) + "\\ \\text{does not exist}");
            }
            return ExitCode.OK;
        }
        out.line(Layout.call("f", names) + " = " + f);
        out.line(Layout.call("H_f", names) + " =" + (defect == null ? "" : "   (where f is twice differentiable)"));
        Layout.matrix(formulas.stream().map(row -> row.stream().map(Formula::toString).toList()).toList(), "  ")
                .forEach(out::line);
        out.line("at " + Points.describe(names, x) + ":");
        out.line("  f = " + certified.value(result.value()));
        if (defect != null) {
            out.line("  no Hessian: f is not twice differentiable here (" + String.join(", ", defect.subExpressions())
                    + "): " + defect.reason());
            return ExitCode.OK;
        }
        out.line("  H_f =   (" + GradCommand.wayText(way) + ")");
        Layout.matrix(certifyHessian ? certified.hessianCells(hessian) : Layout.cells(hessian), "  ").forEach(out::line);
        certified.notes(names).forEach(n -> out.line("  (" + n + ")"));
        if (error != null) {
            out.line("  ± (error estimates)");
            Layout.matrix(Layout.cells(error), "  ").forEach(out::line);
        }
        if (adAgrees != null) {
            out.line("  automatic differentiation " + (adAgrees ? "agrees" : "DISAGREES") + "; finite differences "
                    + (numericAgrees ? "agree" : "DISAGREE"));
        }
        return ExitCode.OK;
    }

    /**
     * Why f is not twice differentiable at x: f itself not differentiable, a partial ∂f/∂x_i undefined there, or
     * not differentiable there (proven from exact directional derivatives); null when every test passes.
     */
    static Defect defect(Formula f, List<String> names, double[] x) {
        if (names.isEmpty()) {
            return null;
        }
        ExactDifferentiability first = f.differentiability(x);
        if (!first.differentiable()) {
            return new Defect("f is not differentiable: " + first.evidence(), ClarkeCalculus.at(f, x).activeKinks());
        }
        List<Formula> partials = f.gradientFormulas();
        for (int i = 0; i < partials.size(); i++) {
            Formula p = partials.get(i);
            String partial = "∂f/∂" + names.get(i) + " = " + p;
            try {
                ExactDifferentiability second = p.differentiability(x);
                if (!second.differentiable()) {
                    List<String> kinks = ClarkeCalculus.at(p, x).activeKinks();
                    return new Defect(partial + " is not differentiable: " + second.evidence(),
                            kinks.isEmpty() ? List.of(p.toString()) : kinks);
                }
            } catch (DomainException e) {
                return new Defect(partial + " is undefined: " + e.getMessage(), List.of(e.subExpression()));
            }
        }
        return null;
    }

    /** H_ij by central differences along e_j of ∂f/∂x_i, itself by central differences, both extrapolated. */
    static Estimate[][] numeric(Formula f, double[] x) {
        int n = x.length;
        Estimate[][] h = new Estimate[n][n];
        for (int i = 0; i < n; i++) {
            double[] ei = Vectors.unit(n, i);
            ScalarField partial = new ScalarField() {
                @Override
                public double value(double[] y) {
                    return FiniteDifferences.extrapolated(f, y, ei).value();
                }

                @Override
                public int dimension() {
                    return n;
                }
            };
            for (int j = 0; j < n; j++) {
                h[i][j] = FiniteDifferences.extrapolated(partial, x, Vectors.unit(n, j));
            }
        }
        return h;
    }

    private static double[][] values(Estimate[][] e) {
        double[][] r = new double[e.length][];
        for (int i = 0; i < e.length; i++) {
            r[i] = new double[e[i].length];
            for (int j = 0; j < e[i].length; j++) {
                r[i][j] = e[i][j].value();
            }
        }
        return r;
    }

    /** |a_ij − b_ij| ≤ tol·max(1, |b_ij|) + 4·(error estimate, when given). */
    private static boolean close(double[][] a, double[][] b, Estimate[][] errors, double tol) {
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                double allowed = tol * Math.max(1, Math.abs(b[i][j])) + (errors == null ? 0 : 4 * errors[i][j].error());
                if (!(Math.abs(a[i][j] - b[i][j]) <= allowed)) {
                    return false;
                }
            }
        }
        return true;
    }
}
