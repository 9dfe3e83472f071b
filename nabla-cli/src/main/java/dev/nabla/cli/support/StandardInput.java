package dev.nabla.cli.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code -} as a positional argument (the expression) stands for standard input: {@code echo "x^2*y" | nabla
 * grad - --at x=1,y=2}. The text is read once, as UTF-8, without its surrounding whitespace; option values are
 * never replaced.
 */
public final class StandardInput implements IExecutionStrategy {
    private final InputStream in;
    private final IExecutionStrategy next;
    private String text;

    /** Replaces {@code -} positionals by the text of {@code in}, then runs {@code next}. */
    public StandardInput(InputStream in, IExecutionStrategy next) {
        this.in = in;
        this.next = next;
    }

    @Override
    public int execute(ParseResult parseResult) {
        ParseResult command = parseResult;
        while (command.hasSubcommand()) {
            command = command.subcommand();
        }
        for (PositionalParamSpec positional : command.matchedPositionals()) {
            if ("-".equals(positional.getValue())) {
                positional.setValue(text(command.commandSpec().commandLine()));
            }
        }
        return next.execute(parseResult);
    }

    private String text(CommandLine command) {
        if (text == null) {
            try {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new ExecutionException(command, "cannot read standard input",
                        new UsageException("cannot read the expression from standard input: " + e.getMessage()));
            }
            if (text.isEmpty()) {
                throw new ExecutionException(command, "empty standard input",
                        new UsageException("'-' reads the expression from standard input, which is empty"));
            }
        }
        return text;
    }
}
