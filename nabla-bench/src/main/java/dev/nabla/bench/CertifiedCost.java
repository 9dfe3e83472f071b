package dev.nabla.bench;

import dev.nabla.cli.Nabla;
import dev.nabla.precise.Certify;
import dev.nabla.symbolic.Formula;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The cost of certified digits, side by side in one JVM (start excluded): for a well-conditioned corpus, the
 * plain double value and gradient of a formula ({@link Formula#valueAndGradient}), the same numbers certified
 * ({@link Certify}, correctly rounded doubles), and the whole {@code nabla grad} command in-process; then how
 * often certification escalates beyond its first precision on a seeded random corpus.
 *
 * <pre>{@code
 * mvn -B -q -pl nabla-bench -am -DskipTests package
 * java -cp "$(cat nabla-bench/target/classpath.txt):nabla-bench/target/classes" dev.nabla.bench.CertifiedCost
 * }</pre>
 * (see scripts/certified-bench.sh, which does both).
 */
public final class CertifiedCost {
    private CertifiedCost() {
    }

    /** The well-conditioned corpus: formula and point. */
    static final String[][] CORPUS = {
        {"x^2*sin(y) + y^3", "0.7,1.2"},
        {"exp(-x^2 - y^2)", "0.3,0.4"},
        {"log(x^2 + y^2)", "1.5,2"},
        {"sqrt(x^2 + y^2)", "3,4"},
        {"(1 - x)^2 + 100*(y - x^2)^2", "-1.2,1"},
        {"x*y*z + sin(x*y) - cos(z)", "0.5,1.5,2"},
        {"atan(y/x)", "1,2"},
        {"exp(x)*cos(y) + x^3*y", "0.25,0.75"},
        {"log(1 + exp(x)) - x*y", "0.5,-0.3"},
        {"tanh(x)*erf(y)", "0.4,0.6"},
    };

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 0.5;
        System.out.println("| formula | point | double value+∇f | certified value+∇f | ratio | `nabla grad` in-process (certified) | of which certification | CLI ratio |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
        List<Double> ratios = new ArrayList<>();
        List<Double> cliRatios = new ArrayList<>();
        for (String[] c : CORPUS) {
            Formula f = Formula.parse(c[0]);
            List<String> point = List.of(c[1].split(","));
            double[] x = point.stream().mapToDouble(Double::parseDouble).toArray();
            double plain = time(() -> Formula.parse(c[0]).valueAndGradient(x), seconds);
            double certified = time(() -> Certify.of(new Certify.Request(Formula.parse(c[0]), point, true, null, false),
                    Certify.Goal.DOUBLE), seconds);
            String at = String.join(",", point);
            double cli = time(() -> Nabla.run(new ByteArrayInputStream(new byte[0]), new PrintWriter(Writer.nullWriter()),
                    new PrintWriter(Writer.nullWriter()), "grad", c[0], "--at", at), seconds);
            double ratio = (plain + certified) / plain;
            double cliRatio = cli / (cli - certified);
            ratios.add(ratio);
            cliRatios.add(cliRatio);
            System.out.printf(Locale.ROOT, "| `%s` | (%s) | %s | %s | %.1f× | %s | %s | %.2f× |%n", c[0], c[1], us(plain),
                    us(certified), ratio, us(cli), us(certified), cliRatio);
        }
        System.out.printf(Locale.ROOT, "%nmedian: certified/double %.1f×, whole command with/without certification %.2f×%n",
                median(ratios), median(cliRatios));
        escalations(Integer.getInteger("corpus", 400));
    }

    /** Seeded random expressions (as in CertifyPropertiesTest) at random points: how far certification escalates. */
    static void escalations(int count) {
        Random r = new Random(2020);
        int[] byPrecision = new int[12];
        int notPinned = 0;
        int undefined = 0;
        for (int k = 0; k < count; k++) {
            String text = random(r, 4);
            String x = String.format(Locale.ROOT, "%.4f", r.nextGaussian() * 3);
            String y = String.format(Locale.ROOT, "%.4f", r.nextGaussian() * 3);
            Formula f = Formula.parse(text, List.of("x", "y"));
            try {
                Certify.Report rep = Certify.of(new Certify.Request(f, List.of(x, y), true, null, false), Certify.Goal.DOUBLE);
                byPrecision[Integer.numberOfTrailingZeros(Integer.highestOneBit(Math.max(1, rep.precision() / 30)))]++;
                if (!rep.complete(Certify.Goal.DOUBLE)) {
                    notPinned++;
                }
            } catch (ArithmeticException e) {
                undefined++;
            }
        }
        System.out.printf(Locale.ROOT, "%nrandom corpus: %d expressions (value and gradient, seed 2020)%n", count);
        for (int i = 0; i < byPrecision.length; i++) {
            if (byPrecision[i] > 0) {
                System.out.printf(Locale.ROOT, "  highest precision %d digits: %d%n", 30 << i, byPrecision[i]);
            }
        }
        System.out.printf(Locale.ROOT, "  not pinned within the budget: %d; undefined at the point: %d%n", notPinned, undefined);
    }

    static String random(Random r, int depth) {
        if (depth == 0 || r.nextInt(4) == 0) {
            int c = r.nextInt(10);
            String v = r.nextBoolean() ? "x" : "y";
            return c == 0 ? v : "(" + v + " + " + c + ")";
        }
        String a = random(r, depth - 1);
        return switch (r.nextInt(10)) {
            case 0 -> "(" + a + " + " + random(r, depth - 1) + ")";
            case 1 -> "(" + a + " - " + random(r, depth - 1) + ")";
            case 2 -> "(" + a + " * " + random(r, depth - 1) + ")";
            case 3 -> "(" + a + ")/(1 + (" + random(r, depth - 1) + ")^2)";
            case 4 -> "exp(" + a + ")";
            case 5 -> "log(1 + (" + a + ")^2)";
            case 6 -> "sin(" + a + ")";
            case 7 -> "cos(" + a + ")";
            case 8 -> "atan(" + a + ")";
            default -> "sqrt(1 + (" + a + ")^2)";
        };
    }

    /** Median seconds per call, after a warm-up of the same length. */
    static double time(Runnable task, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            task.run();
        }
        List<Double> samples = new ArrayList<>();
        end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end || samples.size() < 5) {
            long t0 = System.nanoTime();
            task.run();
            samples.add((System.nanoTime() - t0) / 1e9);
        }
        return median(samples);
    }

    static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a[a.length / 2];
    }

    static String us(double s) {
        return s < 1e-3 ? String.format(Locale.ROOT, "%.1f µs", s * 1e6) : String.format(Locale.ROOT, "%.2f ms", s * 1e3);
    }
}
