package dev.nabla.cli;

import dev.nabla.explorer.ExplorerServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code nabla serve}: its options, and one clear line when it cannot listen. */
class ServeCommandTest {

    @Test
    void helpNamesPortAndHost() {
        CliRun r = CliRun.of("serve", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--port").contains("--host").contains("127.0.0.1");
    }

    @Test
    void aPortInUseIsOneClearLineAndExitCode2() {
        ExplorerServer other = new ExplorerServer().start("127.0.0.1", 0);
        try {
            CliRun r = CliRun.of("serve", "--port", String.valueOf(other.port()));
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.errLines()).hasSize(1);
            assertThat(r.err()).contains("cannot listen on 127.0.0.1:" + other.port()).doesNotContain("Exception");
        } finally {
            other.stop();
        }
    }

    @Test
    void anImpossiblePortIsAUsageError() {
        CliRun r = CliRun.of("serve", "--port", "70000");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--port");
    }
}
