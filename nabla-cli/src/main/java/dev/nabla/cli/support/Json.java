package dev.nabla.cli.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON output: records and lists as pretty-printed JSON objects, null fields left out, every double written
 * as {@link Numbers#format(double)} prints it (so text and JSON agree); NaN and ±Infinity, which JSON cannot
 * hold as numbers, are written as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .registerModule(new SimpleModule("nabla-numbers")
                    .addSerializer(Double.class, new DoubleSerializer())
                    .addSerializer(double.class, new DoubleSerializer())
                    .addSerializer(double[].class, new VectorSerializer()));

    private Json() {
    }

    /** The value as pretty-printed JSON text (no trailing newline). */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A command's result as pretty-printed JSON: its fields preceded by {@code "nablaVersion"} (the version
     * that wrote it) and {@code "schemaVersion"} ({@link BuildInfo#SCHEMA_VERSION}).
     */
    public static String writeResult(Object result) {
        return write(new Versioned(BuildInfo.version(), BuildInfo.SCHEMA_VERSION, result));
    }

    private record Versioned(String nablaVersion, int schemaVersion, @JsonUnwrapped Object result) {
    }

    private static void writeDouble(double x, JsonGenerator gen) throws IOException {
        if (Double.isFinite(x)) {
            gen.writeNumber(Numbers.format(x));
        } else {
            gen.writeString(Numbers.format(x));
        }
    }

    private static final class DoubleSerializer extends JsonSerializer<Double> {
        @Override
        public void serialize(Double x, JsonGenerator gen, SerializerProvider provider) throws IOException {
            writeDouble(x, gen);
        }
    }

    private static final class VectorSerializer extends JsonSerializer<double[]> {
        @Override
        public void serialize(double[] v, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartArray(v, v.length);
            for (double x : v) {
                writeDouble(x, gen);
            }
            gen.writeEndArray();
        }
    }
}
