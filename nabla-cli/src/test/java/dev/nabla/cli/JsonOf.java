package dev.nabla.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads a command's JSON output in tests. */
final class JsonOf {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonOf() {
    }

    static JsonNode parse(CliRun run) {
        try {
            return MAPPER.readTree(run.out());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + run.out() + run.err(), e);
        }
    }

    static double[] vector(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asDouble();
        }
        return v;
    }

    static double[][] matrix(JsonNode array) {
        double[][] m = new double[array.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = vector(array.get(i));
        }
        return m;
    }
}
