package dev.nabla.cli.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

    record Sample(String name, double value, double[] vector, double[][] matrix, List<Double> boxed, String absent) {
    }

    @Test
    void writesRecordsWithTheSameDigitsAsTheText() throws Exception {
        String json = Json.write(new Sample("f", 0.1 + 0.2, new double[] {3, -1e-20},
                new double[][] {{1, 0.5}}, List.of(2.0), null));
        assertThat(json).contains("\"value\" : 0.30000000000000004").contains("3, -1e-20")
                .doesNotContain("absent").doesNotContain("3.0");
        JsonNode node = new ObjectMapper().readTree(json);
        assertThat(node.get("vector").get(1).asDouble()).isEqualTo(-1e-20);
        assertThat(node.get("matrix").get(0).get(1).asDouble()).isEqualTo(0.5);
        assertThat(node.get("boxed").get(0).isNumber()).isTrue();
    }

    @Test
    void nonFiniteNumbersBecomeStrings() throws Exception {
        JsonNode node = new ObjectMapper().readTree(Json.write(new double[] {Double.NaN, Double.NEGATIVE_INFINITY}));
        assertThat(node.get(0).asText()).isEqualTo("NaN");
        assertThat(node.get(1).asText()).isEqualTo("-Infinity");
    }
}
