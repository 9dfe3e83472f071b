package dev.nabla.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/api.md is true: every {@code http} example in it is sent to a running server, and the status, the error kind,
 * the limit named, and the answer's shape and numbers (to the 6 digits the document shows) are those written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocumentationTest extends RunningServer {
    private static final Path API_MD = Path.of("..", "docs", "api.md");
    private static final Pattern EXAMPLE = Pattern.compile("```http\\n(.*?)```(?:\\s*```json\\n(.*?)```)?", Pattern.DOTALL);
    private static final Pattern EXPECTED = Pattern.compile("→ (\\d{3})(?: ([a-z-]+))?(?: limit=(\\d+))?");
    private static final Pattern FILLER = Pattern.compile("<([\\d ]+) characters>");

    static Stream<Arguments> examples() throws IOException {
        String doc = Files.readString(API_MD);
        Matcher m = EXAMPLE.matcher(doc);
        List<Arguments> out = new ArrayList<>();
        while (m.find()) {
            List<String> lines = m.group(1).lines().toList();
            String request = lines.get(0);
            String body = String.join("\n", lines.subList(1, lines.size() - 1));
            Matcher expected = EXPECTED.matcher(lines.get(lines.size() - 1));
            assertThat(expected.matches()).as("last line of an example: → status kind [limit=n]: " + lines).isTrue();
            out.add(Arguments.of(request, body, Integer.parseInt(expected.group(1)), expected.group(2),
                    expected.group(3) == null ? null : Integer.valueOf(expected.group(3)), m.group(2)));
        }
        assertThat(out).as("examples in docs/api.md").hasSizeGreaterThanOrEqualTo(12);
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("examples")
    void theDocumentedExampleIsWhatTheServerAnswers(String request, String body, int status, String kind, Integer limit,
                                                    String answer) throws Exception {
        String[] methodAndPath = request.split(" ", 2);
        Matcher filler = FILLER.matcher(body);
        String sent = filler.find() ? filler.replaceAll("x".repeat(Integer.parseInt(filler.group(1).replace(" ", "")))) : body;
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + methodAndPath[1]))
                .header("Content-Type", "application/json");
        r = sent.isEmpty() ? r.method(methodAndPath[0], HttpRequest.BodyPublishers.noBody())
                : r.method(methodAndPath[0], HttpRequest.BodyPublishers.ofString(sent));
        HttpResponse<String> got = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(got.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode actual = json.readTree(got.body());
        assertThat(got.statusCode()).as(got.body()).isEqualTo(status);
        if (kind != null) {
            assertThat(actual.at("/error/kind").textValue()).isEqualTo(kind);
            assertThat(actual.at("/error/message").textValue()).isNotBlank();
        }
        if (limit != null) {
            assertThat(actual.at("/error/limit").intValue()).isEqualTo(limit);
        }
        if (answer != null) {
            agrees(json.readTree(answer), actual, "");
        }
    }

    /** The documented value agrees with the answer: fields present, numbers to 6 digits, "…" any text. */
    private static void agrees(JsonNode documented, JsonNode actual, String where) {
        assertThat(actual).as(where + " is missing").isNotNull();
        if (documented.isObject()) {
            for (Map.Entry<String, JsonNode> field : documented.properties()) {
                agrees(field.getValue(), actual.get(field.getKey()), where + "/" + field.getKey());
            }
        } else if (documented.isArray()) {
            assertThat(actual.size()).as(where + " length").isEqualTo(documented.size());
            for (int i = 0; i < documented.size(); i++) {
                agrees(documented.get(i), actual.get(i), where + "/" + i);
            }
        } else if (documented.isNumber()) {
            assertThat(actual.isNumber()).as(where + " is a number").isTrue();
            MathContext six = new MathContext(6);
            assertThat(new BigDecimal(actual.doubleValue()).round(six))
                    .as(where + " = " + actual.doubleValue() + " to 6 digits")
                    .isEqualByComparingTo(BigDecimal.valueOf(documented.doubleValue()).round(six));
        } else if (documented.isTextual() && documented.textValue().endsWith("…")) {
            String prefix = documented.textValue().substring(0, documented.textValue().length() - 1);
            assertThat(actual.textValue()).as(where).startsWith(prefix);
        } else {
            assertThat(actual).as(where).isEqualTo(documented);
        }
    }
}
