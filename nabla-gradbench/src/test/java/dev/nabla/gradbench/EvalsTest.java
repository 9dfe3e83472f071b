package dev.nabla.gradbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nabla.gradbench.bench.Generators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every eval on small inputs, through the protocol: the primal against an independent plain-Java
 * re-implementation ({@link Oracles}), the derivative against central differences of that re-implementation.
 *
 * <p>Tolerances: primal values agree to 1e-10 relative (same mathematics, different operation order);
 * derivatives agree with central differences (h = 1e-6) to 1e-5 relative to max(1, |value|), the truncation
 * error O(h²) plus rounding O(ε/h) ≈ 1e-10 · scale with room for the curvature of the test functions.
 */
class EvalsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final Tool tool = Tool.standard();
    int id;

    JsonNode evaluate(String module, String function, ObjectNode input) throws Exception {
        ObjectNode m = JSON.createObjectNode();
        m.put("id", id++).put("kind", "evaluate").put("module", module).put("function", function);
        m.set("input", input);
        JsonNode r = JSON.readTree(tool.respond(JSON.writeValueAsString(m)));
        assertThat(r.get("success").asBoolean()).as(module + "." + function + ": " + r.path("error").asText()).isTrue();
        return r.get("output");
    }

    static double[] doubles(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asDouble();
        }
        return v;
    }

    static double[][] rows(JsonNode a) {
        double[][] m = new double[a.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = doubles(a.get(i));
        }
        return m;
    }

    static void assertClose(double[] actual, double[] expected, double relative) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("component " + i).isCloseTo(expected[i], within(relative * Math.max(1, Math.abs(expected[i]))));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 40})
    void lse(int n) throws Exception {
        ObjectNode in = Generators.lse(n, n);
        double[] x = doubles(in.get("x"));
        assertThat(evaluate("lse", "primal", in).asDouble()).isCloseTo(Oracles.lse(x), within(1e-10));
        assertClose(doubles(evaluate("lse", "gradient", in)), Oracles.centralGradient(Oracles::lse, x), 1e-6);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 5, 16, 33})
    void llsq(int n) throws Exception {
        ObjectNode in = Generators.llsq(n, n, 6);
        double[] x = doubles(in.get("x"));
        double expected = Oracles.llsq(x, n);
        assertThat(evaluate("llsq", "primal", in).asDouble()).isCloseTo(expected, within(1e-10 * Math.max(1, expected)));
        assertClose(doubles(evaluate("llsq", "gradient", in)), Oracles.centralGradient(v -> Oracles.llsq(v, n), x), 1e-5);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 6})
    void det(int ell) throws Exception {
        ObjectNode in = Generators.det(ell, ell);
        double[] a = doubles(in.get("A"));
        assertThat(evaluate("det", "primal", in).asDouble()).isCloseTo(Oracles.det(a, ell), within(1e-12));
        assertClose(doubles(evaluate("det", "gradient", in)), Oracles.centralGradient(v -> Oracles.det(v, ell), a), 1e-6);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void gmm(int d) throws Exception {
        int k = 3;
        ObjectNode in = Generators.gmm(d, d, k, 6);
        in.put("m", d - 1).put("gamma", 0.7 + d / 10.0); // exercise m > 0 and γ ≠ 1
        double[][] x = rows(in.get("x"));
        double[] alpha = doubles(in.get("alpha"));
        double[][] mu = rows(in.get("mu"));
        double[][] q = rows(in.get("q"));
        double[][] l = rows(in.get("l"));
        int m = d - 1;
        double gamma = 0.7 + d / 10.0;
        double expected = Oracles.gmm(d, k, x, m, gamma, alpha, mu, q, l);
        assertThat(evaluate("gmm", "objective", in).asDouble()).isCloseTo(expected, within(1e-9 * Math.abs(expected)));

        JsonNode jac = evaluate("gmm", "jacobian", in);
        assertClose(doubles(jac.get("alpha")), Oracles.centralGradient(v -> Oracles.gmm(d, k, x, m, gamma, v, mu, q, l), alpha), 1e-5);
        for (int c = 0; c < k; c++) {
            int cc = c;
            assertClose(doubles(jac.get("mu").get(c)), Oracles.centralGradient(v -> {
                double[][] mv = mu.clone();
                mv[cc] = v;
                return Oracles.gmm(d, k, x, m, gamma, alpha, mv, q, l);
            }, mu[c]), 1e-5);
            assertClose(doubles(jac.get("q").get(c)), Oracles.centralGradient(v -> {
                double[][] qv = q.clone();
                qv[cc] = v;
                return Oracles.gmm(d, k, x, m, gamma, alpha, mu, qv, l);
            }, q[c]), 1e-5);
            assertThat(jac.get("l").get(c)).hasSize(d * (d - 1) / 2);
            if (d > 1) {
                assertClose(doubles(jac.get("l").get(c)), Oracles.centralGradient(v -> {
                    double[][] lv = l.clone();
                    lv[cc] = v;
                    return Oracles.gmm(d, k, x, m, gamma, alpha, mu, q, lv);
                }, l[c]), 1e-5);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 5})
    void kmeans(int k) throws Exception {
        int n = 40, d = 3;
        ObjectNode in = Generators.kmeans(k, k, n, d);
        double[][] points = rows(in.get("points"));
        double[] c = Inputs.flatten(rows(in.get("centroids")));
        assertThat(evaluate("kmeans", "cost", in).asDouble()).isCloseTo(Oracles.kmeansCost(points, c, k, d), within(1e-12));
        // J H⁻¹ for f = Σ min ‖C_j − P_i‖²: ∂f/∂C_j = 2 Σ_{i∈j} (C_j − P_i), H_jj = 2|j|, so dir_j = C_j − mean of cluster j
        double[][] dir = rows(evaluate("kmeans", "dir", in));
        double[][] sum = new double[k][d];
        int[] size = new int[k];
        for (double[] p : points) {
            int best = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int l = 0; l < d; l++) {
                    s += (c[j * d + l] - p[l]) * (c[j * d + l] - p[l]);
                }
                if (s < bestDistance) {
                    bestDistance = s;
                    best = j;
                }
            }
            size[best]++;
            for (int l = 0; l < d; l++) {
                sum[best][l] += p[l];
            }
        }
        for (int j = 0; j < k; j++) {
            for (int l = 0; l < d; l++) {
                assertThat(dir[j][l]).isCloseTo(c[j * d + l] - sum[j][l] / size[j], within(1e-12));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 10})
    void ode(int s) throws Exception {
        ObjectNode in = Generators.ode(s, 6, s);
        double[] x = doubles(in.get("x"));
        assertClose(doubles(evaluate("ode", "primal", in)), Oracles.ode(x, s), 1e-12);
        assertClose(doubles(evaluate("ode", "gradient", in)), Oracles.centralGradient(v -> {
            double[] y = Oracles.ode(v, s);
            return y[y.length - 1];
        }, x), 1e-6);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void lstm(int layers) throws Exception {
        ObjectNode in = Generators.lstm(layers, layers, 9, Generators.text(layers, 9));
        double[][] main = rows(in.get("main_params"));
        double[][] extra = rows(in.get("extra_params"));
        double[][] state = rows(in.get("state"));
        double[][] sequence = rows(in.get("sequence"));
        assertThat(evaluate("lstm", "objective", in).asDouble()).isCloseTo(Oracles.lstm(main, extra, state, sequence), within(1e-12));
        int b = extra[0].length;
        double[] all = new double[8 * layers * b + 3 * b];
        System.arraycopy(Inputs.flatten(main), 0, all, 0, 8 * layers * b);
        System.arraycopy(Inputs.flatten(extra), 0, all, 8 * layers * b, 3 * b);
        double[] fd = Oracles.centralGradient(v -> Oracles.lstm(Inputs.unflatten(v, 0, 2 * layers, 4 * b),
                Inputs.unflatten(v, 8 * layers * b, 3, b), state, sequence), all);
        assertClose(doubles(evaluate("lstm", "jacobian", in)), fd, 1e-6);
    }

    @Test
    void ba() throws Exception {
        int n = 3, m = 4, p = 12; // p ≥ 10 so that the 3p + 1 row pointers reach past the 30 sent
        ObjectNode in = Generators.ba(5, n, m, p);
        double[] cam = doubles(in.get("cam"));
        double[] x = doubles(in.get("x"));
        double w = in.get("w").asDouble();
        double[] feat = doubles(in.get("feat"));
        double[] block = new double[15];
        System.arraycopy(cam, 0, block, 0, 11);
        System.arraycopy(x, 0, block, 11, 3);
        block[14] = w;
        double[] err = Oracles.reprojection(block, feat);

        JsonNode objective = evaluate("ba", "objective", in);
        assertClose(doubles(objective.get("reproj_error").get("elements")), err, 1e-10);
        assertThat(objective.get("reproj_error").get("repeated").asInt()).isEqualTo(p);
        assertThat(objective.get("w_err").get("element").asDouble()).isCloseTo(1 - w * w, within(1e-14));
        assertThat(objective.get("w_err").get("repeated").asInt()).isEqualTo(p);

        JsonNode jac = evaluate("ba", "jacobian", in);
        int[] rows = jac.get("rows").traverse(JSON).readValueAs(int[].class);
        int[] cols = jac.get("cols").traverse(JSON).readValueAs(int[].class);
        double[] vals = doubles(jac.get("vals"));
        assertThat(jac.get("rows").get(0).isIntegralNumber()).isTrue();
        assertThat(rows).hasSize(31).hasSize(cols.length).hasSize(vals.length);
        // compressed rows: 15 entries in each of the 2p reprojection rows, then one per weight row; 3p + 1 pointers
        for (int r = 0; r < 30; r++) {
            assertThat(rows[r]).isEqualTo(r <= 2 * p ? 15 * r : 30 * p + (r - 2 * p));
        }
        assertThat(rows[30]).isEqualTo(31 * p);
        assertThat(cols[30]).isEqualTo(11 * n + 3 * m + p - 1);
        assertThat(vals[30]).isCloseTo(-2 * w, within(1e-14));
        // the first 30 entries: observation 0 (camera 0, point 0), rows 0 and 1, columns cam 0..10, point 0..2, w_0
        for (int row = 0; row < 2; row++) {
            int rr = row;
            double[] fd = Oracles.centralGradient(v -> Oracles.reprojection(v, feat)[rr], block);
            for (int j = 0; j < 15; j++) {
                int k = 15 * row + j;
                int column = j < 11 ? j : j < 14 ? 11 * n + (j - 11) : 11 * n + 3 * m;
                assertThat(cols[k]).isEqualTo(column);
                assertThat(vals[k]).as("row %d column %d", row, j).isCloseTo(fd[j], within(1e-5 * Math.max(1, Math.abs(fd[j]))));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void ht(boolean complicated) throws Exception {
        ObjectNode in = Generators.ht(complicated ? 2 : 1, 30, 7, complicated);
        double[] theta = doubles(in.get("theta"));
        double[][] us = complicated ? rows(in.get("us")) : null;
        assertClose(doubles(evaluate("ht", "objective", in)), HtOracle.residuals(in, theta, us), 1e-10);

        double[][] jac = rows(evaluate("ht", "jacobian", in));
        int points = 7;
        assertThat(jac).hasNumberOfRows(3 * points);
        int offset = complicated ? 2 : 0;
        for (double[] row : jac) {
            assertThat(row).hasSize(offset + 26);
        }
        for (int t = 0; t < 26; t++) {
            int tt = t;
            double h = 1e-6;
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[tt] += h;
            minus[tt] -= h;
            double[] rp = HtOracle.residuals(in, plus, us);
            double[] rm = HtOracle.residuals(in, minus, us);
            for (int r = 0; r < 3 * points; r++) {
                double fd = (rp[r] - rm[r]) / (2 * h);
                assertThat(jac[r][offset + t]).as("row %d theta %d", r, t).isCloseTo(fd, within(1e-5 * Math.max(1, Math.abs(fd))));
            }
        }
        if (complicated) {
            // column u: ∂rᵢ/∂u_{i,u}, each residual against its own barycentric coordinate
            for (int u = 0; u < 2; u++) {
                for (int i = 0; i < points; i++) {
                    double[][] plus = us.clone();
                    double[][] minus = us.clone();
                    plus[i] = us[i].clone();
                    minus[i] = us[i].clone();
                    plus[i][u] += 1e-6;
                    minus[i][u] -= 1e-6;
                    double[] rp = HtOracle.residuals(in, theta, plus);
                    double[] rm = HtOracle.residuals(in, theta, minus);
                    for (int j = 0; j < 3; j++) {
                        double fd = (rp[3 * i + j] - rm[3 * i + j]) / 2e-6;
                        assertThat(jac[3 * i + j][u]).isCloseTo(fd, within(1e-5 * Math.max(1, Math.abs(fd))));
                    }
                }
            }
        }
    }

    /**
     * The saddle eval's expected output (all four coordinates 8.246324826140356e-6). The eval accepts 1e-4; the
     * descent takes the reference's path, so the result agrees to rounding (1e-15 absolute).
     */
    @ParameterizedTest
    @ValueSource(strings = {"ff", "fr", "rf", "rr"})
    void saddle(String function) throws Exception {
        ObjectNode in = JSON.createObjectNode();
        in.set("start", JSON.createArrayNode().add(1.0).add(1.0));
        double[] out = doubles(evaluate("saddle", function, in));
        assertThat(out).hasSize(4);
        for (double v : out) {
            assertThat(v).isCloseTo(8.246324826140356e-06, within(1e-15));
        }
    }

    /** The particle eval's expected output w = 0.2071918746486116 (the eval accepts 1e-4; we agree to rounding). */
    @ParameterizedTest
    @ValueSource(strings = {"ff", "fr", "rf", "rr"})
    void particle(String function) throws Exception {
        ObjectNode in = JSON.createObjectNode().put("w", 0.0);
        assertThat(evaluate("particle", function, in).asDouble()).isCloseTo(0.2071918746486116, within(1e-14));
    }
}
