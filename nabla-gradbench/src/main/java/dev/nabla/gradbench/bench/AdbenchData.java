package dev.nabla.gradbench.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.nabla.gradbench.bench.Generators.JSON;

/**
 * Reads ADBench's data files as GradBench ships them under {@code evals/ba/data} and {@code evals/ht/data}
 * (format as GradBench's eval programs read them): a BA file is "n m p", the camera, the point, the weight
 * and the feature, one per line; a hand model directory has {@code bones.txt} (name:parent:16 relative:16
 * inverse absolute), {@code vertices.txt} (x:y:z:…:count:bone:weight…) and {@code triangles.txt}, and a hand
 * file has "points θ-count", then per point "vertex x y z", then (complicated) per point "u₀ u₁", then θ.
 */
public final class AdbenchData {
    private AdbenchData() {
    }

    public static ObjectNode ba(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] nmp = lines.get(0).trim().split("\\s+");
        ObjectNode in = JSON.createObjectNode();
        in.put("n", Integer.parseInt(nmp[0])).put("m", Integer.parseInt(nmp[1])).put("p", Integer.parseInt(nmp[2]));
        in.set("cam", numbers(lines.get(1).trim().split("\\s+")));
        in.set("x", numbers(lines.get(2).trim().split("\\s+")));
        in.put("w", Double.parseDouble(lines.get(3).trim()));
        in.set("feat", numbers(lines.get(4).trim().split("\\s+")));
        return in;
    }

    public static ObjectNode ht(Path modelDirectory, Path handFile, boolean complicated) throws IOException {
        List<String> bones = nonBlank(Files.readAllLines(modelDirectory.resolve("bones.txt")));
        int count = bones.size();
        ObjectNode model = JSON.createObjectNode();
        model.put("bone_count", count);
        ArrayNode names = JSON.createArrayNode();
        ArrayNode parents = JSON.createArrayNode();
        ArrayNode relatives = JSON.createArrayNode();
        ArrayNode inverses = JSON.createArrayNode();
        for (String line : bones) {
            String[] a = line.split(":");
            names.add(a[0]);
            parents.add(Integer.parseInt(a[1].trim()));
            relatives.add(matrix4(a, 2));
            inverses.add(matrix4(a, 18));
        }
        model.set("bone_names", names);
        model.set("parents", parents);
        model.set("base_relatives", relatives);
        model.set("inverse_base_absolutes", inverses);
        ArrayNode positions = JSON.createArrayNode();
        ArrayNode weights = JSON.createArrayNode();
        for (String line : nonBlank(Files.readAllLines(modelDirectory.resolve("vertices.txt")))) {
            String[] a = line.split(":");
            positions.add(JSON.createArrayNode().add(d(a[0])).add(d(a[1])).add(d(a[2])).add(1.0));
            double[] w = new double[count];
            int n = Integer.parseInt(a[8].trim());
            for (int i = 0; i < n; i++) {
                w[Integer.parseInt(a[9 + 2 * i].trim())] = d(a[10 + 2 * i]);
            }
            ArrayNode row = JSON.createArrayNode();
            for (double x : w) {
                row.add(x);
            }
            weights.add(row);
        }
        model.set("base_positions", positions);
        model.set("weights", weights);
        ArrayNode triangles = JSON.createArrayNode();
        for (String line : nonBlank(Files.readAllLines(modelDirectory.resolve("triangles.txt")))) {
            String[] a = line.split(":");
            triangles.add(JSON.createArrayNode().add(Integer.parseInt(a[0].trim())).add(Integer.parseInt(a[1].trim()))
                    .add(Integer.parseInt(a[2].trim())));
        }
        model.set("triangles", triangles);
        model.put("is_mirrored", false);

        List<String> hand = nonBlank(Files.readAllLines(handFile));
        String[] header = hand.get(0).trim().split("\\s+");
        int points = Integer.parseInt(header[0]);
        int thetas = Integer.parseInt(header[1]);
        ArrayNode correspondences = JSON.createArrayNode();
        ArrayNode pts = JSON.createArrayNode();
        int k = 1;
        for (int i = 0; i < points; i++, k++) {
            String[] a = hand.get(k).trim().split("\\s+");
            correspondences.add(Integer.parseInt(a[0]));
            pts.add(JSON.createArrayNode().add(d(a[1])).add(d(a[2])).add(d(a[3])));
        }
        ArrayNode us = JSON.createArrayNode();
        if (complicated) {
            for (int i = 0; i < points; i++, k++) {
                String[] a = hand.get(k).trim().split("\\s+");
                us.add(JSON.createArrayNode().add(d(a[0])).add(d(a[1])));
            }
        }
        ArrayNode theta = JSON.createArrayNode();
        for (int i = 0; i < thetas; i++, k++) {
            theta.add(d(hand.get(k)));
        }
        ObjectNode data = JSON.createObjectNode();
        data.set("model", model);
        data.set("correspondences", correspondences);
        data.set("points", pts);
        ObjectNode in = JSON.createObjectNode();
        in.set("theta", theta);
        in.set("data", data);
        in.set("us", us);
        return in;
    }

    private static ArrayNode matrix4(String[] a, int offset) {
        ArrayNode m = JSON.createArrayNode();
        for (int r = 0; r < 4; r++) {
            ArrayNode row = JSON.createArrayNode();
            for (int c = 0; c < 4; c++) {
                row.add(d(a[offset + 4 * r + c]));
            }
            m.add(row);
        }
        return m;
    }

    private static ArrayNode numbers(String[] a) {
        ArrayNode n = JSON.createArrayNode();
        for (String s : a) {
            n.add(d(s));
        }
        return n;
    }

    private static double d(String s) {
        return Double.parseDouble(s.trim());
    }

    private static List<String> nonBlank(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (!l.isBlank()) {
                out.add(l);
            }
        }
        return out;
    }
}
