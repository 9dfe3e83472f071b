package dev.nabla.core.ad;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The tape's memory per recorded operation, and its reuse across passes without reallocation. */
class TapeMemoryTest {

    /** Rosenbrock Σ 100 (x_{i+1} − x_i²)² + (1 − x_i)², written with scalar operations. */
    static final RealFunction ROSENBROCK = x -> {
        Real s = x[0].constant(0);
        for (int i = 0; i + 1 < x.length; i++) {
            Real a = x[i + 1].subtract(x[i].square());
            Real b = x[i].negate().add(1);
            s = s.add(a.square().multiply(100).add(b.square()));
        }
        return s;
    };

    static double[] point(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.5 + 0.001 * (i % 100);
        }
        return x;
    }

    @Test
    void rosenbrockCostsAtMost32BytesPerOperation() {
        int n = 100_000;
        AD.TapeGradient rg = (AD.TapeGradient) AD.gradientOf(ROSENBROCK, n);
        double[] g = new double[n];
        rg.valueAndGradient(point(n), g);
        Tape tape = rg.tape();
        long operations = tape.nodes - n; // nodes recorded by operations (inputs excluded)
        double bytesPerOperation = (double) tape.bytesUsed() / operations;
        System.out.printf("Rosenbrock n=%d: %d operations, %d edges, %d bytes used (%.2f per operation), "
                + "%d bytes allocated (%.2f per operation)%n", n, operations, tape.edges, tape.bytesUsed(),
                bytesPerOperation, tape.bytesAllocated(), (double) tape.bytesAllocated() / operations);
        // 9 operations per term (square, subtract, negate, add, square, multiply, square, add, add) with 12
        // edges: (9·12 + 12·12) / 9 = 28 bytes; the inputs' nodes (12 bytes each) are counted too
        assertThat(operations).isEqualTo(9L * (n - 1) + 1);
        assertThat(tape.edges).isEqualTo(12L * (n - 1));
        assertThat(bytesPerOperation).isLessThanOrEqualTo(32);
    }

    @Test
    void tapeIsReusedWithoutReallocation() {
        int n = 10_000;
        AD.TapeGradient rg = (AD.TapeGradient) AD.gradientOf(ROSENBROCK, n);
        double[] g1 = new double[n];
        double[] g2 = new double[n];
        double[] x = point(n);
        rg.valueAndGradient(x, g1);
        Tape tape = rg.tape();
        int[] start = tape.start;
        int[] arg = tape.arg;
        double[] partial = tape.partial;
        double[] adj = tape.adj;
        double v = rg.valueAndGradient(x, g2);
        assertThat(tape.start).isSameAs(start);
        assertThat(tape.arg).isSameAs(arg);
        assertThat(tape.partial).isSameAs(partial);
        assertThat(tape.adj).isSameAs(adj);
        assertThat(g2).containsExactly(g1);
        assertThat(v).isEqualTo(AD.value(ROSENBROCK, x));
        // ∂f/∂x_0 = −400 x_0 (x_1 − x_0²) − 2 (1 − x_0)
        assertThat(g2[0]).isEqualTo(-400 * x[0] * (x[1] - x[0] * x[0]) - 2 * (1 - x[0]));
    }

    @Test
    void arrayPrimitiveIsOneNodeWithOneEdgePerOperand() {
        int n = 1000;
        AD.TapeGradient rg = (AD.TapeGradient) AD.gradientOf(Reals::logSumExp, n);
        rg.valueAndGradient(point(n), new double[n]);
        assertThat(rg.tape().nodes).isEqualTo(n + 1);
        assertThat(rg.tape().edges).isEqualTo(n);
    }
}
