package dev.nabla.gradbench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tool side of the GradBench protocol: one JSON message per line in, one JSON response per line out.
 *
 * <ul>
 *   <li>{@code start} → {@code {"id", "tool": "nabla"}};</li>
 *   <li>{@code define} → {@code success} true for an implemented module, false (with {@code error}) otherwise;</li>
 *   <li>{@code evaluate} → {@code {"id", "success", "output", "timings"}}; an input with {@code min_runs} and
 *       {@code min_seconds} is run at least {@code min_runs} times and until the runs add up to
 *       {@code min_seconds}, with one {@code {"name": "evaluate", "nanoseconds"}} timing per run;</li>
 *   <li>any other kind (such as {@code analysis}) → {@code {"id"}}.</li>
 * </ul>
 * A line that is not a JSON object with an {@code id} and a {@code kind} gets {@code success: false} and an
 * error naming the problem (with the id when one could be read); the loop keeps going, and ends cleanly at
 * the end of the input.
 */
public final class Tool {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Eval> evals = new LinkedHashMap<>();

    public Tool(List<Eval> modules) {
        for (Eval e : modules) {
            evals.put(e.module(), e);
        }
    }

    /** The tool with every eval Nabla implements. */
    public static Tool standard() {
        return new Tool(dev.nabla.gradbench.evals.Evals.all());
    }

    /** Answers messages from {@code in} until it ends. */
    public void serve(BufferedReader in, PrintStream out) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            String response = respond(line);
            if (response != null) {
                out.println(response);
                out.flush();
            }
        }
    }

    /** The response line for one message line, or null for a blank line. */
    public String respond(String line) {
        if (line.isBlank()) {
            return null;
        }
        ObjectNode response = JSON.createObjectNode();
        JsonNode message;
        try {
            message = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return fail(response, "malformed message: not JSON (" + oneLine(e.getOriginalMessage()) + ")");
        }
        if (message == null || !message.isObject()) {
            return fail(response, "malformed message: expected a JSON object");
        }
        JsonNode id = message.get("id");
        if (id == null || !id.isNumber()) {
            return fail(response, "malformed message: missing numeric 'id'");
        }
        response.set("id", id);
        JsonNode kind = message.get("kind");
        if (kind == null || !kind.isTextual()) {
            return fail(response, "malformed message: missing 'kind'");
        }
        switch (kind.asText()) {
            case "start" -> response.put("tool", "nabla");
            case "define" -> define(message, response);
            case "evaluate" -> evaluate(message, response);
            default -> {
                // analysis and any future kinds: acknowledge with the id only, as the protocol requires
            }
        }
        return write(response);
    }

    private void define(JsonNode message, ObjectNode response) {
        JsonNode module = message.get("module");
        boolean known = module != null && module.isTextual() && evals.containsKey(module.asText());
        response.put("success", known);
        if (!known) {
            response.put("error", "module " + (module == null ? "(missing)" : module.toString()) + " is not implemented by nabla");
        }
    }

    private void evaluate(JsonNode message, ObjectNode response) {
        JsonNode module = message.get("module");
        Eval eval = module != null && module.isTextual() ? evals.get(module.asText()) : null;
        if (eval == null) {
            response.put("success", false);
            response.put("error", "module " + (module == null ? "(missing)" : module.toString()) + " is not implemented by nabla");
            return;
        }
        JsonNode function = message.get("function");
        if (function == null || !function.isTextual()) {
            response.put("success", false);
            response.put("error", "evaluate message without a 'function' name");
            return;
        }
        JsonNode input = message.get("input");
        try {
            Eval.Computation computation = eval.prepare(function.asText(), input);
            long minRuns = 1;
            double minSeconds = 0;
            if (input != null && input.isObject() && input.has("min_runs")) {
                minRuns = (long) Inputs.number(input, "min_runs");
                minSeconds = Inputs.number(input, "min_seconds", 0);
            }
            ArrayNode timings = JSON.createArrayNode();
            long elapsed = 0;
            Object result = null;
            long runs = 0;
            while (runs < minRuns || elapsed < minSeconds * 1e9) {
                long start = System.nanoTime();
                result = computation.run();
                long time = System.nanoTime() - start;
                elapsed += time;
                runs++;
                timings.addObject().put("name", "evaluate").put("nanoseconds", time);
            }
            response.put("success", true);
            response.set("output", JSON.valueToTree(computation.output(result)));
            response.set("timings", timings);
        } catch (InputException e) {
            response.removeAll();
            response.set("id", message.get("id"));
            response.put("success", false);
            response.put("error", "bad input for " + eval.module() + "." + function.asText() + ": " + e.getMessage());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            response.removeAll();
            response.set("id", message.get("id"));
            response.put("success", false);
            response.put("error", eval.module() + "." + function.asText() + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage())));
        }
    }

    private static String fail(ObjectNode response, String error) {
        response.put("success", false);
        response.put("error", error);
        return write(response);
    }

    private static String write(ObjectNode response) {
        try {
            return JSON.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a response", e);
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
