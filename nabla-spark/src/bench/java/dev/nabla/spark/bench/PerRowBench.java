package dev.nabla.spark.bench;

import dev.nabla.core.run.Compiled;
import dev.nabla.symbolic.CompiledFormula;
import dev.nabla.symbolic.Formula;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The per-row cost of the Spark loss outside Spark, side by side in one run on one thread: the logistic loss
 * ℓ = log(1 + exp(z)) − label·z, z = w·x + b (10 features), value and gradient in θ and x per row, by
 * nabla-symbolic's compiled formula (what {@code Loss.formula} runs per row today), by nabla-core's compiled
 * program of the same formula traced as Java code ({@code Compiled.gradOfReals}), and by a hand-written loop.
 * Prints ns per row for each of a few repetitions (the first ones are JIT warm-up). See docs/benchmarks.md.
 *
 * <p>Usage: {@code PerRowBench [ROWS] [REPETITIONS]} (defaults 200000 and 7).
 */
public final class PerRowBench {
    private PerRowBench() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int k = 10;
        StringBuilder z = new StringBuilder();
        List<String> variables = new ArrayList<>();
        for (int i = 1; i <= k; i++) {
            z.append(i > 1 ? " + " : "").append("w").append(i).append("*x").append(i);
            variables.add("w" + i);
        }
        z.append(" + b");
        variables.add("b");
        for (int i = 1; i <= k; i++) {
            variables.add("x" + i);
        }
        variables.add("label");
        Formula f = Formula.parse("log(1 + exp(" + z + ")) - label*(" + z + ")", variables);
        int n = variables.size();
        CompiledFormula.Evaluator formula = f.compile().newEvaluator();
        Compiled.Gradient program = Compiled.gradOfReals(f.asRealFunction(), n);
        SplittableRandom random = new SplittableRandom(1);
        double[][] data = new double[rows][n];
        for (double[] d : data) {
            for (int i = 0; i < n; i++) {
                d[i] = random.nextDouble(-1, 1);
            }
        }
        double[] g = new double[n];
        for (int rep = 0; rep < repetitions; rep++) {
            long t0 = System.nanoTime();
            double s1 = 0;
            for (double[] d : data) {
                s1 += formula.valueAndGradient(d, g) + g[0];
            }
            long t1 = System.nanoTime();
            double s2 = 0;
            for (double[] d : data) {
                s2 += program.valueAndGradient(d, g) + g[0];
            }
            long t2 = System.nanoTime();
            double s3 = 0;
            for (double[] d : data) {
                double zz = d[k];
                for (int i = 0; i < k; i++) {
                    zz += d[i] * d[k + 1 + i];
                }
                double label = d[n - 1];
                double e = Math.exp(zz);
                double sigma = e / (1 + e) - label;
                for (int i = 0; i < k; i++) {
                    g[i] = sigma * d[k + 1 + i];
                }
                g[k] = sigma;
                s3 += Math.log1p(e) - label * zz + g[0];
            }
            long t3 = System.nanoTime();
            System.out.printf(Locale.ROOT, "compiled formula %6.0f ns/row, compiled program %6.0f ns/row, hand-written"
                    + " %6.0f ns/row   (checksums %.6g %.6g %.6g)%n", (t1 - t0) / (double) rows, (t2 - t1) / (double) rows,
                    (t3 - t2) / (double) rows, s1, s2, s3);
        }
    }
}
