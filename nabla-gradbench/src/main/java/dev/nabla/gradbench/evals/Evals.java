package dev.nabla.gradbench.evals;

import dev.nabla.gradbench.Eval;

import java.util.List;

/** Every GradBench eval Nabla implements. */
public final class Evals {
    private Evals() {
    }

    public static List<Eval> all() {
        return List.of(new Hello(), new Lse(), new Llsq(), new Det(), new Gmm(), new Kmeans(), new Ode(),
                new Particle(), new Saddle(), new Lstm(), new Ba(), new Ht());
    }
}
