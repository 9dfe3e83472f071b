package dev.nabla.explorer;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** An explorer server on a free loopback port for the tests of one class, with a JSON mapper and an HTTP client. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RunningServer {
    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    ExplorerServer server;

    @BeforeAll
    void start() {
        server = new ExplorerServer().start("127.0.0.1", 0);
    }

    @AfterAll
    void stop() {
        server.stop();
    }
}
