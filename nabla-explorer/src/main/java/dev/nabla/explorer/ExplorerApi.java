package dev.nabla.explorer;

import dev.nabla.core.field.Gradient;
import dev.nabla.core.check.Differentiability;
import dev.nabla.core.geometry.SteepestAscent;
import dev.nabla.symbolic.nonsmooth.ClarkeCalculus;
import dev.nabla.symbolic.nonsmooth.KinkAnalysis;
import dev.nabla.symbolic.Formula;

import java.util.List;

/** The JSON API's operations on parsed request bodies (see docs/api.md). Stateless and thread-safe. */
final class ExplorerApi {
    private final Limits limits;
    private final Expressions expressions;

    ExplorerApi(Limits limits) {
        this.limits = limits;
        this.expressions = new Expressions(limits);
    }

    /** A parsed expression for the live preview. */
    record Parsed(String expr, String plain, String latex, List<String> variables) {
    }

    /** POST /api/parse {expr}. */
    Parsed parse(Body body) {
        Formula f = expressions.parse(body.text("expr"));
        return new Parsed(f.source(), f.toString(), f.toLatex(), f.variables());
    }

    /** POST /api/analyze {expr, point, direction, normalise}. */
    Analysis analyze(Body body) {
        Formula f = expressions.parse(body.text("expr"));
        int n = f.dimension();
        double[] x = body.vector("point", n);
        double[] direction = body.has("direction") ? body.vector("direction", n) : dev.nabla.core.field.Vectors.unit(n, 0);
        boolean normalise = body.bool("normalise", true);
        Gradient g = Expressions.evaluate(() -> f.valueAndGradient(x));
        Analysis.HessianPart hessian = hessian(f, x);
        Analysis.SteepestPart steepest = null;
        Analysis.LevelSetPart levelSet = null;
        Analysis.ClassificationPart classification = null;
        Analysis.ClarkePart clarke = null;
        Analysis.DifferentiabilityPart differentiability = Analysis.DifferentiabilityPart.of(
                Differentiability.test(f, x, Differentiability.Options.DEFAULT));
        try {
            if (g.isSmooth()) {
                SteepestAscent ascent = SteepestAscent.at(f, x);
                steepest = Analysis.SteepestPart.of(ascent);
                levelSet = Analysis.LevelSetPart.of(f, x, g.value());
                if (hessian.values() != null) {
                    classification = Analysis.ClassificationPart.of(ascent, hessian.values());
                }
            }
            KinkAnalysis kinks = ClarkeCalculus.at(f, x);
            if (!g.isSmooth() || !kinks.isSmooth()) {
                clarke = Analysis.ClarkePart.of(kinks);
            }
        } catch (ArithmeticException undefinedNearby) {
            // second derivatives or nearby gradients undefined: the parts that need them stay empty
        }
        return new Analysis(f.source(), f.toString(), f.toLatex(), f.variables(), x, g.value(),
                Analysis.GradientPart.of(f, g), Analysis.DirectionPart.of(f, g, direction, normalise),
                hessian, steepest, levelSet, classification, differentiability, clarke);
    }

    private static Analysis.HessianPart hessian(Formula f, double[] x) {
        List<List<Analysis.Symbolic>> formulas = f.hessianFormulas().stream()
                .map(row -> row.stream().map(Analysis.Symbolic::of).toList()).toList();
        try {
            return new Analysis.HessianPart(formulas, f.hessian(x), null);
        } catch (ArithmeticException undefined) {
            return new Analysis.HessianPart(formulas, null, undefined.getMessage());
        }
    }

    /** POST /api/descend {expr, start, method, params}. */
    Descent descend(Body body) {
        Formula f = expressions.parse(body.text("expr"));
        double[] start = body.vector("start", f.dimension());
        String name = body.text("method", "armijo");
        Descent.Method method = switch (name) {
            case "armijo" -> Descent.Method.ARMIJO;
            case "wolfe" -> Descent.Method.WOLFE;
            case "lbfgs" -> Descent.Method.LBFGS;
            default -> throw ApiException.badRequest("'method' must be armijo, wolfe or lbfgs, got '" + name + "'");
        };
        return Expressions.evaluate(() -> Descent.run(f, start, method, body.object("params"), limits.maxIterations()));
    }

    /** POST /api/grid {expr, window, resolution, arrows}. */
    Grid grid(Body body) {
        Formula f = expressions.parse(body.text("expr"));
        Grid.Window window = Grid.Window.of(body.object("window"));
        int resolution = body.integer("resolution", 81, 2, limits.maxGridResolution());
        int arrows = body.integer("arrows", 15, 2, limits.maxArrows());
        return Grid.sample(f, window, resolution, arrows);
    }
}
