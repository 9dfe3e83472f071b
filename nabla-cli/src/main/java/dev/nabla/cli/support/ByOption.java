package dev.nabla.cli.support;

import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * Mixin for {@code --by symbolic|ad|numeric}: compute by one chosen way. Without it a command shows the symbolic
 * result and whether automatic differentiation and finite differences agree with it.
 */
public final class ByOption {

    /** The three ways of the documents: formulas, automatic differentiation, finite differences. */
    public enum Way {
        /** The formula's exact derivatives (symbolic rules; exact one-sided expansions at kinks). */
        SYMBOLIC,
        /** Automatic differentiation of the formula as Java code over {@code Real}. */
        AD,
        /** Finite differences over a step ladder with Richardson extrapolation. */
        NUMERIC;

        /** As written on the command line and in JSON: "symbolic", "ad", "numeric". */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Option(names = "--by", paramLabel = "WAY",
            description = "Compute by one way only: symbolic, ad or numeric (default: symbolic, with AD and"
                    + " finite differences checked against it).")
    private String by;

    /** The way asked for, or null for the default (symbolic, with the other two compared). */
    public Way way() {
        if (by == null) {
            return null;
        }
        try {
            return Way.valueOf(by.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--by must be symbolic, ad or numeric, got '" + by + "'");
        }
    }

    /** The way the result is computed by: the one asked for, else symbolic. */
    public Way wayOrDefault() {
        Way w = way();
        return w == null ? Way.SYMBOLIC : w;
    }
}
