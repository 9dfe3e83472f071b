package dev.nabla.gradbench.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Random;

/**
 * Inputs for every eval, generated the way GradBench's eval programs ({@code evals/<name>}) define them, from a
 * seeded {@link Random} instead of NumPy's generator (so the numbers differ, the shapes and distributions do
 * not): uniform [0, 1) vectors for lse, llsq, det, ode, kmeans and the LSTM parameters; standard normal data,
 * weights, log-diagonals and lower parts with uniform means for gmm (m = 0, γ = 1); kmeans centroids are the
 * last k points. Bundle adjustment and hand tracking use ADBench's data files when a GradBench checkout is
 * given ({@link AdbenchData}); otherwise {@link #ba} and {@link #ht} build inputs of the same shapes.
 */
public final class Generators {
    static final ObjectMapper JSON = new ObjectMapper();

    private Generators() {
    }

    static ArrayNode uniform(Random r, int n) {
        ArrayNode a = JSON.createArrayNode();
        for (int i = 0; i < n; i++) {
            a.add(r.nextDouble());
        }
        return a;
    }

    static ArrayNode normal(Random r, int n) {
        ArrayNode a = JSON.createArrayNode();
        for (int i = 0; i < n; i++) {
            a.add(r.nextGaussian());
        }
        return a;
    }

    static ArrayNode rows(int count, java.util.function.IntFunction<ArrayNode> row) {
        ArrayNode a = JSON.createArrayNode();
        for (int i = 0; i < count; i++) {
            a.add(row.apply(i));
        }
        return a;
    }

    public static ObjectNode lse(long seed, int n) {
        ObjectNode in = JSON.createObjectNode();
        in.set("x", uniform(new Random(seed), n));
        return in;
    }

    public static ObjectNode llsq(long seed, int n, int m) {
        ObjectNode in = JSON.createObjectNode();
        in.set("x", uniform(new Random(seed), m));
        in.put("n", n);
        return in;
    }

    public static ObjectNode det(long seed, int ell) {
        ObjectNode in = JSON.createObjectNode();
        in.set("A", uniform(new Random(seed), ell * ell));
        in.put("ell", ell);
        return in;
    }

    public static ObjectNode ode(long seed, int n, int s) {
        ObjectNode in = JSON.createObjectNode();
        in.set("x", uniform(new Random(seed), n));
        in.put("s", s);
        return in;
    }

    public static ObjectNode gmm(long seed, int d, int k, int n) {
        Random r = new Random(seed);
        ObjectNode in = JSON.createObjectNode();
        in.put("d", d).put("k", k).put("n", n);
        in.set("x", rows(n, i -> normal(r, d)));
        in.put("m", 0).put("gamma", 1.0);
        in.set("alpha", normal(r, k));
        in.set("mu", rows(k, i -> uniform(r, d)));
        in.set("q", rows(k, i -> normal(r, d)));
        in.set("l", rows(k, i -> normal(r, d * (d - 1) / 2)));
        return in;
    }

    public static ObjectNode kmeans(long seed, int k, int n, int d) {
        Random r = new Random(seed);
        ArrayNode points = rows(n, i -> uniform(r, d));
        ArrayNode centroids = JSON.createArrayNode();
        for (int i = n - k; i < n; i++) {
            centroids.add(points.get(i).deepCopy());
        }
        ObjectNode in = JSON.createObjectNode();
        in.set("points", points);
        in.set("centroids", centroids);
        return in;
    }

    /** LSTM with l layers over c characters of {@code text}, each character as its ⌈log₂ max code⌉ bits. */
    public static ObjectNode lstm(long seed, int l, int c, String text) {
        String used = text.substring(0, Math.min(c, text.length()));
        int max = used.chars().max().orElse(2);
        int bits = (int) Math.ceil(Math.log(max) / Math.log(2));
        Random r = new Random(seed);
        ObjectNode in = JSON.createObjectNode();
        in.set("main_params", rows(2 * l, i -> uniform(r, 4 * bits)));
        in.set("extra_params", rows(3, i -> uniform(r, bits)));
        in.set("state", rows(2 * l, i -> uniform(r, bits)));
        in.set("sequence", rows(used.length(), i -> {
            ArrayNode row = JSON.createArrayNode();
            int code = used.charAt(i);
            for (int b = bits - 1; b >= 0; b--) {
                row.add((double) ((code >> b) & 1));
            }
            return row;
        }));
        return in;
    }

    /** Deterministic English-like text (lower-case words and punctuation) standing in for ADBench's corpus. */
    public static String text(long seed, int length) {
        String[] words = {"the", "gradient", "of", "a", "field", "points", "in", "direction", "steepest", "ascent",
            "and", "its", "length", "is", "rate", "level", "set", "normal", "to", "every", "curve", "derivative"};
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < length) {
            sb.append(words[r.nextInt(words.length)]);
            sb.append(r.nextInt(8) == 0 ? ". " : " ");
        }
        return sb.substring(0, length);
    }

    /** A bundle-adjustment input of ADBench's shape: one camera, point, weight and feature, duplicated. */
    public static ObjectNode ba(long seed, int n, int m, int p) {
        Random r = new Random(seed);
        ObjectNode in = JSON.createObjectNode();
        in.put("n", n).put("m", m).put("p", p);
        ArrayNode cam = JSON.createArrayNode();
        for (int i = 0; i < 3; i++) {
            cam.add(r.nextGaussian() * 0.5);
        }
        for (int i = 0; i < 3; i++) {
            cam.add(20 + 40 * r.nextDouble());
        }
        cam.add(300 + 200 * r.nextDouble()).add(r.nextGaussian() * 5).add(r.nextGaussian() * 5)
                .add(0.1 * r.nextDouble()).add(0.01 * r.nextDouble());
        in.set("cam", cam);
        in.set("x", JSON.createArrayNode().add(10 * r.nextDouble()).add(r.nextDouble()).add(5 * r.nextDouble()));
        in.put("w", r.nextDouble());
        in.set("feat", JSON.createArrayNode().add(1000 * r.nextDouble()).add(1000 * r.nextDouble()));
        return in;
    }

    /**
     * A synthetic hand of ADBench's structure: 22 bones (a root, five chains of four, and one more), vertices
     * skinned to one or two nearby bones, triangles over the vertices, and {@code points} correspondences
     * (with barycentric {@code us} when {@code complicated}).
     */
    public static ObjectNode ht(long seed, int vertices, int points, boolean complicated) {
        Random r = new Random(seed);
        int bones = 22;
        ObjectNode model = JSON.createObjectNode();
        model.put("bone_count", bones);
        ArrayNode names = JSON.createArrayNode();
        ArrayNode parents = JSON.createArrayNode();
        for (int b = 0; b < bones; b++) {
            names.add("bone" + b);
            parents.add(b == 0 ? -1 : (b - 1) % 4 == 0 || b == 21 ? 0 : b - 1);
        }
        model.set("bone_names", names);
        model.set("parents", parents);
        ArrayNode relatives = JSON.createArrayNode();
        ArrayNode inverses = JSON.createArrayNode();
        for (int b = 0; b < bones; b++) {
            relatives.add(rigid(r, 0.3, 2));
            inverses.add(rigid(r, 0.3, 2));
        }
        model.set("base_relatives", relatives);
        model.set("inverse_base_absolutes", inverses);
        model.set("base_positions", rows(vertices, v -> JSON.createArrayNode().add(r.nextGaussian() * 3)
                .add(r.nextGaussian() * 3).add(r.nextGaussian() * 3).add(1.0)));
        model.set("weights", rows(vertices, v -> {
            double[] w = new double[bones];
            int first = r.nextInt(bones);
            double share = r.nextBoolean() ? 1 : 0.3 + 0.4 * r.nextDouble();
            w[first] = share;
            if (share < 1) {
                w[(first + 1) % bones] = 1 - share;
            }
            ArrayNode row = JSON.createArrayNode();
            for (double x : w) {
                row.add(x);
            }
            return row;
        }));
        int triangleCount = Math.max(1, 2 * vertices - 4);
        model.set("triangles", rows(triangleCount, t -> JSON.createArrayNode().add(r.nextInt(vertices))
                .add(r.nextInt(vertices)).add(r.nextInt(vertices))));
        model.put("is_mirrored", false);
        ObjectNode data = JSON.createObjectNode();
        data.set("model", model);
        int range = complicated ? triangleCount : vertices;
        ArrayNode correspondences = JSON.createArrayNode();
        for (int i = 0; i < points; i++) {
            correspondences.add(r.nextInt(range));
        }
        data.set("correspondences", correspondences);
        data.set("points", rows(points, i -> JSON.createArrayNode().add(r.nextGaussian() * 3)
                .add(r.nextGaussian() * 3).add(r.nextGaussian() * 3)));
        ObjectNode in = JSON.createObjectNode();
        in.set("theta", normal(r, 26).deepCopy());
        for (int i = 0; i < 26; i++) {
            ((ArrayNode) in.get("theta")).set(i, 0.3 * in.get("theta").get(i).asDouble());
        }
        in.set("data", data);
        in.set("us", complicated ? rows(points, i -> {
            double a = r.nextDouble();
            double b = (1 - a) * r.nextDouble();
            return JSON.createArrayNode().add(a).add(b);
        }) : JSON.createArrayNode());
        return in;
    }

    /** A 4 × 4 rigid transform: rotation by a random small angle-axis vector, random translation. */
    private static ArrayNode rigid(Random r, double angle, double translation) {
        double ax = r.nextGaussian() * angle, ay = r.nextGaussian() * angle, az = r.nextGaussian() * angle;
        double t = Math.sqrt(ax * ax + ay * ay + az * az);
        double x = ax / t, y = ay / t, z = az / t, c = Math.cos(t), s = Math.sin(t), k = 1 - c;
        double[][] m = {
            {c + x * x * k, x * y * k - z * s, x * z * k + y * s, translation * r.nextGaussian()},
            {y * x * k + z * s, c + y * y * k, y * z * k - x * s, translation * r.nextGaussian()},
            {z * x * k - y * s, z * y * k + x * s, c + z * z * k, translation * r.nextGaussian()},
            {0, 0, 0, 1}};
        ArrayNode a = JSON.createArrayNode();
        for (double[] row : m) {
            ArrayNode rn = JSON.createArrayNode();
            for (double v : row) {
                rn.add(v);
            }
            a.add(rn);
        }
        return a;
    }
}
