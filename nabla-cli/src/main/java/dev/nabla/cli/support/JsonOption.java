package dev.nabla.cli.support;

import picocli.CommandLine.Option;

/** Mixin for {@code --json}: the result as one JSON object on stdout (schema per command in docs/cli.md). */
public final class JsonOption {

    @Option(names = "--json", description = "Print the result as JSON (schema in docs/cli.md).")
    private boolean json;

    public boolean isEnabled() {
        return json;
    }
}
