package dev.nabla.explorer;

import dev.nabla.core.optim.Optimizer;
import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.Vectors;
import dev.nabla.core.check.Differentiability;
import dev.nabla.core.geometry.SteepestAscent;
import dev.nabla.symbolic.nonsmooth.ClarkeCalculus;
import dev.nabla.symbolic.nonsmooth.KinkAnalysis;
import dev.nabla.symbolic.Formula;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The JSON API's operations on parsed request bodies (see docs/api.md). Stateless and thread-safe. */
final class ExplorerApi {
    private final Limits limits;
    private final Expressions expressions;

    ExplorerApi(Limits limits) {
        this.limits = limits;
        this.expressions = new Expressions(limits);
    }

    /** Analyses refused as too large to print, by expression and parameters (the refusal holds at every point). */
    private final Map<String, ApiException> refused = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, ApiException> eldest) {
                    return size() > 256;
                }
            });

    private static String refusalKey(Body body) {
        return body.text("expr") + "\u0000" + body.numbers("parameters");
    }

    /**
     * Throws at once, without waiting for a turn, when this /api/analyze request asks about an expression already
     * refused as too large to print: a flood of such requests then costs the server their JSON, not their queue
     * places, and a normal request is not queued behind them.
     */
    void refuseKnownAnalysis(Body body) {
        if (!body.has("expr") || !body.node().get("expr").isTextual()) {
            return;
        }
        ApiException known = refused.get(refusalKey(body));
        if (known != null) {
            throw new ApiException(known.status(), known.kind(), known.getMessage(), known.details());
        }
    }

    /**
     * A parsed expression for the live preview, its parameters (symbols other than the variables, each a slider on
     * the page) left as symbols.
     */
    record Parsed(String expr, String plain, String latex, List<String> variables, List<String> parameters) {
    }

    /** POST /api/parse {expr, parameters}. */
    Parsed parse(Body body) {
        String source = body.text("expr");
        expressions.parse(body);
        List<String> parameters = expressions.parameters(source);
        Formula f = parameters.isEmpty() ? expressions.parse(source) : expressions.symbolic(source);
        Analysis.Symbolic printed = new PrintBudget(limits.maxFormulaTerms()).print(f, "f");
        return new Parsed(source, printed.plain(), printed.latex(), expressions.variables(source), parameters);
    }

    /** POST /api/analyze {expr, point, direction, normalise}. */
    Analysis analyze(Body body) {
        Formula f = expressions.parse(body);
        int n = f.dimension();
        double[] x = body.vector("point", n);
        double[] direction = body.has("direction") ? body.vector("direction", n) : Vectors.unit(n, 0);
        boolean normalise = body.bool("normalise", true);
        List<Formula> gradientFormulas = Expressions.derive("∇f", f::gradientFormulas);
        // an answer that would print too much is refused before anything is evaluated or printed: f, ∇f and the
        // Hessian are the same at every point (built once per formula), so the refusal costs a count on their DAGs
        try {
            PrintBudget sizes = new PrintBudget(limits.maxFormulaTerms());
            sizes.charge(List.of(f), "f");
            sizes.charge(gradientFormulas, "∇f");
            sizes.charge(Expressions.derive("the Hessian", f::hessianFormulas).stream().flatMap(List::stream).toList(),
                    "the Hessian");
        } catch (ApiException tooLarge) {
            refused.put(refusalKey(body), tooLarge);
            throw tooLarge;
        }
        PrintBudget budget = new PrintBudget(limits.maxFormulaTerms());
        Analysis.Symbolic printed = budget.print(f, "f");
        Gradient g = Expressions.evaluate(() -> f.valueAndGradient(x));
        Expressions.finite(f, x, g.value());
        Analysis.GradientPart gradientPart = Analysis.GradientPart.of(gradientFormulas, g, budget);
        Analysis.DirectionPart directionPart = Analysis.DirectionPart.of(f, g, direction, normalise, budget);
        Analysis.HessianPart hessian = Analysis.HessianPart.of(f, g, budget);
        Analysis.SteepestPart steepest = null;
        Analysis.LevelSetPart levelSet = null;
        Analysis.ClassificationPart classification = null;
        Analysis.ClarkePart clarke = null;
        Analysis.DifferentiabilityPart differentiability = orNull(() -> Analysis.DifferentiabilityPart.of(
                Differentiability.test(f, x, Differentiability.Options.DEFAULT)));
        if (g.isSmooth() && Double.isFinite(g.norm())) {
            SteepestAscent ascent = orNull(() -> SteepestAscent.at(f, x));
            if (ascent != null) {
                steepest = Analysis.SteepestPart.of(ascent);
                levelSet = orNull(() -> Analysis.LevelSetPart.of(f, x, g.value()));
                if (hessian.finite()) {
                    classification = orNull(() -> Analysis.ClassificationPart.of(ascent, hessian.values()));
                }
            }
        }
        KinkAnalysis kinks = orNull(() -> ClarkeCalculus.at(f, x));
        if (kinks != null && (!g.isSmooth() || !kinks.isSmooth())) {
            clarke = orNull(() -> Analysis.ClarkePart.of(kinks));
        }
        return new Analysis(body.text("expr"), printed.plain(), printed.latex(), f.variables(), x, g.value(), gradientPart,
                directionPart, hessian, steepest, levelSet, classification, differentiability, clarke);
    }

    /**
     * A part of the answer that needs more than f(x) and ∇f(x) (second derivatives, nearby values, an
     * eigen-solver): null where those are undefined or not finite, so that the rest of the answer still comes.
     */
    private static <T> T orNull(Supplier<T> part) {
        try {
            return part.get();
        } catch (ArithmeticException | IllegalArgumentException undefinedOrNotFinite) {
            return null;
        }
    }

    /** POST /api/descend {expr, start, method, params}. */
    Descent descend(Body body) {
        Formula f = expressions.parse(body);
        double[] start = body.vector("start", f.dimension());
        String name = body.text("method", "armijo");
        Optimizer method;
        try {
            method = Optimizer.of(name);
        } catch (IllegalArgumentException unknown) {
            throw ApiException.badRequest("'method': " + unknown.getMessage());
        }
        return Expressions.evaluate(() -> Descent.run(f, start, method, body.object("params"), limits.maxIterations()));
    }

    /** POST /api/slice {expr, point, direction, normalise, halfWidth, samples}. */
    Slice slice(Body body) {
        Formula f = expressions.parse(body);
        int n = f.dimension();
        double[] x = body.vector("point", n);
        double[] direction = body.has("direction") ? body.vector("direction", n) : Vectors.unit(n, 0);
        double halfWidth = body.number("halfWidth", 1);
        if (!(halfWidth > 0 && halfWidth <= 1e6)) {
            throw ApiException.badRequest("'halfWidth' must be in (0, 1e6], got " + halfWidth);
        }
        int samples = body.integer("samples", 201, 2, limits.maxGridResolution() * 2);
        return Slice.along(f, x, direction, body.bool("normalise", true), halfWidth, samples);
    }

    /** POST /api/check {expr, point, direction, normalise, gradient: [formula, …], derivative: "…"}. */
    AnswerCheck check(Body body) {
        Formula f = expressions.parse(body);
        int n = f.dimension();
        double[] x = body.vector("point", n);
        double[] direction = body.has("direction") ? body.vector("direction", n) : Vectors.unit(n, 0);
        List<String> sources = body.texts("gradient", n);
        String derivative = body.has("derivative") ? body.text("derivative") : null;
        if (sources == null && derivative == null) {
            throw ApiException.badRequest("give 'gradient' (one formula per variable) or 'derivative' (a number), or both");
        }
        List<Formula> partials = sources == null ? null : sources.stream()
                .map(s -> expressions.parse(s, body.numbers("parameters"), f.variables())).toList();
        Expressions.derive("∇f", f::gradientFormulas);
        return AnswerCheck.of(f, x, direction, body.bool("normalise", true), partials, sources, derivative);
    }

    /**
     * The step-by-step derivation of ∇f and of D_v f.
     *
     * @param expr        the expression as typed
     * @param variables   the variables, in order
     * @param partials    per variable x_i, the derivation of ∂f/∂x_i rule by rule
     * @param directional D_v f = ∇f·v = Σ_i (∂f/∂x_i) v_i, the last step (null when no direction was given)
     */
    record Steps(String expr, List<String> variables, List<Derivation> partials, DirectionalStep directional) {
    }

    /**
     * The last step: D_v f = Σ_i (∂f/∂x_i) v_i with the partials of the derivations.
     *
     * @param v       the direction used (v/‖v‖ when normalised)
     * @param applied Σ_i (∂f/∂x_i)·v_i in LaTeX, the partials written out
     * @param formula ∇f·v as the engine forms it
     */
    record DirectionalStep(double[] v, String applied, Analysis.Symbolic formula) {
    }

    /** POST /api/steps {expr, direction, normalise}. */
    Steps steps(Body body) {
        Formula f = expressions.parse(body);
        PrintBudget budget = new PrintBudget(limits.maxFormulaTerms());
        List<Derivation> partials = Expressions.derive("∇f", () -> f.variables().stream()
                .map(x -> Derivation.of(f, x, budget)).toList());
        DirectionalStep directional = null;
        if (body.has("direction")) {
            double[] given = body.vector("direction", f.dimension());
            double length = Vectors.norm(given);
            boolean normalise = body.bool("normalise", true);
            if (normalise && length == 0) {
                throw ApiException.badRequest("the zero direction cannot be normalised");
            }
            double[] v = normalise ? Vectors.scale(1 / length, given) : given;
            StringBuilder applied = new StringBuilder();
            for (int i = 0; i < v.length; i++) {
                applied.append(i == 0 ? "" : " + ").append("\\left(").append(partials.get(i).result().latex())
                        .append("\\right)\\cdot\\left(").append(Numbers.latex(v[i])).append("\\right)");
            }
            Formula dv = Expressions.derive("∇f·v", () -> f.directionalDerivativeFormula(v));
            directional = new DirectionalStep(v, applied.toString(), budget.print(dv, "∇f·v"));
        }
        return new Steps(body.text("expr"), f.variables(), partials, directional);
    }

    /**
     * POST /api/polar {expr, parameters, point, rmax, resolution, arrows}: the field in polar coordinates at the point,
     * and φ(r, θ) on [0, rmax] × [−π, π] (rmax defaults to 2‖x‖, at least 1).
     */
    Polar polar(Body body) {
        Formula f = expressions.parse(body);
        if (f.dimension() != 2) {
            throw ApiException.badRequest("polar coordinates are for fields of (x, y)");
        }
        double[] x = body.vector("point", 2);
        double rmax = body.number("rmax", Math.max(1, 2 * Vectors.norm(x)));
        if (!(rmax > 0 && rmax <= 1e6)) {
            throw ApiException.badRequest("'rmax' must be in (0, 1e6], got " + rmax);
        }
        int resolution = body.integer("resolution", 81, 2, limits.maxGridResolution());
        int arrows = body.integer("arrows", 15, 2, limits.maxArrows());
        return Polar.at(f, x, rmax, resolution, arrows, new PrintBudget(limits.maxFormulaTerms()));
    }

    /** POST /api/grid {expr, window, resolution, arrows}. */
    Grid grid(Body body) {
        Formula f = expressions.parse(body);
        Grid.Window window = Grid.Window.of(body.object("window"));
        int resolution = body.integer("resolution", 81, 2, limits.maxGridResolution());
        int arrows = body.integer("arrows", 15, 2, limits.maxArrows());
        // a field of (x, y, z) is drawn on its slice z = z₀ through the point
        double[] rest = f.dimension() == 3 ? new double[] {body.object("slice").number("z", 0)} : new double[0];
        return Grid.sample(f, window, resolution, arrows, rest);
    }

    /** POST /api/volume {expr, parameters, window: {xmin, …, zmax}, resolution}: f of (x, y, z) on a 3-D grid. */
    Volume volume(Body body) {
        Formula f = expressions.parse(body);
        if (f.dimension() != 3) {
            throw ApiException.badRequest("a volume is for fields of (x, y, z); this one is a field of " + f.variables());
        }
        Body w = body.object("window");
        Grid.Window xy = Grid.Window.of(w);
        Grid.Window xz = new Grid.Window(xy.xmin(), xy.xmax(), w.number("zmin", -3), w.number("zmax", 3));
        int resolution = body.integer("resolution", 24, 2, Volume.MAX_RESOLUTION);
        return Volume.sample(f, xy, xz.ymin(), xz.ymax(), resolution);
    }
}
