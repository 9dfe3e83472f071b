package dev.nabla.gradbench.evals;

import dev.nabla.gradbench.Eval;

import java.util.List;

/** Every GradBench eval Nabla implements. */
public final class Evals {
    private Evals() {
    }

    /** The evals as the tool runs them: those ported to traced programs ({@link Engine#PROGRAM}) on programs. */
    public static List<Eval> all() {
        return all(Engine.PROGRAM);
    }

    /** The evals, those that have both engines on the given one (the others on the tape). */
    public static List<Eval> all(Engine engine) {
        return List.of(new Hello(), new Lse(engine), new Llsq(), new Det(), new Gmm(engine), new Kmeans(), new Ode(),
                new Particle(), new Saddle(), new Lstm(), new Ba(), new Ht());
    }
}
