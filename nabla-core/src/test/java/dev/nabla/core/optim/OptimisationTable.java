package dev.nabla.core.optim;

import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.field.Vectors;
import dev.nabla.core.geometry.Sphere;
import dev.nabla.core.geometry.SymmetricEigen;
import dev.nabla.core.optim.TestProblems.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Prints the markdown table of docs/benchmarks.md ("Optimisation"): iterations and evaluations to reach
 * ‖∇f‖ ≤ 1e-8 per method on the test set, beside the published minima. Run from the repository root:
 * <pre>
 *   mvn -B -q -pl nabla-core test-compile
 *   java -cp nabla-core/target/classes:nabla-core/target/test-classes dev.nabla.core.optim.OptimisationTable
 * </pre>
 */
public final class OptimisationTable {
    private OptimisationTable() {
    }

    public static void main(String[] args) {
        Termination smooth = new Termination(1e-8, 200_000);
        List<String> rows = new ArrayList<>();
        for (Problem p : DescentTest.problems()) {
            String published = "f* = " + fmt(p.minimum()) + " at " + point(p.minima().get(0))
                    + (p.minima().size() > 1 ? " (one of " + p.minima().size() + ")" : "");
            rows.add(row(p.name(), published, new GradientDescent(ArmijoBacktracking.DEFAULT, smooth).minimize(p.field(), p.start()), p));
            rows.add(row(p.name(), published, new GradientDescent(StrongWolfe.DEFAULT, smooth).minimize(p.field(), p.start()), p));
            rows.add(row(p.name(), published, new Lbfgs(10, StrongWolfe.DEFAULT, smooth).minimize(p.field(), p.start()), p));
        }
        for (int seed = 0; seed < 4; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            double[][] a = TestProblems.rotatedDiagonal(new double[] {-2.0, -0.5, 0.4, 1.1, 2.3, 3.0}, random);
            double[] start = new double[6];
            for (int i = 0; i < 6; i++) {
                start[i] = random.nextDouble(-1, 1);
            }
            double lambdaMin = SymmetricEigen.of(a).smallest();
            OptimizationResult r = new RiemannianGradientDescent(new Sphere(6), ArmijoBacktracking.DEFAULT, smooth)
                    .minimize(TestProblems.rayleigh(a), start);
            rows.add(String.format(Locale.ROOT, "| Rayleigh quotient xᵀAx on S⁵ (seed %d) | λ_min = %s (Jacobi) | %s | %s | %d | %d | %d | %s | %s | \\|f − λ_min\\| = %s |",
                    seed, fmt(lambdaMin), r.method(), r.stopReason(), r.iterations(), r.valueEvaluations(),
                    r.gradientEvaluations(), fmt(r.value()), fmt(r.last().gradientNorm()), fmt(Math.abs(r.value() - lambdaMin))));
        }
        nonsmooth(rows, "\\|x − 1\\| + 2\\|y + 0.5\\| (ν = 1e-6)", GradientSamplingDescentTest.CORNER, new double[] {-1.3, 2.2},
                "f* = 0 at (1, -0.5)", new double[] {1, -0.5});
        nonsmooth(rows, "max(x² + y², (x − 2)² + y²) (ν = 1e-6)", GradientSamplingDescentTest.RIDGE, new double[] {3, 2},
                "f* = 1 at (1, 0)", new double[] {1, 0});
        System.out.println("| problem | published minimum | method | stop | iterations | f evals | ∇f evals | final f | final ‖∇f‖ | distance to x* |");
        System.out.println("|---|---|---|---|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
    }

    private static void nonsmooth(List<String> rows, String name, DifferentiableScalarField f, double[] start, String published,
                                  double[] minimiser) {
        OptimizationResult r = new GradientSamplingDescent().minimize(f, start);
        rows.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d | %d | %d | %s | %s | %s |", name, published, r.method(),
                r.stopReason(), r.iterations(), r.valueEvaluations(), r.gradientEvaluations(), fmt(r.value()),
                fmt(r.last().gradientNorm()), fmt(Vectors.norm(Vectors.subtract(r.point(), minimiser)))));
    }

    private static String row(String name, String published, OptimizationResult r, Problem p) {
        double distance = p.minima().stream().mapToDouble(m -> Vectors.norm(Vectors.subtract(r.point(), m))).min().orElseThrow();
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %d | %d | %d | %s | %s | %s |", name, published, r.method(),
                r.stopReason(), r.iterations(), r.valueEvaluations(), r.gradientEvaluations(), fmt(r.value()),
                fmt(r.last().gradientNorm()), fmt(distance));
    }

    private static String point(double[] x) {
        if (x.length > 3) {
            return "0 ∈ R^" + x.length;
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < x.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(fmt(x[i]));
        }
        return sb.append(")").toString();
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString((long) v);
        }
        String t = String.format(Locale.ROOT, "%.3g", v);
        return t.contains("e") ? t.replaceAll("\\.?0+e", "e").replace("e-0", "e-").replace("e+0", "e") : t.replaceAll("\\.?0+$", "");
    }
}
