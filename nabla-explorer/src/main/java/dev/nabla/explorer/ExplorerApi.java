package dev.nabla.explorer;

import dev.nabla.core.field.Gradient;
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
        return new Analysis(f.source(), f.toString(), f.toLatex(), f.variables(), x, g.value(),
                Analysis.GradientPart.of(f, g), Analysis.DirectionPart.of(f, g, direction, normalise),
                hessian(f, x));
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

    /** POST /api/grid {expr, window, resolution, arrows}. */
    Grid grid(Body body) {
        Formula f = expressions.parse(body.text("expr"));
        Grid.Window window = Grid.Window.of(body.object("window"));
        int resolution = body.integer("resolution", 81, 2, limits.maxGridResolution());
        int arrows = body.integer("arrows", 15, 2, limits.maxArrows());
        return Grid.sample(f.compile(), window, resolution, arrows);
    }
}
