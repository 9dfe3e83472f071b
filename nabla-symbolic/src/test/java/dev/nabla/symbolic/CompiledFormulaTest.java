package dev.nabla.symbolic;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The compiled fast path: equal to the interpreter, no allocation per call, safe across threads. */
class CompiledFormulaTest {

    @Test
    void sharedSubExpressionsAreComputedOnceInTheProgram() {
        Formula f = Formula.parse("exp(x*sin(y)) * ln(1 + x^2 + y^2)");
        CompiledFormula c = f.compile();
        // f has 11 non-leaf operations; the gradient program reuses them instead of recomputing
        assertThat(c.valueInstructions()).isLessThanOrEqualTo(12);
        assertThat(c.gradientInstructions()).isLessThan(3 * c.valueInstructions());
        double[] g = new double[2];
        double v = c.valueAndGradient(new double[] {0.7, 1.2}, g);
        assertThat(v).isEqualTo(f.value(new double[] {0.7, 1.2}));
        assertThat(g).containsExactly(f.gradient(new double[] {0.7, 1.2}), org.assertj.core.data.Offset.offset(1e-14));
    }

    @Test
    void evaluationAllocatesNothingPerCall() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        CompiledFormula.Evaluator ev = Formula.parse("x^2*sin(y) + y^3 + if(x > y, abs(x - y), max(x, 2*y))")
                .compile().newEvaluator();
        double[] x = {0.7, 1.2};
        double[] g = new double[2];
        double sink = 0;
        for (int i = 0; i < 20_000; i++) { // warm up: class loading, JIT
            x[0] = i * 1e-4;
            sink += ev.valueAndGradient(x, g) + ev.value(x);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            x[0] = 0.5 + i * 1e-6;
            sink += ev.valueAndGradient(x, g) + ev.value(x);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // 200 000 calls: anything per call would be >= 16 bytes each, i.e. megabytes; allow measurement noise
        assertThat(allocated).as("bytes allocated by 200 000 calls").isLessThan(64 * 1024);
        assertThat(sink).isFinite();
    }

    @Test
    void oneCompiledFormulaServesManyThreads() throws Exception {
        Formula f = Formula.parse("exp(x*y) + cos(x - y)");
        CompiledFormula c = f.compile();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    double[] g = new double[2];
                    for (int i = 0; i < 2000; i++) {
                        double[] p = {Math.sin(seed + i), Math.cos(seed * i)};
                        double v = c.valueAndGradient(p, g);
                        double[] want = f.gradient(p);
                        if (v != f.value(p) || Math.abs(g[0] - want[0]) > 1e-12 || Math.abs(g[1] - want[1]) > 1e-12) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
