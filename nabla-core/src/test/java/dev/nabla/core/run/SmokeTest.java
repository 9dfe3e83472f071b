package dev.nabla.core.run;

import dev.nabla.core.ad.AD;
import dev.nabla.core.ad.Real;
import dev.nabla.core.ir.Loops;
import dev.nabla.core.ir.Trace;
import dev.nabla.core.ir.Vec;
import dev.nabla.core.ir.VecFunction;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void rosenbrock() {
        int n = 5;
        VecFunction f = x -> Loops.fori(0, n - 1, 0.0, (i, s) -> {
            Real a = x.get(i);
            Real b = x.get(i.plus(1));
            return s.add(b.subtract(a.square()).square().multiply(100)).add(a.subtract(1).square());
        });
        System.out.println(Trace.of(f, n));
        Compiled.Gradient g = Compiled.grad(f, n);
        System.out.println(g.gradientProgram());
        double[] x = {0.3, -1.2, 0.7, 2.0, 1.1};
        System.out.println(java.util.Arrays.toString(g.gradient(x)));
        System.out.println(java.util.Arrays.toString(AD.grad(y -> f.apply(Vec.of(y)), x)));
        System.out.println(Compiled.jvp(f, n).program());
        System.out.println(Compiled.jvp(f, n).directionalDerivative(x, new double[] {1, 0, 0, 0, 0}));
        VecFunction lse = Vec::logSumExp;
        System.out.println(Compiled.grad(lse, n).gradientProgram());
        System.out.println(java.util.Arrays.toString(Compiled.grad(lse, n).gradient(x)));
        System.out.println(java.util.Arrays.toString(AD.grad(y -> lse.apply(Vec.of(y)), x)));
    }
}
