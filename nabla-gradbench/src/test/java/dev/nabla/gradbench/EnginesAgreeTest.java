package dev.nabla.gradbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nabla.gradbench.bench.Generators;
import dev.nabla.gradbench.evals.Engine;
import dev.nabla.gradbench.evals.Evals;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The evals ported to traced programs give, through the protocol, what the same evals give on the eager tape, on
 * seeded inputs of random sizes ({@link EvalsTest} checks the program engine, the tool's default, against
 * independent oracles and central differences). Tolerance 1e-10 relative to max(1, |value|): the same
 * mathematics summed in different orders (the tape's fused array primitives against the program's loops).
 */
class EnginesAgreeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Tool tape = new Tool(Evals.all(Engine.TAPE));
    private final Tool program = new Tool(Evals.all(Engine.PROGRAM));

    static Stream<Arguments> inputs() {
        SplittableRandom r = new SplittableRandom(0xE1);
        List<Arguments> a = new ArrayList<>();
        for (int j = 0; j < 6; j++) {
            int n = 1 + r.nextInt(60);
            a.add(Arguments.of("lse", "primal", Generators.lse(r.nextLong(), n)));
            a.add(Arguments.of("lse", "gradient", Generators.lse(r.nextLong(), n)));
            int d = 1 + r.nextInt(5);
            int k = 1 + r.nextInt(4);
            ObjectNode gmm = Generators.gmm(r.nextLong(), d, k, 2 + r.nextInt(8));
            gmm.put("m", r.nextInt(3)).put("gamma", 0.5 + r.nextDouble());
            a.add(Arguments.of("gmm", "objective", gmm));
            a.add(Arguments.of("gmm", "jacobian", gmm));
        }
        return a.stream();
    }

    @ParameterizedTest(name = "{0}.{1} #{index}")
    @MethodSource("inputs")
    void theProgramEngineGivesTheTapesOutput(String module, String function, ObjectNode input) throws Exception {
        List<Double> expected = numbers(evaluate(tape, module, function, input), new ArrayList<>());
        List<Double> actual = numbers(evaluate(program, module, function, input), new ArrayList<>());
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("number %d of %s.%s", i, module, function)
                    .isCloseTo(expected.get(i), within(1e-10 * Math.max(1, Math.abs(expected.get(i)))));
        }
    }

    private static JsonNode evaluate(Tool tool, String module, String function, ObjectNode input) throws Exception {
        ObjectNode m = JSON.createObjectNode();
        m.put("id", 1).put("kind", "evaluate").put("module", module).put("function", function);
        m.set("input", input);
        JsonNode r = JSON.readTree(tool.respond(JSON.writeValueAsString(m)));
        assertThat(r.get("success").asBoolean()).as(module + "." + function + ": " + r.path("error").asText()).isTrue();
        return r.get("output");
    }

    /** Every number of a JSON value, depth first. */
    private static List<Double> numbers(JsonNode v, List<Double> out) {
        if (v.isNumber()) {
            out.add(v.asDouble());
        }
        v.forEach(c -> numbers(c, out));
        return out;
    }
}
