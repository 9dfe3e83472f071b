package dev.nabla.gradbench;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading the JSON shapes GradBench inputs use, with errors that name the offending field. */
public final class Inputs {
    private Inputs() {
    }

    public static JsonNode field(JsonNode input, String name) {
        if (input == null || !input.isObject()) {
            throw new InputException("input must be a JSON object");
        }
        JsonNode node = input.get(name);
        if (node == null || node.isNull()) {
            throw new InputException("input field '" + name + "' is missing");
        }
        return node;
    }

    public static double asNumber(JsonNode node, String what) {
        if (!node.isNumber()) {
            throw new InputException(what + " must be a number");
        }
        return node.doubleValue();
    }

    public static double number(JsonNode input, String name, double orElse) {
        JsonNode node = input == null ? null : input.get(name);
        return node == null || node.isNull() ? orElse : asNumber(node, "'" + name + "'");
    }

    public static double number(JsonNode input, String name) {
        return asNumber(field(input, name), "'" + name + "'");
    }

    public static int integer(JsonNode input, String name) {
        JsonNode node = field(input, name);
        if (!node.canConvertToInt() || !node.isIntegralNumber() && node.doubleValue() != Math.rint(node.doubleValue())) {
            throw new InputException("'" + name + "' must be an integer");
        }
        return node.asInt();
    }

    public static double[] vector(JsonNode input, String name) {
        return vector(field(input, name), "'" + name + "'", -1);
    }

    public static double[] vector(JsonNode node, String what, int length) {
        if (!node.isArray()) {
            throw new InputException(what + " must be an array of numbers");
        }
        if (length >= 0 && node.size() != length) {
            throw new InputException(what + " must have " + length + " elements, got " + node.size());
        }
        double[] v = new double[node.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = asNumber(node.get(i), what + "[" + i + "]");
        }
        return v;
    }

    public static int[] integers(JsonNode input, String name) {
        JsonNode node = field(input, name);
        if (!node.isArray()) {
            throw new InputException("'" + name + "' must be an array of integers");
        }
        int[] v = new int[node.size()];
        for (int i = 0; i < v.length; i++) {
            if (!node.get(i).isIntegralNumber()) {
                throw new InputException("'" + name + "'[" + i + "] must be an integer");
            }
            v[i] = node.get(i).asInt();
        }
        return v;
    }

    /** A matrix given as an array of rows; every row must have {@code columns} entries (or any, if negative). */
    public static double[][] matrix(JsonNode input, String name, int columns) {
        JsonNode node = field(input, name);
        if (!node.isArray()) {
            throw new InputException("'" + name + "' must be an array of arrays of numbers");
        }
        double[][] m = new double[node.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = vector(node.get(i), "'" + name + "'[" + i + "]", i == 0 ? columns : m[0].length);
        }
        return m;
    }

    /** Rows of a matrix concatenated (row-major). */
    public static double[] flatten(double[][] rows) {
        int total = 0;
        for (double[] r : rows) {
            total += r.length;
        }
        double[] flat = new double[total];
        int k = 0;
        for (double[] r : rows) {
            System.arraycopy(r, 0, flat, k, r.length);
            k += r.length;
        }
        return flat;
    }

    /** Splits a row-major vector into {@code rows} rows of equal length. */
    public static double[][] unflatten(double[] flat, int offset, int rows, int columns) {
        double[][] m = new double[rows][columns];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, offset + i * columns, m[i], 0, columns);
        }
        return m;
    }

    public static void require(boolean condition, String message) {
        if (!condition) {
            throw new InputException(message);
        }
    }
}
