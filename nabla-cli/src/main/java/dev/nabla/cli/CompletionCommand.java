package dev.nabla.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nabla completion bash|zsh}: the shell completion script, generated from the command definitions.
 * One script serves both shells (in zsh it enables bash completion first).
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print the shell completion script for bash or zsh.",
                "bash: source <(nabla completion bash)   (or save it in /etc/bash_completion.d/nabla)",
                "zsh:  source <(nabla completion zsh)    (e.g. in ~/.zshrc)"})
final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh")
    Shell shell;

    enum Shell { bash, zsh }

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(script());
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The completion script for every subcommand and option of {@code nabla}. */
    static String script() {
        return AutoComplete.bash("nabla", Nabla.command(null));
    }
}
