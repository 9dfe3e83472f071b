package dev.nabla.cli;

import dev.nabla.cli.support.BuildInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes the man pages ({@code man/man1/nabla.1} and one {@code nabla-COMMAND.1} per subcommand, troff) and the
 * shell completion scripts ({@code completion/nabla.bash}, {@code completion/nabla.zsh}) from the command
 * definitions. The build runs it (nabla-cli's pom) for the distribution archive. Not a command.
 */
public final class ManPages {

    private ManPages() {
    }

    /** {@code ManPages DIRECTORY}: writes {@code DIRECTORY/man/man1/*.1} and {@code DIRECTORY/completion/*}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        CommandLine nabla = Nabla.command(null);
        Path man = Files.createDirectories(dir.resolve("man/man1"));
        Files.writeString(man.resolve("nabla.1"), page(nabla.getCommandSpec()), StandardCharsets.UTF_8);
        for (CommandLine sub : nabla.getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            if (!spec.name().equals("help")) {
                Files.writeString(man.resolve("nabla-" + spec.name() + ".1"), page(spec), StandardCharsets.UTF_8);
            }
        }
        Path completion = Files.createDirectories(dir.resolve("completion"));
        String script = CompletionCommand.script();
        Files.writeString(completion.resolve("nabla.bash"), script, StandardCharsets.UTF_8);
        Files.writeString(completion.resolve("nabla.zsh"), script, StandardCharsets.UTF_8);
    }

    /** The troff man page of one command: name, synopsis, description, options, and for nabla its commands. */
    static String page(CommandSpec spec) {
        String name = spec.qualifiedName("-");
        StringBuilder b = new StringBuilder();
        b.append(".TH \"").append(name.toUpperCase(java.util.Locale.ROOT)).append("\" \"1\" \"\" \"nabla ")
                .append(BuildInfo.version()).append("\" \"Nabla Manual\"\n");
        b.append(".SH NAME\n").append(escape(name)).append(" \\- ").append(escape(first(spec.usageMessage().description())))
                .append('\n');
        b.append(".SH SYNOPSIS\n.nf\n").append(escape(new CommandLine.Help(spec, CommandLine.Help.defaultColorScheme(
                CommandLine.Help.Ansi.OFF)).synopsis(0).strip())).append("\n.fi\n");
        b.append(".SH DESCRIPTION\n");
        for (String line : spec.usageMessage().description()) {
            b.append(escape(line)).append("\n.br\n");
        }
        if (!spec.positionalParameters().isEmpty()) {
            b.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec p : spec.positionalParameters()) {
                b.append(".TP\n.I ").append(escape(p.paramLabel())).append('\n')
                        .append(escape(String.join(" ", p.description()))).append('\n');
            }
        }
        b.append(".SH OPTIONS\n");
        for (OptionSpec o : spec.options()) {
            String label = o.typeInfo().isBoolean() ? "" : "=" + o.paramLabel();
            b.append(".TP\n.B ").append(escape(String.join(", ", o.names()) + label)).append('\n')
                    .append(escape(String.join(" ", o.description()))).append('\n');
        }
        if (!spec.subcommands().isEmpty()) {
            b.append(".SH COMMANDS\n");
            for (CommandLine sub : spec.subcommands().values()) {
                CommandSpec s = sub.getCommandSpec();
                b.append(".TP\n.B ").append(escape(s.name())).append('\n')
                        .append(escape(first(s.usageMessage().description()))).append('\n');
            }
            b.append(".SH EXIT STATUS\n0 success; 1 a check failed; 2 usage or parse error; 3 domain error at the "
                    + "point; 4 internal error.\n");
        }
        b.append(".SH SEE ALSO\n").append(spec.parent() == null ? "nabla\\-COMMAND(1) for each command" : "nabla(1)")
                .append('\n');
        return b.toString();
    }

    private static String first(String[] lines) {
        return lines.length == 0 ? "" : lines[0];
    }

    /** Text safe for troff: backslashes doubled, hyphens as \-, and no line starting with a control character. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder();
        for (String line : List.of(text.replace("\\", "\\e").replace("-", "\\-").split("\n", -1))) {
            if (!b.isEmpty()) {
                b.append('\n');
            }
            b.append(line.startsWith(".") || line.startsWith("'") ? "\\&" + line : line);
        }
        return b.toString();
    }
}
