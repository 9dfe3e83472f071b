package dev.nabla.explorer;

import dev.nabla.core.field.DomainException;
import dev.nabla.symbolic.Formula;
import dev.nabla.symbolic.ParseException;
import dev.nabla.symbolic.ParseLimits;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Parsing under the explorer's limits, and the library's errors as API errors. */
final class Expressions {
    /** The explorer works in the plane: every expression is a field of (x, y). */
    static final List<String> VARIABLES = List.of("x", "y");

    private final Limits limits;

    Expressions(Limits limits) {
        this.limits = limits;
    }

    /** The formula, or a 400 {@code parse} error with position, caret line and what was expected. */
    Formula parse(String source) {
        if (source.length() > limits.maxExpressionChars()) {
            throw new ApiException(400, "too-large", "expression has " + source.length()
                    + " characters; the limit is " + limits.maxExpressionChars(),
                    Map.of("limit", limits.maxExpressionChars()));
        }
        if (source.isBlank()) {
            throw ApiException.badRequest("the expression is empty");
        }
        try {
            return Formula.parse(source, VARIABLES,
                    new ParseLimits(limits.maxExpressionChars(), limits.maxDepth(), limits.maxNodes()));
        } catch (ParseException e) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("source", e.source());
            details.put("position", e.position());
            details.put("sourceLine", e.sourceLine());
            details.put("caretLine", e.caretLine());
            details.put("expected", e.expected());
            throw new ApiException(400, "parse", e.problem() + " at column " + e.column(), details);
        } catch (StackOverflowError e) {
            throw new ApiException(400, "too-large", "expression is nested too deeply", Map.of());
        }
    }

    /** Runs an evaluation; a {@link DomainException} becomes a 422 naming the sub-expression and the point. */
    static <T> T evaluate(Supplier<T> work) {
        try {
            return work.get();
        } catch (DomainException e) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("subExpression", e.subExpression());
            if (e.point() != null) {
                details.put("point", Arrays.stream(e.point()).boxed().toList());
            }
            throw new ApiException(422, "domain", e.getMessage(), details);
        }
    }
}
