package dev.nabla.explorer;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** A JSON request body read field by field, each missing or mistyped field a 400 naming the field. */
record Body(JsonNode node) {

    String text(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw ApiException.badRequest("'" + field + "' must be a string");
        }
        return v.textValue();
    }

    String text(String field, String otherwise) {
        return has(field) ? text(field) : otherwise;
    }

    boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    boolean bool(String field, boolean otherwise) {
        if (!has(field)) {
            return otherwise;
        }
        JsonNode v = node.get(field);
        if (!v.isBoolean()) {
            throw ApiException.badRequest("'" + field + "' must be true or false");
        }
        return v.booleanValue();
    }

    double number(String field, double otherwise) {
        if (!has(field)) {
            return otherwise;
        }
        JsonNode v = node.get(field);
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw ApiException.badRequest("'" + field + "' must be a finite number");
        }
        return v.doubleValue();
    }

    int integer(String field, int otherwise, int min, int max) {
        if (!has(field)) {
            return otherwise;
        }
        JsonNode v = node.get(field);
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw ApiException.badRequest("'" + field + "' must be an integer");
        }
        int i = v.intValue();
        if (i < min || i > max) {
            throw ApiException.badRequest("'" + field + "' must be between " + min + " and " + max + ", got " + i);
        }
        return i;
    }

    /** An array of exactly {@code n} finite numbers. */
    double[] vector(String field, int n) {
        JsonNode v = node.get(field);
        if (v == null || !v.isArray() || v.size() != n) {
            throw ApiException.badRequest("'" + field + "' must be an array of " + n + " numbers");
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            JsonNode e = v.get(i);
            if (!e.isNumber() || !Double.isFinite(e.doubleValue())) {
                throw ApiException.badRequest("'" + field + "[" + i + "]' must be a finite number");
            }
            x[i] = e.doubleValue();
        }
        return x;
    }

    /** A nested object, or an empty one when absent. */
    Body object(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return new Body(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
        }
        if (!v.isObject()) {
            throw ApiException.badRequest("'" + field + "' must be an object");
        }
        return new Body(v);
    }

    /** An array of exactly {@code n} strings, or null when absent. */
    List<String> texts(String field, int n) {
        if (!has(field)) {
            return null;
        }
        JsonNode v = node.get(field);
        if (!v.isArray() || v.size() != n) {
            throw ApiException.badRequest("'" + field + "' must be an array of " + n + " strings");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!v.get(i).isTextual()) {
                throw ApiException.badRequest("'" + field + "[" + i + "]' must be a string");
            }
            out.add(v.get(i).textValue());
        }
        return out;
    }

    /** An object of finite numbers by name, or an empty map when absent. */
    java.util.Map<String, Double> numbers(String field) {
        if (!has(field)) {
            return java.util.Map.of();
        }
        JsonNode v = node.get(field);
        if (!v.isObject()) {
            throw ApiException.badRequest("'" + field + "' must be an object of numbers, e.g. {\"a\": 1.5}");
        }
        java.util.Map<String, Double> out = new java.util.TreeMap<>();
        for (var e : v.properties()) {
            if (!e.getValue().isNumber() || !Double.isFinite(e.getValue().doubleValue())) {
                throw ApiException.badRequest("'" + field + "." + e.getKey() + "' must be a finite number");
            }
            out.put(e.getKey(), e.getValue().doubleValue());
        }
        return out;
    }
}
