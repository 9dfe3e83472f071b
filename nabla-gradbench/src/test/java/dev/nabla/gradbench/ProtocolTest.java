package dev.nabla.gradbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The GradBench protocol as CONTRIBUTING.md specifies it, on recorded message sequences. */
class ProtocolTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final Tool tool = Tool.standard();

    JsonNode respond(String line) throws Exception {
        return JSON.readTree(tool.respond(line));
    }

    /** The hello eval's session: start, define, square/double alternating, analysis acknowledged. */
    @Test
    void helloSession() throws Exception {
        String session = String.join("\n",
                "{\"id\": 0, \"kind\": \"start\", \"eval\": \"hello\"}",
                "{\"id\": 1, \"kind\": \"define\", \"module\": \"hello\"}",
                "{\"id\": 2, \"kind\": \"evaluate\", \"module\": \"hello\", \"function\": \"square\", \"input\": 1.0}",
                "{\"id\": 3, \"kind\": \"analysis\", \"of\": 2, \"valid\": true}",
                "{\"id\": 4, \"kind\": \"evaluate\", \"module\": \"hello\", \"function\": \"double\", \"input\": 1.0}",
                "{\"id\": 5, \"kind\": \"analysis\", \"of\": 4, \"valid\": true}",
                "{\"id\": 6, \"kind\": \"evaluate\", \"module\": \"hello\", \"function\": \"square\", \"input\": 2.0}",
                "{\"id\": 7, \"kind\": \"evaluate\", \"module\": \"hello\", \"function\": \"double\", \"input\": 4.0}",
                "{\"id\": 8, \"kind\": \"analysis\", \"of\": 7, \"valid\": false, \"error\": \"Expected tau, got e.\"}");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        tool.serve(new BufferedReader(new StringReader(session + "\n")), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<JsonNode> responses = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            responses.add(JSON.readTree(line));
        }
        assertThat(responses).hasSize(9);
        for (int i = 0; i < 9; i++) {
            assertThat(responses.get(i).get("id").asInt()).isEqualTo(i);
        }
        assertThat(responses.get(0).get("tool").asText()).isEqualTo("nabla");
        assertThat(responses.get(1).get("success").asBoolean()).isTrue();
        assertThat(responses.get(2).get("output").asDouble()).isEqualTo(1.0);
        assertThat(responses.get(4).get("output").asDouble()).isEqualTo(2.0);
        assertThat(responses.get(6).get("output").asDouble()).isEqualTo(4.0);
        assertThat(responses.get(7).get("output").asDouble()).isEqualTo(8.0);
        // analysis: only the id comes back
        assertThat(responses.get(3).size()).isEqualTo(1);
        assertThat(responses.get(8).size()).isEqualTo(1);
        // hello has no min_runs: one evaluate timing
        assertThat(responses.get(2).get("timings")).hasSize(1);
        assertThat(responses.get(2).get("timings").get(0).get("name").asText()).isEqualTo("evaluate");
        assertThat(responses.get(2).get("timings").get(0).get("nanoseconds").isIntegralNumber()).isTrue();
    }

    @Test
    void unknownModuleIsNotDefined() throws Exception {
        JsonNode r = respond("{\"id\": 1, \"kind\": \"define\", \"module\": \"foo\"}");
        assertThat(r.get("id").asInt()).isEqualTo(1);
        assertThat(r.get("success").asBoolean()).isFalse();
        assertThat(r.get("error").asText()).contains("foo");
    }

    @Test
    void everyImplementedEvalIsDefined() throws Exception {
        for (String module : List.of("hello", "lse", "llsq", "det", "gmm", "kmeans", "ode", "particle", "saddle", "lstm", "ba", "ht")) {
            assertThat(respond("{\"id\": 1, \"kind\": \"define\", \"module\": \"" + module + "\"}").get("success").asBoolean())
                    .as(module).isTrue();
        }
    }

    @Test
    void evaluatingAnUnknownModuleOrFunctionFailsWithAnError() throws Exception {
        JsonNode r = respond("{\"id\": 2, \"kind\": \"evaluate\", \"module\": \"foo\", \"function\": \"bar\", \"input\": 3.14}");
        assertThat(r.get("success").asBoolean()).isFalse();
        assertThat(r.get("error").asText()).contains("foo");
        r = respond("{\"id\": 3, \"kind\": \"evaluate\", \"module\": \"hello\", \"function\": \"cube\", \"input\": 3.0}");
        assertThat(r.get("id").asInt()).isEqualTo(3);
        assertThat(r.get("success").asBoolean()).isFalse();
        assertThat(r.get("error").asText()).contains("cube");
    }

    @Test
    void inputsOfTheWrongShapeFailWithTheFieldNamed() throws Exception {
        JsonNode r = respond("{\"id\": 4, \"kind\": \"evaluate\", \"module\": \"lse\", \"function\": \"primal\", \"input\": {\"y\": [1]}}");
        assertThat(r.get("success").asBoolean()).isFalse();
        assertThat(r.get("error").asText()).contains("'x'");
        r = respond("{\"id\": 5, \"kind\": \"evaluate\", \"module\": \"det\", \"function\": \"primal\", \"input\": {\"A\": [1, 2, 3], \"ell\": 2}}");
        assertThat(r.get("success").asBoolean()).isFalse();
        assertThat(r.get("error").asText()).contains("ell");
        r = respond("{\"id\": 6, \"kind\": \"evaluate\", \"module\": \"lse\", \"function\": \"primal\", \"input\": {\"x\": [1, \"a\"]}}");
        assertThat(r.get("success").asBoolean()).isFalse();
        assertThat(r.get("error").asText()).contains("'x'[1]");
    }

    @Test
    void malformedLinesGetAClearErrorAndTheLoopGoesOn() throws Exception {
        String session = String.join("\n",
                "this is not json",
                "",
                "[1, 2, 3]",
                "{\"kind\": \"start\"}",
                "{\"id\": 7}",
                "{\"id\": 8, \"kind\": \"evaluate\", \"module\": \"hello\", \"function\": \"square\", \"input\": 3.0}");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        tool.serve(new BufferedReader(new StringReader(session)), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(5); // the blank line gets no response
        assertThat(JSON.readTree(lines[0]).get("error").asText()).startsWith("malformed message: not JSON");
        assertThat(JSON.readTree(lines[1]).get("error").asText()).contains("JSON object");
        assertThat(JSON.readTree(lines[2]).get("error").asText()).contains("'id'");
        assertThat(JSON.readTree(lines[3]).get("id").asInt()).isEqualTo(7);
        assertThat(JSON.readTree(lines[3]).get("error").asText()).contains("'kind'");
        for (int i = 0; i < 4; i++) {
            assertThat(lines[i]).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(JSON.readTree(lines[i]).get("success").asBoolean()).isFalse();
        }
        assertThat(JSON.readTree(lines[4]).get("output").asDouble()).isEqualTo(9.0);
    }

    @Test
    void unknownKindsAreAcknowledgedWithTheIdOnly() throws Exception {
        JsonNode r = respond("{\"id\": 9, \"kind\": \"end\"}");
        assertThat(r.size()).isEqualTo(1);
        assertThat(r.get("id").asInt()).isEqualTo(9);
    }

    /** Runs: at least min_runs runs, and one "evaluate" timing per run. */
    @Test
    void runsRepeatAtLeastMinRunsTimesWithOneTimingEach() throws Exception {
        JsonNode r = respond("{\"id\": 10, \"kind\": \"evaluate\", \"module\": \"lse\", \"function\": \"gradient\","
                + " \"input\": {\"x\": [1, 2, 3], \"min_runs\": 5, \"min_seconds\": 0}}");
        assertThat(r.get("success").asBoolean()).isTrue();
        assertThat(r.get("timings")).hasSize(5);
        for (JsonNode t : r.get("timings")) {
            assertThat(t.get("name").asText()).isEqualTo("evaluate");
            assertThat(t.get("nanoseconds").asLong()).isPositive();
        }
        assertThat(r.get("output")).hasSize(3);
    }

    /** Runs: runs continue until their total reaches min_seconds. */
    @Test
    void runsContinueUntilMinSeconds() throws Exception {
        JsonNode r = respond("{\"id\": 11, \"kind\": \"evaluate\", \"module\": \"lse\", \"function\": \"primal\","
                + " \"input\": {\"x\": [1, 2, 3], \"min_runs\": 1, \"min_seconds\": 0.05}}");
        long total = 0;
        for (JsonNode t : r.get("timings")) {
            total += t.get("nanoseconds").asLong();
        }
        assertThat(total).isGreaterThanOrEqualTo(50_000_000L);
    }
}
