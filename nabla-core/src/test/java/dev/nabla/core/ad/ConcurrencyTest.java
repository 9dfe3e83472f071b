package dev.nabla.core.ad;

import dev.nabla.core.ad.RandomPrograms.Program;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link AD} entry points are safe to call from several threads at once: each thread has its own stack of
 * passes (tapes, forward contexts, input handles), so results computed concurrently are bit-for-bit those
 * computed on one thread. Compiled window kernels are shared by all threads.
 */
class ConcurrencyTest {

    /** x repeated: a point long enough for compiled window kernels. */
    static double[] tiled(double[] x) {
        double[] t = new double[2 * WindowKernel.MIN_WINDOWS + 3];
        for (int i = 0; i < t.length; i++) {
            t[i] = x[i % x.length] * (1 + 0.01 * i);
        }
        return t;
    }

    /** Everything one task computes for one program and point, flattened for comparison. */
    static double[] everything(Program p, double[] x, double[] v) {
        Reals.WindowTerm term = w -> p.f().apply(new Real[] {w.get(0), w.get(1)});
        RealFunction windows = y -> Reals.windowSum(y, 2, 1, term);
        List<Double> out = new ArrayList<>();
        // long sums: kernels compiled, cached and shared by the threads, in f and as a WindowSum function
        double[] longX = tiled(x);
        double[] longV = tiled(v);
        for (RealFunction f : new RealFunction[] {windows, WindowSum.of(2, 1, term)}) {
            for (double d : AD.grad(f, longX)) {
                out.add(d);
            }
            out.add(AD.jvp(f, longX, longV));
        }
        for (double d : AD.grad(p.f(), x)) {
            out.add(d);
        }
        out.add(AD.jvp(p.f(), x, v));
        for (double d : AD.hvp(p.f(), x, v)) {
            out.add(d);
        }
        for (double d : AD.grad(windows, x)) {
            out.add(d);
        }
        out.add(AD.jvp(windows, x, v));
        RealVectorFunction u = y -> new Real[] {p.f().apply(y), Reals.logSumExp(y), Reals.squaredNorm(y)};
        for (double[] row : AD.jacobian(u, x)) {
            for (double d : row) {
                out.add(d);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void concurrentPassesGiveTheSameResultsAsOneThread() throws Exception {
        int tasks = 200;
        Program[] programs = new Program[tasks];
        double[][] points = new double[tasks][];
        double[][] directions = new double[tasks][];
        double[][] expected = new double[tasks][];
        for (int t = 0; t < tasks; t++) {
            SplittableRandom r = new SplittableRandom(t);
            programs[t] = RandomPrograms.smooth(r, 2, 3);
            points[t] = RandomPrograms.point(r, 2);
            directions[t] = RandomPrograms.point(r, 2);
            expected[t] = everything(programs[t], points[t], directions[t]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (int t = 0; t < tasks; t++) {
                    int k = t;
                    results.add(pool.submit(() -> everything(programs[k], points[k], directions[k])));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                int t = i % tasks;
                assertThat(results.get(i).get(1, TimeUnit.MINUTES)).as("task %d: %s", t, programs[t])
                        .containsExactly(expected[t]);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
