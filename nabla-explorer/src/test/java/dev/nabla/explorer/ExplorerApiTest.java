package dev.nabla.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.core.field.Gradient;
import dev.nabla.symbolic.Formula;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The JSON API over real HTTP: answers agree with the library, and every bad request is a JSON 4xx. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplorerApiTest extends RunningServer {
    private static final List<String> XY = List.of("x", "y");
    private record Answer(int status, String contentType, JsonNode body) {
        JsonNode error() {
            return body.get("error");
        }
    }

    private Answer post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private Answer post(String path, Object body) {
        try {
            return post(path, json.writeValueAsString(body));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            String type = r.headers().firstValue("Content-Type").orElse("");
            return new Answer(r.statusCode(), type, type.startsWith("application/json") ? json.readTree(r.body()) : null);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static double[] doubles(JsonNode array) {
        double[] a = new double[array.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = array.get(i).doubleValue();
        }
        return a;
    }

    private static java.util.Map<String, Object> analyzeBody(String expr, double[] point, double[] direction, boolean normalise) {
        return java.util.Map.of("expr", expr, "point", point, "direction", direction, "normalise", normalise);
    }

    @Test
    void analyzeGivesTheWorkedExampleAsTheLibraryComputesIt() {
        Answer a = post("/api/analyze", analyzeBody("x^2*sin(y) + y^3", new double[] {0.7, 1.2}, new double[] {1, -2}, true));
        assertThat(a.status()).isEqualTo(200);
        Gradient expected = Formula.parse("x^2*sin(y) + y^3", XY).valueAndGradient(new double[] {0.7, 1.2});
        // same library call on both sides: equal to the last bit
        assertThat(a.body().get("value").doubleValue()).isEqualTo(expected.value());
        assertThat(doubles(a.body().at("/gradient/values"))).containsExactly(expected.gradient());
        // the documents' answer: ∇f(0.7, 1.2) = (2·0.7·sin 1.2, 0.49·cos 1.2 + 3·1.44); tolerance covers rounding only
        assertThat(expected.gradient()[0]).isCloseTo(1.4 * Math.sin(1.2), within(1e-12));
        assertThat(expected.gradient()[1]).isCloseTo(0.49 * Math.cos(1.2) + 4.32, within(1e-12));
        double[] unit = {1 / Math.sqrt(5), -2 / Math.sqrt(5)};
        JsonNode d = a.body().get("direction");
        assertThat(doubles(d.get("v"))).containsExactly(unit);
        // D_v̂ f = ∇f·v̂, one dot product of two rounded vectors: 1e-12 is generous
        double dv = expected.gradient()[0] * unit[0] + expected.gradient()[1] * unit[1];
        assertThat(d.get("derivative").doubleValue()).isCloseTo(dv, within(1e-12));
        assertThat(d.get("formulaValue").doubleValue()).isCloseTo(dv, within(1e-10));
        assertThat(d.get("writtenOut").textValue()).isEqualTo("∇f·v = (" + Numbers.text(expected.gradient()[0]) + ")("
                + Numbers.text(unit[0]) + ") + (" + Numbers.text(expected.gradient()[1]) + ")(" + Numbers.text(unit[1])
                + ") = " + Numbers.text(dv));
        assertThat(a.body().at("/hessian/values").size()).isEqualTo(2);
        // the gradient as a person writes it (the documents' answer)
        assertThat(a.body().at("/gradient/formulas/0/plain").textValue()).isEqualTo("2*x*sin(y)");
        assertThat(a.body().at("/gradient/formulas/1/plain").textValue()).isEqualTo("x^2*cos(y) + 3*y^2");
        assertThat(a.body().at("/differentiability/differentiable").booleanValue()).isTrue();
        assertThat(a.body().get("clarke").isNull()).isTrue();
    }

    @Test
    void exerciseTwoTheNormAtTheOriginIsAKinkWithTheUnitBall() {
        Answer a = post("/api/analyze", analyzeBody("sqrt(x^2 + y^2)", new double[] {0, 0}, new double[] {1, 1}, true));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().at("/gradient/smooth").booleanValue()).isFalse();
        assertThat(a.body().at("/direction/derivative").isNull()).as("∇f·v is not D_v f at a kink").isTrue();
        assertThat(a.body().at("/differentiability/differentiable").booleanValue()).isFalse();
        assertThat(a.body().at("/differentiability/verdict").textValue()).contains("one-sided");
        assertThat(a.body().at("/clarke/kind").textValue()).isEqualTo("exact");
        assertThat(a.body().at("/clarke/set").textValue()).contains("unit ball");
        assertThat(doubles(a.body().at("/clarke/minimumNorm"))).containsExactly(0, 0);
        // the documents' answer D_v f(0) = ‖v‖: v = (3, 4) unnormalised gives 5. The quotient (f(tv) − f(0))/t
        // equals ‖v‖ at every t, so the estimate is exact up to rounding of f
        Answer raw = post("/api/analyze", analyzeBody("sqrt(x^2 + y^2)", new double[] {0, 0}, new double[] {3, 4}, false));
        assertThat(raw.body().at("/direction/byDefinition").doubleValue()).isCloseTo(5, within(1e-9));
    }

    @Test
    void exerciseThreeTheCounterexampleHasNonLinearDirectionalDerivatives() {
        Answer a = post("/api/analyze", analyzeBody("if(x == 0 and y == 0, 0, x^2*y/(x^2+y^2))", new double[] {0, 0},
                new double[] {1, 1}, true));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().at("/differentiability/differentiable").booleanValue()).isFalse();
        assertThat(a.body().at("/differentiability/verdict").textValue()).contains("not linear");
        assertThat(a.body().get("clarke").isNull()).isFalse();
    }

    @Test
    void withoutNormalisingTheDirectionIsUsedAsGiven() {
        Answer a = post("/api/analyze", analyzeBody("x^2*sin(y) + y^3", new double[] {0.7, 1.2}, new double[] {1, -2}, false));
        double[] g = Formula.parse("x^2*sin(y) + y^3", XY).gradient(new double[] {0.7, 1.2});
        assertThat(a.body().at("/direction/derivative").doubleValue()).isCloseTo(g[0] - 2 * g[1], within(1e-12));
    }

    @Test
    void parseErrorsCarryPositionCaretAndExpectation() {
        Answer a = post("/api/parse", "{\"expr\": \"x^2*sin(y +\"}");
        assertThat(a.status()).isEqualTo(400);
        JsonNode e = a.error();
        assertThat(e.get("kind").textValue()).isEqualTo("parse");
        assertThat(e.get("position").intValue()).isBetween(9, 11);
        assertThat(e.get("caretLine").textValue()).endsWith("^").hasSize(e.get("position").intValue() + 1);
        assertThat(e.get("expected").textValue()).isNotBlank();
        assertThat(e.get("source").textValue()).isEqualTo("x^2*sin(y +");
    }

    @Test
    void parseGivesLatexForThePreview() {
        Answer a = post("/api/parse", "{\"expr\": \"x^2*sin(y) + y^3\"}");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().get("latex").textValue()).contains("x^").contains("sin");
        assertThat(a.body().get("variables")).hasSize(2);
    }

    @Test
    void aDomainErrorNamesTheSubExpression() {
        Answer a = post("/api/analyze", analyzeBody("ln(x^2 + y^2)", new double[] {0, 0}, new double[] {1, 0}, true));
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.error().get("kind").textValue()).isEqualTo("domain");
        assertThat(a.error().get("subExpression").textValue()).isNotBlank();
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("/api/analyze", "{\"expr\": \"x\", \"point\": [1,", "malformed-json"),
                Arguments.of("/api/analyze", "not json at all", "malformed-json"),
                Arguments.of("/api/analyze", "[1, 2, 3]", "bad-request"),
                Arguments.of("/api/analyze", "{\"point\": [1, 2]}", "bad-request"),
                Arguments.of("/api/analyze", "{\"expr\": 42, \"point\": [1, 2]}", "bad-request"),
                Arguments.of("/api/analyze", "{\"expr\": \"x*y\", \"point\": [1]}", "bad-request"),
                Arguments.of("/api/analyze", "{\"expr\": \"x*y\", \"point\": [1, \"a\"]}", "bad-request"),
                Arguments.of("/api/analyze", "{\"expr\": \"x*y\", \"point\": [1, 2], \"direction\": [0, 0]}", "bad-request"),
                Arguments.of("/api/analyze", "{\"expr\": \"\", \"point\": [1, 2]}", "bad-request"),
                Arguments.of("/api/analyze", "{\"expr\": \"x*foo(y)\", \"point\": [1, 2]}", "parse"),
                Arguments.of("/api/grid", "{\"expr\": \"x*y\", \"resolution\": 100000}", "bad-request"),
                Arguments.of("/api/grid", "{\"expr\": \"x*y\", \"resolution\": 2.5}", "bad-request"),
                Arguments.of("/api/grid", "{\"expr\": \"x*y\", \"window\": {\"xmin\": 1, \"xmax\": 0}}", "bad-request"),
                Arguments.of("/api/grid", "{\"expr\": \"x*y\", \"window\": {\"xmin\": -1e300, \"xmax\": 1e300}}", "bad-request"),
                Arguments.of("/api/grid", "{\"expr\": \"x*y\", \"arrows\": 1000}", "bad-request"),
                Arguments.of("/api/parse", "{\"expr\": \"" + "[".repeat(1) + "\"}", "parse"),
                Arguments.of("/api/parse", "[".repeat(5000) + "]".repeat(5000), "malformed-json"));
    }

    @ParameterizedTest
    @MethodSource("badRequests")
    void badRequestsAreJson4xx(String path, String body, String kind) {
        Answer a = post(path, body);
        assertThat(a.status()).isBetween(400, 499);
        assertThat(a.contentType()).startsWith("application/json");
        assertThat(a.error().get("kind").textValue()).isEqualTo(kind);
        assertThat(a.error().get("message").textValue()).isNotBlank();
    }

    @Test
    void oversizedBodiesAreRefusedWith413() {
        String huge = "{\"expr\": \"" + "x+".repeat(100_000) + "x\"}";
        Answer a = post("/api/parse", huge);
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.error().get("kind").textValue()).isEqualTo("too-large");
    }

    @Test
    void hostileExpressionsAreRefusedNotEvaluated() {
        // deep nesting: far beyond the depth limit, must not overflow the stack
        Answer deep = post("/api/parse", java.util.Map.of("expr", "(".repeat(20_000) + "x" + ")".repeat(20_000)));
        assertThat(deep.status()).isIn(400, 413);
        // long input within the body limit but beyond the expression limit
        Answer longInput = post("/api/parse", java.util.Map.of("expr", "x+".repeat(10_000) + "y"));
        assertThat(longInput.status()).isEqualTo(400);
        assertThat(longInput.error().get("kind").textValue()).isEqualTo("too-large");
        // a deep chain of functions within the length limit
        Answer chain = post("/api/analyze", java.util.Map.of("expr", "sin(".repeat(300) + "x" + ")".repeat(300),
                "point", new double[] {1, 1}));
        assertThat(chain.status()).isEqualTo(400);
        assertThat(chain.error().get("kind").textValue()).isIn("parse", "too-large");
    }

    @Test
    void unknownRoutesAndMethodsAreJson() {
        Answer missing = post("/api/nothing", "{}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.error().get("kind").textValue()).isEqualTo("not-found");
        Answer get = send(HttpRequest.newBuilder(uri("/api/analyze")).GET().build());
        assertThat(get.status()).isBetween(404, 405);
        assertThat(get.error()).isNotNull();
    }

    @Test
    void gridValuesAreTheFormulasValuesAndUndefinedPointsAreNull() {
        Answer a = post("/api/grid", java.util.Map.of("expr", "ln(x^2 + y^2)", "resolution", 5, "arrows", 4,
                "window", java.util.Map.of("xmin", -1, "xmax", 1, "ymin", -2, "ymax", 2)));
        assertThat(a.status()).isEqualTo(200);
        double[] xs = doubles(a.body().get("x"));
        double[] ys = doubles(a.body().get("y"));
        assertThat(xs).containsExactly(-1, -0.5, 0, 0.5, 1);
        assertThat(ys).containsExactly(-2, -1, 0, 1, 2);
        Formula f = Formula.parse("ln(x^2 + y^2)", XY);
        JsonNode z = a.body().get("z");
        for (int j = 0; j < 5; j++) {
            for (int i = 0; i < 5; i++) {
                if (xs[i] == 0 && ys[j] == 0) {
                    assertThat(z.get(j).get(i).isNull()).as("f undefined at the origin").isTrue();
                } else {
                    // the compiled program and the interpreter compute the same operations: agree to rounding
                    assertThat(z.get(j).get(i).doubleValue()).isCloseTo(f.value(new double[] {xs[i], ys[j]}), within(1e-12));
                }
            }
        }
        JsonNode arrows = a.body().get("arrows");
        assertThat(arrows).hasSize(16);
        for (JsonNode arrow : arrows) {
            double[] p = {arrow.get(0).doubleValue(), arrow.get(1).doubleValue()};
            double[] g = f.gradient(p);
            assertThat(arrow.get(2).doubleValue()).isCloseTo(g[0], within(1e-12));
            assertThat(arrow.get(3).doubleValue()).isCloseTo(g[1], within(1e-12));
        }
    }

    @Test
    void concurrentRequestsEachGetTheirOwnAnswer() throws Exception {
        String expr = "exp(x*sin(y))*ln(1 + x^2 + y^2)";
        Formula f = Formula.parse(expr, XY);
        SplittableRandom random = new SplittableRandom(6);
        List<Callable<Void>> calls = new ArrayList<>();
        for (int k = 0; k < 48; k++) {
            double[] p = {random.nextDouble(-2, 2), random.nextDouble(-2, 2)};
            boolean grid = k % 4 == 0;
            calls.add(() -> {
                if (grid) {
                    Answer a = post("/api/grid", java.util.Map.of("expr", expr, "resolution", 41));
                    assertThat(a.status()).isEqualTo(200);
                    assertThat(a.body().get("z")).hasSize(41);
                } else {
                    Answer a = post("/api/analyze", analyzeBody(expr, p, new double[] {1, 1}, true));
                    assertThat(a.status()).isEqualTo(200);
                    assertThat(doubles(a.body().get("point"))).containsExactly(p);
                    assertThat(doubles(a.body().at("/gradient/values"))).containsExactly(f.gradient(p));
                }
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            for (Future<Void> done : pool.invokeAll(calls)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** The examples menu of the page (examples.js), read as the browser gets it: expression, point, direction. */
    static Stream<Arguments> examplesOfThePage() throws IOException {
        String source;
        try (var in = ExplorerApiTest.class.getResourceAsStream("/public/examples.js")) {
            source = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "expr: '([^']*)'.*?point: \\[([^\\]]*)\\], direction: \\[([^\\]]*)\\](?:, parameters: \\{([^}]*)})?")
                .matcher(source);
        List<Arguments> examples = new ArrayList<>();
        while (m.find()) {
            java.util.Map<String, Double> parameters = new java.util.TreeMap<>();
            if (m.group(4) != null) {
                for (String pair : m.group(4).split(",")) {
                    parameters.put(pair.split(":")[0].trim(), Double.parseDouble(pair.split(":")[1].trim()));
                }
            }
            examples.add(Arguments.of(m.group(1), parse(m.group(2)), parse(m.group(3)), parameters));
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(12);
        return examples.stream();
    }

    private static double[] parse(String numbers) {
        return java.util.Arrays.stream(numbers.split(",")).mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
    }

    @ParameterizedTest
    @MethodSource("examplesOfThePage")
    void everyExampleOfTheMenuIsAnalysed(String expr, double[] point, double[] direction,
                                         java.util.Map<String, Double> parameters) {
        java.util.Map<String, Object> body = new java.util.HashMap<>(analyzeBody(expr, point, direction, true));
        body.put("parameters", parameters);
        Answer a = post("/api/analyze", body);
        assertThat(a.status()).as(expr + " → " + a.body()).isEqualTo(200);
        // the parameters as variables of their own, held at their values: ∂f/∂x and ∂f/∂y are the answer's
        Formula all = Formula.parse(expr);
        List<String> variables = point.length == 3 ? List.of("x", "y", "z") : XY;
        double[] at = all.variables().stream().mapToDouble(v -> variables.contains(v) ? point[variables.indexOf(v)]
                : parameters.get(v)).toArray();
        Gradient full = all.valueAndGradient(at);
        Gradient expected = full;
        double[] g = variables.stream().mapToDouble(v -> all.variables().contains(v)
                ? full.gradient()[all.variables().indexOf(v)] : 0).toArray();
        assertThat(doubles(a.body().at("/gradient/values"))).containsExactly(g);
        assertThat(a.body().at("/gradient/smooth").booleanValue()).isEqualTo(expected.isSmooth());
        // at a kink the Clarke set is shown instead of the steepest directions
        assertThat(a.body().get("clarke").isNull()).isEqualTo(expected.isSmooth());
    }

    static Stream<Arguments> descents() {
        return Stream.of(
                Arguments.of("(x + 2*y - 7)^2 + (2*x + y - 5)^2", "armijo", new double[] {1, 3}),
                Arguments.of("(x + 2*y - 7)^2 + (2*x + y - 5)^2", "wolfe", new double[] {1, 3}),
                Arguments.of("(x + 2*y - 7)^2 + (2*x + y - 5)^2", "lbfgs", new double[] {1, 3}),
                Arguments.of("(1 - x)^2 + 100*(y - x^2)^2", "lbfgs", new double[] {1, 1}));
    }

    @ParameterizedTest
    @MethodSource("descents")
    void descentRunsReachTheKnownMinimum(String expr, String method, double[] minimum) {
        Answer a = post("/api/descend", java.util.Map.of("expr", expr, "start", new double[] {-1.2, 1}, "method", method,
                "params", java.util.Map.of("maxIterations", 10_000, "tolerance", 1e-6)));
        assertThat(a.status()).isEqualTo(200);
        JsonNode path = a.body().get("path");
        assertThat(doubles(path.get(0))).containsExactly(-1.2, 1);
        double[] last = doubles(path.get(path.size() - 1));
        assertThat(a.body().get("stopReason").textValue()).isEqualTo("gradient-tolerance");
        // ‖∇f‖ ≤ 1e-6 where the Hessian's smallest eigenvalue is ≥ 0.4 (Booth 2, Rosenbrock ≈ 0.4): |x − x*| ≤ 2.5e-6
        assertThat(last[0]).isCloseTo(minimum[0], within(1e-5));
        assertThat(last[1]).isCloseTo(minimum[1], within(1e-5));
        assertThat(a.body().get("values")).hasSize(path.size());
        assertThat(a.body().get("iterations").intValue()).isEqualTo(path.size() - 1);
        double[] values = doubles(a.body().get("values"));
        for (int k = 1; k < values.length; k++) {
            assertThat(values[k]).as("f decreases at step %d", k).isLessThanOrEqualTo(values[k - 1]);
        }
    }

    @Test
    void descentRefusesBadMethodsAndParameters() {
        assertThat(post("/api/descend", "{\"expr\": \"x^2+y^2\", \"start\": [1, 1], \"method\": \"newton\"}").status()).isEqualTo(400);
        assertThat(post("/api/descend", "{\"expr\": \"x^2+y^2\", \"start\": [1, 1], \"params\": {\"maxIterations\": 1000000}}").status()).isEqualTo(400);
        assertThat(post("/api/descend", "{\"expr\": \"x^2+y^2\", \"start\": [1, 1], \"params\": {\"tolerance\": -1}}").status()).isEqualTo(400);
        assertThat(post("/api/descend", "{\"expr\": \"x^2+y^2\", \"start\": [1, 1], \"method\": \"wolfe\", \"params\": {\"c1\": 0.5, \"c2\": 0.1}}").status()).isEqualTo(400);
    }

    @Test
    void steepestAscentLevelSetAndClassificationComeFromTheGeometry() {
        Answer a = post("/api/analyze", analyzeBody("x^2*sin(y) + y^3", new double[] {0.7, 1.2}, new double[] {1, 0}, true));
        double[] g = Formula.parse("x^2*sin(y) + y^3", XY).gradient(new double[] {0.7, 1.2});
        double norm = Math.hypot(g[0], g[1]);
        // ±∇f/‖∇f‖ at rate ‖∇f‖; normalising one vector costs a few ulps
        assertThat(doubles(a.body().at("/steepest/ascent"))).containsExactly(new double[] {g[0] / norm, g[1] / norm}, within(1e-14));
        assertThat(a.body().at("/steepest/rate").doubleValue()).isCloseTo(norm, within(1e-12));
        double[] tangent = doubles(a.body().at("/levelSet/tangent").get(0));
        // a tangent w of the level set has D_w f = ∇f·w = 0, up to rounding of a 2-term dot product
        assertThat(g[0] * tangent[0] + g[1] * tangent[1]).isCloseTo(0, within(1e-12));
        assertThat(a.body().at("/classification/kind").textValue()).isEqualTo("not stationary");
        Answer saddle = post("/api/analyze", analyzeBody("x^2 - y^2", new double[] {0, 0}, new double[] {1, 0}, true));
        assertThat(saddle.body().at("/classification/kind").textValue()).isEqualTo("saddle");
        assertThat(saddle.body().at("/steepest/stationary").booleanValue()).isTrue();
        Answer minimum = post("/api/analyze", analyzeBody("0.5*(3*x^2 + 2*x*y + 2*y^2)", new double[] {0, 0}, new double[] {1, 0}, true));
        assertThat(minimum.body().at("/classification/kind").textValue()).isEqualTo("minimum");
    }

    @Test
    void servesThePageTheLibrariesAndAFavicon() {
        HttpResponse<String> page = sendText("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/webjars/katex/0.18.11/dist/katex.min.css")
                .contains("/webjars/plotly.js-dist/3.3.1/plotly.js");
        assertThat(sendText("/webjars/katex/0.18.11/dist/katex.mjs").statusCode()).isEqualTo(200);
        assertThat(sendText("/app.js").headers().firstValue("Content-Type").orElse("")).contains("javascript");
        HttpResponse<String> icon = sendText("/favicon.svg");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.body()).contains("<svg");
    }

    @Test
    void theSliceIsFAlongTheLineWithTheTangentSlopeDvf() {
        Answer a = post("/api/slice", java.util.Map.of("expr", "x^2*sin(y) + y^3", "point", new double[] {0.7, 1.2},
                "direction", new double[] {1, -2}, "normalise", false, "halfWidth", 0.5, "samples", 11));
        assertThat(a.status()).isEqualTo(200);
        Formula f = Formula.parse("x^2*sin(y) + y^3", XY);
        double[] t = doubles(a.body().get("t"));
        assertThat(t).hasSize(11).startsWith(-0.5).endsWith(0.5);
        for (int k = 0; k < t.length; k++) {
            double[] p = {0.7 + t[k], 1.2 - 2 * t[k]};
            // compiled program and interpreter, the same operations: agree to rounding
            assertThat(a.body().get("values").get(k).doubleValue()).isCloseTo(f.value(p), within(1e-12));
        }
        double[] g = f.gradient(new double[] {0.7, 1.2});
        // smooth: both one-sided slopes are ∇f·v = −7.690 (the documents' unnormalised number)
        assertThat(a.body().at("/right/value").doubleValue()).isCloseTo(g[0] - 2 * g[1], within(1e-12));
        assertThat(a.body().at("/left/value").doubleValue()).isCloseTo(g[0] - 2 * g[1], within(1e-12));
        assertThat(a.body().get("kink").booleanValue()).isFalse();
    }

    @Test
    void atAKinkTheSliceHasTwoOneSidedSlopes() {
        // |x| + |y| at (0, 0.5) along (1, 0): f(x + t v) = |t| + 0.5, right slope 1, left slope −1
        Answer a = post("/api/slice", java.util.Map.of("expr", "abs(x) + abs(y)", "point", new double[] {0, 0.5},
                "direction", new double[] {1, 0}));
        assertThat(a.body().at("/right/value").doubleValue()).isEqualTo(1);
        assertThat(a.body().at("/left/value").doubleValue()).isEqualTo(-1);
        assertThat(a.body().get("kink").booleanValue()).isTrue();
        // exercise 2: ‖x‖ at 0 along v = (3, 4) as given: D_v f(0) = ‖v‖ = 5 to the right, −D_{−v} f = −5 to the left
        Answer norm = post("/api/slice", java.util.Map.of("expr", "sqrt(x^2 + y^2)", "point", new double[] {0, 0},
                "direction", new double[] {3, 4}, "normalise", false));
        assertThat(norm.body().at("/right/value").doubleValue()).isCloseTo(5, within(1e-12));
        assertThat(norm.body().at("/left/value").doubleValue()).isCloseTo(-5, within(1e-12));
    }

    @Test
    void theCounterexampleIsAnalysedTheSameWayEachTime() {
        java.util.Map<String, Object> body = analyzeBody("if(x == 0 and y == 0, 0, x^2*y/(x^2+y^2))", new double[] {0, 0},
                new double[] {1, 1}, true);
        JsonNode first = post("/api/analyze", body).body();
        JsonNode second = post("/api/analyze", body).body();
        assertThat(second.get("differentiability")).isEqualTo(first.get("differentiability"));
        assertThat(second.get("clarke")).isEqualTo(first.get("clarke"));
        assertThat(second.get("direction")).isEqualTo(first.get("direction"));
    }

    static Stream<Arguments> polesAndZeros() {
        return Stream.of(
                // 1/x: a pole on x = 0, between the grid's columns 49 and 50 (100 points on [−1, 1], none at 0)
                Arguments.of("1/x", 49),
                Arguments.of("y/x + 1", 49),
                // tan(2x): a zero at x = 0 (kept) and poles at x = ±π/4, between columns 88 and 89 (and 10, 11)
                Arguments.of("tan(2*x)", 88),
                // zeros, not poles: the level set f = 0 is real and must be kept
                Arguments.of("x", -1),
                Arguments.of("x^3 - x*y", -1),
                Arguments.of("sign(x)", -1));
    }

    @ParameterizedTest
    @MethodSource("polesAndZeros")
    void gridPointsBesideAPoleAreLeftOutSoThatNoFalseLevelCurveIsDrawn(String expr, int column) {
        Answer a = post("/api/grid", java.util.Map.of("expr", expr, "resolution", 100, "arrows", 2,
                "window", java.util.Map.of("xmin", -1, "xmax", 1, "ymin", -1, "ymax", 1)));
        JsonNode z = a.body().get("z");
        int blanked = 0;
        for (JsonNode row : z) {
            for (JsonNode v : row) {
                blanked += v.isNull() ? 1 : 0;
            }
        }
        if (column >= 0) {
            // both neighbours of the pole, in (nearly) every row: x = −1 + 2i/99 on [−1, 1]; y/x + 1 does not change
            // sign across x = 0 in the two rows nearest y = 0
            assertThat(blanked).isGreaterThanOrEqualTo(190);
            assertThat(z.get(10).get(column).isNull()).isTrue();
            assertThat(z.get(10).get(column + 1).isNull()).isTrue();
            assertThat(z.get(10).get(30).isNull()).isFalse();
            assertThat(z.get(10).get(49).isNull()).as("tan(2x) = 0 at x = 0 is a zero").isEqualTo(column == 49);
        } else {
            assertThat(blanked).isZero();
        }
    }

    private Answer check(Object gradient, String derivative, boolean normalise) {
        java.util.Map<String, Object> body = new java.util.HashMap<>(analyzeBody("x^2*sin(y) + y^3",
                new double[] {0.7, 1.2}, new double[] {1, -2}, normalise));
        if (gradient != null) {
            body.put("gradient", gradient);
        }
        if (derivative != null) {
            body.put("derivative", derivative);
        }
        return post("/api/check", body);
    }

    @Test
    void checkMyAnswerAcceptsTheGradientHoweverItIsWritten() {
        Answer a = check(List.of("2*x*sin(y)", "x^2*cos(y) + 3*y^2"), null, true);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().at("/gradient/0/right").booleanValue()).isTrue();
        assertThat(a.body().at("/gradient/1/right").booleanValue()).isTrue();
        Answer reordered = check(List.of("sin(y)*x*2", "3*y*y + cos(y)*x^2"), null, true);
        assertThat(reordered.body().at("/gradient/0/right").booleanValue()).isTrue();
        assertThat(reordered.body().at("/gradient/1/right").booleanValue()).isTrue();
    }

    @Test
    void checkMyAnswerSaysWhichComponentDiffersAndWhere() {
        // 3y instead of 3y²: wrong at the point itself, (0.7, 1.2)
        Answer a = check(List.of("2*x*sin(y)", "x^2*cos(y) + 3*y"), null, true);
        assertThat(a.body().at("/gradient/0/right").booleanValue()).isTrue();
        JsonNode wrong = a.body().at("/gradient/1");
        assertThat(wrong.get("right").booleanValue()).isFalse();
        assertThat(wrong.get("variable").textValue()).isEqualTo("y");
        assertThat(doubles(wrong.get("differsAt"))).containsExactly(0.7, 1.2);
        assertThat(wrong.get("givenValue").doubleValue()).isCloseTo(0.49 * Math.cos(1.2) + 3.6, within(1e-12));
        assertThat(wrong.get("expectedValue").doubleValue()).isCloseTo(0.49 * Math.cos(1.2) + 4.32, within(1e-12));
        // the number ∂f/∂x(0.7, 1.2) is right at the point and wrong everywhere else: caught at a point around it
        double g0 = 1.4 * Math.sin(1.2);
        Answer onlyHere = check(List.of(g0 + "", "x^2*cos(y) + 3*y^2"), null, true);
        assertThat(onlyHere.body().at("/gradient/0/right").booleanValue()).isFalse();
        assertThat(doubles(onlyHere.body().at("/gradient/0/differsAt"))).doesNotContain(0.7);
    }

    @Test
    void checkMyAnswerTakesDvfToTheDigitsTypedAndKnowsTheUsualSlip() {
        // the documents: v = (1, −2) as given, −7.690; the unit direction, −3.439
        assertThat(check(null, "−7.690", false).body().at("/derivative/right").booleanValue()).isTrue();
        assertThat(check(null, "-7.69", false).body().at("/derivative/right").booleanValue()).isTrue();
        assertThat(check(null, "-7.70", false).body().at("/derivative/right").booleanValue()).isFalse();
        assertThat(check(null, "-3.439", true).body().at("/derivative/right").booleanValue()).isTrue();
        // half a unit of the last digit typed: −3.4392 is right, −3.4391 is not (D_v̂ f = −3.43919)
        assertThat(check(null, "-3.4392", true).body().at("/derivative/right").booleanValue()).isTrue();
        assertThat(check(null, "-3.4391", true).body().at("/derivative/right").booleanValue()).isFalse();
        Answer slip = check(null, "-7.690", true);
        assertThat(slip.body().at("/derivative/right").booleanValue()).isFalse();
        assertThat(slip.body().at("/derivative/hint").textValue()).contains("v as given");
        assertThat(check(null, "7.690", false).body().at("/derivative/hint").textValue()).contains("sign");
        assertThat(check(null, "seven", false).status()).isEqualTo(400);
    }

    @Test
    void bothLanguagesHaveEveryMessageThePageUses() throws IOException {
        java.util.Map<String, String> en = Messages.of("en");
        java.util.Map<String, String> ko = Messages.of("ko");
        assertThat(ko.keySet()).isEqualTo(en.keySet());
        String page;
        try (var in = ExplorerApiTest.class.getResourceAsStream("/public/index.html")) {
            page = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-i18n=\"([^\"]+)\"").matcher(page);
        int used = 0;
        while (m.find()) {
            assertThat(en).containsKey(m.group(1));
            used++;
        }
        assertThat(used).isGreaterThan(20);
        // the documents' vocabulary
        assertThat(String.join(" ", ko.values())).contains("그래디언트", "방향도함수", "레벨셋", "접공간", "클라크 부분그래디언트");
        assertThat(post("/api/messages", "{}").status()).isEqualTo(405);
        assertThat(sendText("/api/messages?lang=fr").statusCode()).isEqualTo(400);
    }

    @Test
    void everySentenceThePageWritesIsInBothLanguagesWithTheSameBlanks() throws IOException {
        java.util.Map<String, String> en = Messages.of("en");
        java.util.Map<String, String> ko = Messages.of("ko");
        java.util.regex.Pattern blank = java.util.regex.Pattern.compile("\\{\\d+}");
        for (String key : en.keySet()) {
            assertThat(blank.matcher(ko.get(key)).results().map(java.util.regex.MatchResult::group).sorted().distinct().toList())
                    .as("the blanks {0}, {1}, … of '%s'", key)
                    .isEqualTo(blank.matcher(en.get(key)).results().map(java.util.regex.MatchResult::group).sorted().distinct().toList());
        }
        // every t('key') of the scripts, and the keys they form from the server's words
        java.util.regex.Matcher asked = java.util.regex.Pattern.compile("\\bt\\('([a-zA-Z.]*[a-zA-Z])'").matcher(resource("/public/app.js")
                + resource("/public/plots.js"));
        int used = 0;
        while (asked.find()) {
            assertThat(en).as("the page asks for '%s'", asked.group(1)).containsKey(asked.group(1));
            used++;
        }
        assertThat(used).isGreaterThan(40);
        for (String rule : List.of("sum", "product", "power", "chain", "piecewise", "variable", "constant")) {
            assertThat(en).containsKey("rule." + rule);
        }
        for (String key : List.of("hint.asGiven", "hint.unit", "hint.sign", "hessian.missing", "hessian.beyond")) {
            assertThat(en).containsKey(key);
        }
        for (String reason : List.of("gradient-tolerance", "iteration-limit", "line-search-failure", "non-finite-value",
                "domain-error")) {
            assertThat(en).containsKey("stop." + reason);
        }
    }

    private static String resource(String name) throws IOException {
        try (var in = ExplorerApiTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void everySymbolThatIsNotAVariableIsAParameterHeldAtItsValue() {
        Answer parsed = post("/api/parse", java.util.Map.of("expr", "a*x^2 + b*sin(c*y)"));
        assertThat(parsed.status()).isEqualTo(200);
        assertThat(parsed.body().get("parameters").toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
        assertThat(parsed.body().get("variables").toString()).isEqualTo("[\"x\",\"y\"]");
        assertThat(parsed.body().get("plain").textValue()).contains("a").contains("b");
        SplittableRandom random = new SplittableRandom(42);
        Formula all = Formula.parse("a*x^2 + b*sin(c*y)");   // variables a, b, c, x, y
        for (int k = 0; k < 10; k++) {
            double a = random.nextDouble(-5, 5), b = random.nextDouble(-5, 5), c = random.nextDouble(-5, 5);
            double[] p = {random.nextDouble(-2, 2), random.nextDouble(-2, 2)};
            java.util.Map<String, Object> body = new java.util.HashMap<>(analyzeBody("a*x^2 + b*sin(c*y)", p,
                    new double[] {1, 0}, true));
            body.put("parameters", java.util.Map.of("a", a, "b", b, "c", c));
            Answer answer = post("/api/analyze", body);
            assertThat(answer.status()).isEqualTo(200);
            double[] g = all.gradient(new double[] {a, b, c, p[0], p[1]});
            assertThat(doubles(answer.body().at("/gradient/values"))).containsExactly(g[3], g[4]);
            // ∂f/∂x = 2 a x and ∂f/∂y = b c cos(c y), written out by hand
            assertThat(g[3]).isCloseTo(2 * a * p[0], within(1e-12 * (1 + Math.abs(g[3]))));
            assertThat(g[4]).isCloseTo(b * c * Math.cos(c * p[1]), within(1e-12 * (1 + Math.abs(g[4]))));
        }
        // a parameter not given is 1; a name that is no parameter of the expression is ignored
        java.util.Map<String, Object> body = new java.util.HashMap<>(analyzeBody("a*x", new double[] {2, 0},
                new double[] {1, 0}, true));
        body.put("parameters", java.util.Map.of("q", 7));
        assertThat(doubles(post("/api/analyze", body).body().at("/gradient/values"))).containsExactly(1, 0);
        body.put("parameters", java.util.Map.of("a", "two"));
        assertThat(post("/api/analyze", body).status()).isEqualTo(400);
        assertThat(post("/api/parse", java.util.Map.of("expr", "a+b+c+d+e2+f+g+h+k+x")).status()).isEqualTo(400);
    }

    @Test
    void thePolarViewGivesTheDocumentsFrAndFthetaOfLnR2() {
        // exercise 4: f = ln(x² + y²) = ln r², so f_r = 2/r and f_θ = 0
        Answer a = post("/api/polar", java.util.Map.of("expr", "ln(x^2 + y^2)", "point", new double[] {1, 1},
                "resolution", 5, "arrows", 2));
        assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(200);
        assertThat(a.body().get("r").doubleValue()).isCloseTo(Math.sqrt(2), within(1e-15));
        assertThat(a.body().get("theta").doubleValue()).isCloseTo(Math.PI / 4, within(1e-15));
        assertThat(a.body().get("radial").doubleValue()).isCloseTo(2 / Math.sqrt(2), within(1e-14));
        assertThat(a.body().at("/ftheta/value").doubleValue()).isCloseTo(0, within(1e-14));
        assertThat(a.body().at("/grid/x").size()).isEqualTo(5);
        assertThat(a.body().at("/grid/y/0").doubleValue()).isEqualTo(-Math.PI);
    }

    /** Seeded points and smooth fields: D_{e_r} f = ∇f·e_r, (1/r) ∂φ/∂θ = ∇f·e_θ, and f_r e_r + (1/r) f_θ e_θ = ∇f. */
    static Stream<Arguments> polarCases() {
        SplittableRandom random = new SplittableRandom(2027);
        List<String> fields = List.of("x^2*sin(y) + y^3", "exp(x*sin(y))*ln(1 + x^2 + y^2)", "exp(x*y) + cos(x - y)",
                "0.5*(3*x^2 + 2*x*y + 2*y^2)", "atan2(y, 2 + x)");
        List<Arguments> out = new ArrayList<>();
        for (int k = 0; k < 15; k++) {
            out.add(Arguments.of(fields.get(k % fields.size()),
                    new double[] {random.nextDouble(-2, 2), random.nextDouble(-2, 2)}));
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("polarCases")
    void thePolarPartialsOfPhiAreTheCartesianGradientInThePolarBasis(String expr, double[] p) {
        Answer a = post("/api/polar", java.util.Map.of("expr", expr, "point", p, "resolution", 3, "arrows", 2));
        assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(200);
        double[] g = Formula.parse(expr, XY).gradient(p);
        double theta = Math.atan2(p[1], p[0]);
        double[] er = {Math.cos(theta), Math.sin(theta)};
        double[] et = {-Math.sin(theta), Math.cos(theta)};
        // φ is differentiated on its own (the chain rule through r cos θ, r sin θ): agreement up to rounding
        double scale = 1e-12 * (1 + Math.hypot(g[0], g[1]));
        assertThat(a.body().get("radial").doubleValue()).isCloseTo(g[0] * er[0] + g[1] * er[1], within(scale));
        assertThat(a.body().get("angular").doubleValue()).isCloseTo(g[0] * et[0] + g[1] * et[1], within(scale));
        assertThat(doubles(a.body().get("recomposed"))[0]).isCloseTo(g[0], within(scale));
        assertThat(doubles(a.body().get("recomposed"))[1]).isCloseTo(g[1], within(scale));
    }

    @Test
    void aFieldOfXYZHasAGradientInSpaceASliceZAndAVolumeForItsLevelSurface() {
        Answer parsed = post("/api/parse", java.util.Map.of("expr", "x^2 + y^2 + a*z^2"));
        assertThat(parsed.body().get("variables").toString()).isEqualTo("[\"x\",\"y\",\"z\"]");
        assertThat(parsed.body().get("parameters").toString()).isEqualTo("[\"a\"]");
        Answer a = post("/api/analyze", analyzeBody("x^2 + y^2 + z^2", new double[] {1, 0.5, 0.5},
                new double[] {1, 0, 0}, true));
        assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(200);
        assertThat(doubles(a.body().at("/gradient/values"))).containsExactly(2, 1, 1);
        // the level surface's unit normal is ∇f/‖∇f‖ = (2, 1, 1)/√6
        assertThat(doubles(a.body().at("/levelSet/normal"))[0]).isCloseTo(2 / Math.sqrt(6), within(1e-15));
        assertThat(a.body().at("/levelSet/tangent").size()).isEqualTo(2);
        // the map's slice z = 0.5: f(x, y, 0.5) = x² + y² + 0.25
        Answer slice = post("/api/grid", java.util.Map.of("expr", "x^2 + y^2 + z^2", "resolution", 3, "arrows", 2,
                "window", java.util.Map.of("xmin", -1, "xmax", 1, "ymin", -1, "ymax", 1), "slice", java.util.Map.of("z", 0.5)));
        assertThat(slice.body().at("/z/1/1").doubleValue()).isEqualTo(0.25);
        assertThat(slice.body().at("/z/0/0").doubleValue()).isEqualTo(2.25);
        Answer volume = post("/api/volume", java.util.Map.of("expr", "x^2 + y^2 + z^2", "resolution", 3,
                "window", java.util.Map.of("xmin", -1, "xmax", 1, "ymin", -1, "ymax", 1, "zmin", 0, "zmax", 2)));
        assertThat(volume.status()).isEqualTo(200);
        assertThat(volume.body().get("values").size()).isEqualTo(27);
        // x slowest, z fastest
        for (int k = 0; k < 27; k++) {
            double x = volume.body().at("/x/" + k).doubleValue(), y = volume.body().at("/y/" + k).doubleValue(),
                    z = volume.body().at("/z/" + k).doubleValue();
            assertThat(x).isEqualTo(-1 + k / 9);
            assertThat(z).isEqualTo(k % 3);
            assertThat(volume.body().at("/values/" + k).doubleValue()).isEqualTo(x * x + y * y + z * z);
        }
        // a student's ∂f/∂x = 2x of a field of (x, y, z) is a formula of (x, y, z) though it does not use z
        Answer checked = post("/api/check", java.util.Map.of("expr", "x^2 + y^2 + z^2", "point", new double[] {1, 0.5, 0.5},
                "gradient", List.of("2*x", "2*y", "2*z")));
        assertThat(checked.status()).as(String.valueOf(checked.body())).isEqualTo(200);
        assertThat(checked.body().get("gradient").findValuesAsText("variable")).containsExactly("x", "y", "z");
        assertThat(checked.body().at("/gradient/2/right").booleanValue()).isTrue();
        // and z in an answer about a field of (x, y) is no variable of it
        Answer stray = post("/api/check", java.util.Map.of("expr", "x*y", "point", new double[] {1, 1},
                "gradient", List.of("y*z", "x")));
        assertThat(stray.status()).isEqualTo(400);
        assertThat(post("/api/volume", java.util.Map.of("expr", "x*y")).status()).isEqualTo(400);
        assertThat(post("/api/volume", java.util.Map.of("expr", "x*y*z", "resolution", 33)).status()).isEqualTo(400);
        assertThat(post("/api/polar", java.util.Map.of("expr", "x*y*z", "point", new double[] {1, 1})).status()).isEqualTo(400);
    }

    @Test
    void stepsDeriveTheGradientRuleByRuleAndEndAtTheEnginesPartials() {
        Answer a = post("/api/steps", java.util.Map.of("expr", "exp(x*sin(y))*ln(1 + x^2 + y^2)",
                "direction", new double[] {1, 1}, "normalise", true));
        assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(200);
        Formula f = Formula.parse("exp(x*sin(y))*ln(1 + x^2 + y^2)", XY);
        double[] p = {1, 0.5};
        for (int i = 0; i < 2; i++) {
            JsonNode d = a.body().at("/partials/" + i);
            assertThat(d.get("variable").textValue()).isEqualTo(XY.get(i));
            // the documents: "곱규칙과 연쇄법칙으로" — the product rule first, then the chain rule
            assertThat(d.at("/steps/0/rule").textValue()).isEqualTo("product");
            assertThat(d.get("steps").findValuesAsText("rule")).contains("chain");
            for (JsonNode step : d.get("steps")) {
                assertThat(step.get("applied").textValue()).isNotBlank();
                assertThat(step.get("result").textValue()).isNotBlank();
            }
            double shown = Formula.parse(d.at("/result/plain").textValue(), XY).value(p);
            assertThat(shown).isCloseTo(f.gradientFormulas().get(i).value(p), within(1e-12));
        }
        assertThat(a.body().at("/directional/v/0").doubleValue()).isCloseTo(Math.sqrt(0.5), within(1e-15));
        assertThat(a.body().at("/directional/applied").textValue()).contains("\\cdot");
        assertThat(post("/api/steps", java.util.Map.of("expr", "x +")).status()).isEqualTo(400);
        assertThat(post("/api/steps", java.util.Map.of("expr", "x", "direction", new double[] {0, 0})).status())
                .isEqualTo(400);
    }

    private HttpResponse<String> sendText(String path) {
        try {
            return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                    .send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
