package dev.nabla.cli.support;

import picocli.CommandLine.Option;

/** Mixin for {@code --latex}: print formulas and results as LaTeX instead of plain text. */
public final class LatexOption {

    @Option(names = "--latex", description = "Print formulas and results as LaTeX.")
    private boolean latex;

    public boolean isEnabled() {
        return latex;
    }
}
