package dev.nabla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.cli.support.BuildInfo;
import dev.nabla.cli.support.Terminal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** What the command tells about itself: its version, completion scripts, man pages; what it loads. */
class PackagingTest {

    /** Every subcommand's name except picocli's help. */
    static Stream<String> commandNames() {
        return Nabla.command(null).getSubcommands().keySet().stream().filter(n -> !n.equals("help"));
    }

    @Test
    void theVersionComesFromTheBuild() {
        // the filtered build.properties holds the POM's version, not the placeholder
        assertThat(BuildInfo.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        CliRun r = CliRun.of("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("nabla " + BuildInfo.version() + "\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eval", "grad", "simplify"})
    void jsonOutputCarriesNablasVersionAndTheSchemaVersionFirst(String command) {
        JsonNode json = JsonOf.parse(command.equals("simplify")
                ? CliRun.of(command, "x*x", "--json")
                : CliRun.of(command, "x^2*sin(y) + y^3", "--at", "x=0.7,y=1.2", "--json"));
        assertThat(json.fieldNames().next()).isEqualTo("nablaVersion");
        assertThat(json.get("nablaVersion").asText()).isEqualTo(BuildInfo.version());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(BuildInfo.SCHEMA_VERSION);
    }

    @Test
    void aNamedCommandLoadsOnlyItself() {
        assertThat(Nabla.command("eval").getSubcommands().keySet()).containsExactly("eval");
        assertThat(Nabla.command("help").getSubcommands()).hasSize(Nabla.SUBCOMMANDS.size());
        assertThat(Nabla.command("no-such-command").getSubcommands()).hasSize(Nabla.SUBCOMMANDS.size());
        assertThat(Nabla.command(null).getSubcommands()).hasSize(Nabla.SUBCOMMANDS.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh"})
    void completionCoversEveryCommandAndItsOptions(String shell) {
        CliRun r = CliRun.of("completion", shell);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("#!/usr/bin/env bash").contains("complete -F").contains("bashcompinit");
        commandNames().forEach(name -> assertThat(r.out()).contains(name));
        assertThat(r.out()).contains("--at").contains("--dir").contains("--json");
    }

    @Test
    void completionForAnotherShellIsAUsageError() {
        CliRun r = CliRun.of("completion", "fish");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("commandNames")
    void everyCommandHasAManPageWithItsOptions(String name) {
        CommandSpec spec = Nabla.command(null).getSubcommands().get(name).getCommandSpec();
        String page = ManPages.page(spec);
        assertThat(page).startsWith(".TH \"NABLA-" + name.toUpperCase(java.util.Locale.ROOT) + "\" \"1\"")
                .contains(".SH NAME\nnabla\\-" + name.replace("-", "\\-") + " \\- ")
                .contains(".SH SYNOPSIS").contains(".SH OPTIONS");
        for (CommandLine.Model.OptionSpec o : spec.options()) {
            assertThat(page).contains(ManPages.escape(o.longestName()));
        }
        // no line may start with a troff control character except the page's own requests
        for (String line : page.split("\n")) {
            if (line.startsWith(".") || line.startsWith("'")) {
                assertThat(line).matches("\\.(TH|SH|TP|B|I|br|nf|fi)\\b.*");
            }
        }
    }

    @Test
    void theTopManPageListsEveryCommandAndTheExitCodes() {
        String page = ManPages.page(Nabla.command(null).getCommandSpec());
        commandNames().forEach(name -> assertThat(page).contains(".B " + ManPages.escape(name) + "\n"));
        assertThat(page).contains(".SH EXIT STATUS");
    }

    @Test
    void troffEscapesBackslashesHyphensAndLeadingDots() {
        assertThat(ManPages.escape("a\\b -x")).isEqualTo("a\\eb \\-x");
        assertThat(ManPages.escape(".hidden\n'quote")).isEqualTo("\\&.hidden\n\\&'quote");
    }

    @Test
    void theLauncherDecidesWhetherStderrIsATerminal() {
        String saved = System.getProperty("nabla.stderr.tty");
        try {
            for (boolean told : List.of(true, false)) {
                System.setProperty("nabla.stderr.tty", Boolean.toString(told));
                assertThat(Terminal.stderrIsTerminal()).isEqualTo(told);
            }
            // the test JVM's stderr is a pipe to the build, not a terminal
            System.clearProperty("nabla.stderr.tty");
            assertThat(Terminal.stderrIsTerminal()).isFalse();
        } finally {
            if (saved == null) {
                System.clearProperty("nabla.stderr.tty");
            } else {
                System.setProperty("nabla.stderr.tty", saved);
            }
        }
    }
}
