package dev.nabla.gradbench.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nabla.gradbench.Eval;
import dev.nabla.gradbench.evals.Evals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Steady-state primal and derivative times of one eval inside one JVM (no protocol, no JSON), alternating the
 * two so that both see the same machine load; prints minimum and median of each and their ratios. For
 * profiling, run it under {@code -XX:StartFlightRecording}.
 *
 * <pre>
 * java -cp CLASSPATH dev.nabla.gradbench.bench.InProcess REPS EVAL SIZE...
 *   lse N | llsq N | det ELL | gmm D K | kmeans K N D | ode N S | lstm L C | ba FILE | ht MODEL_DIR HAND_FILE
 * </pre>
 */
public final class InProcess {
    private InProcess() {
    }

    public static void main(String[] a) throws Exception {
        int reps = Integer.parseInt(a[0]);
        String module = a[1];
        String[] functions;
        ObjectNode in;
        switch (module) {
            case "lse" -> { in = Generators.lse(31337, i(a[2])); functions = new String[] {"primal", "gradient"}; }
            case "llsq" -> { in = Generators.llsq(31337, i(a[2]), 128); functions = new String[] {"primal", "gradient"}; }
            case "det" -> { in = Generators.det(31337, i(a[2])); functions = new String[] {"primal", "gradient"}; }
            case "gmm" -> { in = Generators.gmm(31337, i(a[2]), i(a[3]), 1000); functions = new String[] {"objective", "jacobian"}; }
            case "kmeans" -> { in = Generators.kmeans(31337, i(a[2]), i(a[3]), i(a[4])); functions = new String[] {"cost", "dir"}; }
            case "ode" -> { in = Generators.ode(31337, i(a[2]), i(a[3])); functions = new String[] {"primal", "gradient"}; }
            case "lstm" -> {
                in = Generators.lstm(31337, i(a[2]), i(a[3]), Generators.text(31337, i(a[3])));
                functions = new String[] {"objective", "jacobian"};
            }
            case "ba" -> { in = AdbenchData.ba(Path.of(a[2])); functions = new String[] {"objective", "jacobian"}; }
            case "ht" -> {
                in = AdbenchData.ht(Path.of(a[2]), Path.of(a[3]), a[2].contains("complicated"));
                functions = new String[] {"objective", "jacobian"};
            }
            default -> throw new IllegalArgumentException("unknown eval " + module);
        }
        Eval eval = Evals.all().stream().filter(e -> e.module().equals(module)).findFirst().orElseThrow();
        Eval.Computation primal = eval.prepare(functions[0], in);
        Eval.Computation derivative = eval.prepare(functions[1], in);
        double[] tp = new double[reps];
        double[] td = new double[reps];
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            primal.run();
            long t1 = System.nanoTime();
            derivative.run();
            long t2 = System.nanoTime();
            tp[r] = (t1 - t0) / 1e6;
            td[r] = (t2 - t1) / 1e6;
        }
        Arrays.sort(tp);
        Arrays.sort(td);
        System.out.printf(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.3f | %.3f | %.2f | %.2f |%n", module,
                String.join(" ", Arrays.copyOfRange(a, 2, a.length)).replaceAll(".*/", ""), tp[0], tp[reps / 2], td[0],
                td[reps / 2], td[0] / tp[0], td[reps / 2] / tp[reps / 2]);
    }

    private static int i(String s) {
        return Integer.parseInt(s);
    }
}
