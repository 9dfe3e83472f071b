package dev.nabla.core.optim;

import dev.nabla.core.field.DifferentiableScalarField;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The one menu of descent methods that the command line ({@code nabla descend --method}) and the explorer's
 * {@code /api/descend} offer, each with its documented defaults.
 */
public enum Optimizer {
    /** Gradient descent with backtracking Armijo line search. */
    ARMIJO("gradient descent + backtracking Armijo"),
    /** Gradient descent with the strong-Wolfe line search. */
    WOLFE("gradient descent + strong Wolfe"),
    /** L-BFGS with the strong-Wolfe line search. */
    LBFGS("L-BFGS + strong Wolfe"),
    /** Gradient sampling for non-smooth f: steps along the minimum-norm element of sampled gradients. */
    SAMPLING("gradient sampling for non-smooth f (min-norm Clarke element)");

    private final String description;

    Optimizer(String description) {
        this.description = description;
    }

    /**
     * The name on menus and command lines: {@code armijo}, {@code wolfe}, {@code lbfgs}, {@code sampling}.
     *
     * @return the key
     */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * What the method is, in a few words.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * The menu as words: {@code armijo, wolfe, lbfgs or sampling}.
     *
     * @return the keys, joined
     */
    public static String menu() {
        String all = Arrays.stream(values()).map(Optimizer::key).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }

    /**
     * The method called {@code name} (case and surrounding blanks ignored).
     *
     * @param name armijo, wolfe, lbfgs or sampling
     * @return the method
     * @throws IllegalArgumentException naming the menu for any other name
     */
    public static Optimizer of(String name) {
        for (Optimizer o : values()) {
            if (o.key().equals(name.strip().toLowerCase(Locale.ROOT))) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown method '" + name + "' (expected " + menu() + ")");
    }

    /**
     * The parameters of a run; null means the method's default.
     *
     * @param tolerance     stop at ‖∇f‖ ≤ tolerance (default 1e-8; sampling: ‖g*‖ ≤ 1e-6)
     * @param maxIterations iteration limit (default 10000; sampling 1000 rounds)
     * @param c1            sufficient-decrease constant (1e-4)
     * @param rho           Armijo backtracking factor (0.5)
     * @param initialStep   α0 of every line search (1)
     * @param c2            strong-Wolfe curvature constant (0.9)
     * @param memory        L-BFGS memory (10)
     * @param radius        gradient sampling's initial radius ε0 (0.1)
     * @param seed          gradient sampling's seed (0)
     */
    public record Settings(Double tolerance, Integer maxIterations, Double c1, Double rho, Double initialStep, Double c2,
                           Integer memory, Double radius, Long seed) {
        /** Every parameter at its default. */
        public static final Settings DEFAULTS = new Settings(null, null, null, null, null, null, null, null, null);
    }

    /**
     * The gradient tolerance this method uses with these settings.
     *
     * @param s the settings
     * @return the tolerance on ‖∇f‖ (or ‖g*‖)
     */
    public double tolerance(Settings s) {
        return s.tolerance() != null ? s.tolerance() : this == SAMPLING ? 1e-6 : Termination.DEFAULT.gradientTolerance();
    }

    /**
     * The iteration limit this method uses with these settings.
     *
     * @param s the settings
     * @return the iteration limit
     */
    public int maxIterations(Settings s) {
        return s.maxIterations() != null ? s.maxIterations() : this == SAMPLING ? 1000 : Termination.DEFAULT.maxIterations();
    }

    /**
     * Minimises f from x0, telling the listener about every accepted iterate.
     *
     * @param f        the objective
     * @param x0       the starting point
     * @param s        the settings (null entries take this method's defaults)
     * @param listener called with every accepted iterate
     * @return the last point, why the run stopped, and every iterate
     * @throws IllegalArgumentException for parameters outside their ranges
     */
    public OptimizationResult minimize(DifferentiableScalarField f, double[] x0, Settings s, Consumer<Iterate> listener) {
        Termination termination = new Termination(tolerance(s), maxIterations(s));
        ArmijoBacktracking a = ArmijoBacktracking.DEFAULT;
        double step = or(s.initialStep(), a.initialStep());
        ArmijoBacktracking armijo = new ArmijoBacktracking(or(s.c1(), a.c1()), or(s.rho(), a.rho()), step,
                a.maxBacktracks());
        StrongWolfe w = StrongWolfe.DEFAULT;
        StrongWolfe wolfe = new StrongWolfe(or(s.c1(), w.c1()), or(s.c2(), w.c2()), step, Math.max(w.maxStep(), step),
                w.maxEvaluations());
        double radius = or(s.radius(), 0.1);
        return switch (this) {
            case ARMIJO -> new GradientDescent(armijo, termination).minimize(f, x0, listener);
            case WOLFE -> new GradientDescent(wolfe, termination).minimize(f, x0, listener);
            case LBFGS -> new Lbfgs(s.memory() == null ? 10 : s.memory(), wolfe, termination).minimize(f, x0, listener);
            case SAMPLING -> new GradientSamplingDescent(0, radius, 0.1, Math.min(1e-6, radius), armijo,
                    s.seed() == null ? 0 : s.seed(), termination).minimize(f, x0, listener);
        };
    }

    private static double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }
}
