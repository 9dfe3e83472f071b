package dev.nabla.cli;

import dev.nabla.cli.support.ExitCode;
import dev.nabla.cli.support.JsonOption;
import dev.nabla.cli.support.Layout;
import dev.nabla.cli.support.Numbers;
import dev.nabla.cli.support.Output;
import dev.nabla.cli.support.PointOption;
import dev.nabla.cli.support.Points;
import dev.nabla.cli.support.UsageException;
import dev.nabla.cli.support.VariablesOption;
import dev.nabla.cli.support.VectorArgument;
import dev.nabla.cli.support.VectorConverter;
import dev.nabla.core.field.Vectors;
import dev.nabla.core.geometry.CoordinateSystem;
import dev.nabla.core.geometry.CurvilinearGradient;
import dev.nabla.symbolic.Formula;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nabla coords EXPR --system polar|cylindrical|spherical (--at X | --q Q)}: the gradient of a Cartesian
 * field in curvilinear coordinates — partials ∂φ/∂q_i of φ = f∘T, components in the local orthonormal basis
 * (f_r, f_θ/r, …), the directional derivatives D_{e_i} f, and the check Σ components_i e_i = ∇f.
 */
@Command(name = "coords", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The gradient in polar (r, θ), cylindrical (ρ, φ, z) or spherical (r, θ, φ) coordinates.",
                "Spherical: physics convention, θ the polar angle from +z, φ the azimuth from +x.",
                "The point is Cartesian (--at, in the expression's variables) or curvilinear (--q)."})
public final class CoordsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;
    @Parameters(index = "0", paramLabel = "EXPR", description = "A field of the Cartesian variables, e.g. \"ln(x^2 + y^2)\".")
    private String expression;
    @Option(names = "--system", required = true, paramLabel = "SYSTEM",
            description = "polar, cylindrical or spherical.")
    private String system;
    @Mixin
    private PointOption at;
    @Option(names = "--q", paramLabel = "Q", converter = VectorConverter.class,
            description = "The point in curvilinear coordinates instead of --at, e.g. 2,pi/3 for (r, θ).")
    private VectorArgument q;
    @Mixin
    private VariablesOption variables;
    @Mixin
    private JsonOption json;

    /** JSON of {@code nabla coords}. */
    public record Result(String expression, String system, List<String> variables, List<String> coordinateNames,
                         double[] coordinates, double[] cartesian, double value, double[] gradient, double[] partials,
                         double[] components, List<double[]> basis, double[] basisDerivatives, double reassemblyError) {
    }

    @Override
    public Integer call() {
        Output out = Output.of(spec);
        CoordinateSystem c;
        try {
            c = CoordinateSystem.named(system);
        } catch (IllegalArgumentException unknown) {
            throw new UsageException("--system: " + unknown.getMessage());
        }
        Formula f = variables.parse(expression);
        List<String> names = f.variables();
        if (names.size() != c.dimension()) {
            throw new UsageException(c.name().toLowerCase(Locale.ROOT) + " coordinates need a field of "
                    + c.dimension() + " Cartesian variables, this one has " + names + " (use --vars to name them)");
        }
        if (q != null && at.isGiven()) {
            throw new UsageException("give the point either with --at (Cartesian) or with --q (curvilinear), not both");
        }
        if (q == null && !at.isGiven()) {
            throw new UsageException("missing the point: --at (Cartesian) or --q (" + String.join(", ", c.coordinateNames()) + ")");
        }
        double[] coordinates = q != null ? q.components(c.coordinateNames(), "--q") : c.fromCartesian(at.point(names));
        CurvilinearGradient g = c.gradient(f, coordinates);
        double[] along = c.directionalDerivativesAlongBasis(f, coordinates);
        double error = Vectors.norm(Vectors.subtract(g.reassembled(), g.gradient()));
        double value = f.value(g.cartesian());
        List<String> qNames = c.coordinateNames();
        if (json.isEnabled()) {
            out.json(new Result(expression, c.name().toLowerCase(Locale.ROOT), names, qNames, coordinates, g.cartesian(),
                    value, g.gradient(), g.partials(), g.components(), g.basis(), along, error));
            return ExitCode.OK;
        }
        out.line(Layout.call("f", names) + " = " + f + "   in " + c.name().toLowerCase(Locale.ROOT) + " coordinates "
                + Layout.tuple(qNames));
        out.line("at " + Points.describe(qNames, coordinates) + " = Cartesian " + Points.describe(names, g.cartesian()) + ":");
        out.line("  f = " + Numbers.format(value));
        out.line("  ∇f (Cartesian) = " + Numbers.format(g.gradient()));
        double[] h = c.scaleFactors(coordinates);
        for (int i = 0; i < qNames.size(); i++) {
            String qi = qNames.get(i);
            out.line(String.format(Locale.ROOT, "  ∂f/∂%s = %s   component along e_%s: (∂f/∂%s)/%s = %s   D_e_%s f = ∇f·e_%s = %s",
                    qi, Numbers.format(g.partials()[i]), qi, qi, Numbers.format(h[i]), Numbers.format(g.components()[i]),
                    qi, qi, Numbers.format(along[i])));
        }
        for (int i = 0; i < qNames.size(); i++) {
            out.line("  e_" + qNames.get(i) + " = " + Numbers.format(g.basis().get(i)));
        }
        out.line("  check: ‖Σ component_i e_i − ∇f‖ = " + Numbers.format(error));
        return ExitCode.OK;
    }
}
