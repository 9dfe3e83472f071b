package dev.nabla.gradbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static dev.nabla.gradbench.bench.Generators.JSON;

/**
 * The eval side of the protocol, for measuring: starts the tool as a separate process, sends each eval's
 * {@code start}, {@code define} and {@code evaluate} messages at GradBench's default sizes, and prints a
 * Markdown table of the median primal time, the median derivative time and their ratio.
 *
 * <pre>
 * java -cp CLASSPATH dev.nabla.gradbench.bench.Driver [--evals lse,gmm,...] [--min-runs N] [--min-seconds S]
 *      [--gradbench DIR] [--large] -- TOOL COMMAND...
 * </pre>
 * {@code --gradbench} points at a GradBench checkout for ADBench's BA and HT data files (synthetic inputs of the
 * same shapes otherwise); {@code --large} adds the largest default sizes (det ℓ = 11, gmm d = 64, ode n = 10⁵
 * with s = 100, ba beyond file 10, the biggest hand files).
 */
public final class Driver {
    private final BufferedReader fromTool;
    private final Writer toTool;
    private int id;
    private final int minRuns;
    private final double minSeconds;

    private Driver(Process tool, int minRuns, double minSeconds) {
        this.fromTool = new BufferedReader(new InputStreamReader(tool.getInputStream(), StandardCharsets.UTF_8));
        this.toTool = new OutputStreamWriter(tool.getOutputStream(), StandardCharsets.UTF_8);
        this.minRuns = minRuns;
        this.minSeconds = minSeconds;
    }

    record Row(String eval, String size, String primal, double primalMs, String derivative, double derivativeMs) {
    }

    public static void main(String[] args) throws Exception {
        List<String> evals = List.of("lse", "llsq", "det", "gmm", "kmeans", "ode", "lstm", "ba", "ht", "saddle", "particle");
        int minRuns = 3;
        double minSeconds = 0.5;
        Path gradbench = null;
        boolean large = false;
        int i = 0;
        for (; i < args.length && !args[i].equals("--"); i++) {
            switch (args[i]) {
                case "--evals" -> evals = Arrays.asList(args[++i].split(","));
                case "--min-runs" -> minRuns = Integer.parseInt(args[++i]);
                case "--min-seconds" -> minSeconds = Double.parseDouble(args[++i]);
                case "--gradbench" -> gradbench = Path.of(args[++i]);
                case "--large" -> large = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<String> command = Arrays.asList(args).subList(Math.min(i + 1, args.length), args.length);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("give the tool command after --");
        }
        Process tool = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Driver driver = new Driver(tool, minRuns, minSeconds);
        List<Row> rows = new ArrayList<>();
        for (String eval : evals) {
            driver.run(eval, gradbench, large, rows);
        }
        driver.toTool.close();
        tool.waitFor();
        System.out.println("| eval | size | primal | median ms | derivative | median ms | derivative ÷ primal |");
        System.out.println("|---|---|---|---:|---|---:|---:|");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %.3f | %s |%n", r.eval(), r.size(), r.primal(),
                    Double.isNaN(r.primalMs()) ? "–" : String.format(Locale.ROOT, "%.3f", r.primalMs()),
                    r.derivative(), r.derivativeMs(),
                    Double.isNaN(r.primalMs()) ? "–" : String.format(Locale.ROOT, "%.2f", r.derivativeMs() / r.primalMs()));
        }
    }

    private JsonNode send(ObjectNode message) throws IOException {
        message.put("id", id++);
        toTool.write(JSON.writeValueAsString(message));
        toTool.write('\n');
        toTool.flush();
        String line = fromTool.readLine();
        if (line == null) {
            throw new IOException("the tool closed its output");
        }
        return JSON.readTree(line);
    }

    /** Median time in milliseconds of one evaluate message, or NaN (with a note on stderr) if it failed. */
    private double evaluate(String module, String function, ObjectNode input, String size) throws IOException {
        ObjectNode m = JSON.createObjectNode();
        m.put("kind", "evaluate").put("module", module).put("function", function);
        ObjectNode in = input.deepCopy();
        in.put("min_runs", minRuns).put("min_seconds", minSeconds);
        m.set("input", in);
        m.put("description", size);
        JsonNode r = send(m);
        if (!r.path("success").asBoolean()) {
            System.err.println(module + "." + function + " " + size + " failed: " + r.path("error").asText());
            return Double.NaN;
        }
        double[] t = new double[r.get("timings").size()];
        for (int k = 0; k < t.length; k++) {
            t[k] = r.get("timings").get(k).get("nanoseconds").asDouble() / 1e6;
        }
        Arrays.sort(t);
        double median = t.length % 2 == 1 ? t[t.length / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2;
        System.err.printf(Locale.ROOT, "%s.%s %s: %d runs, median %.3f ms%n", module, function, size, t.length, median);
        return median;
    }

    private void pair(List<Row> rows, String module, String size, ObjectNode input, String primal, String derivative)
            throws IOException {
        double p = evaluate(module, primal, input, size);
        double d = evaluate(module, derivative, input, size);
        rows.add(new Row(module, size, primal, p, derivative, d));
    }

    private void run(String eval, Path gradbench, boolean large, List<Row> rows) throws IOException {
        send(JSON.createObjectNode().put("kind", "start").put("eval", eval));
        JsonNode defined = send(JSON.createObjectNode().put("kind", "define").put("module", eval));
        if (!defined.path("success").asBoolean()) {
            System.err.println(eval + ": not defined by the tool");
            return;
        }
        long seed = 31337;
        switch (eval) {
            case "lse" -> {
                for (int n = 2500; n <= 1_280_000; n *= 2) {
                    pair(rows, eval, "n=" + n, Generators.lse(seed, n), "primal", "gradient");
                }
            }
            case "llsq" -> {
                for (int n : new int[] {16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8196, 16392}) {
                    pair(rows, eval, "n=" + n + ",m=128", Generators.llsq(seed, n, 128), "primal", "gradient");
                }
            }
            case "det" -> {
                for (int ell = 5; ell <= (large ? 11 : 10); ell++) {
                    pair(rows, eval, "ell=" + ell, Generators.det(seed, ell), "primal", "gradient");
                }
            }
            case "gmm" -> {
                List<int[]> dk = new ArrayList<>();
                for (int d : large ? new int[] {2, 10, 20, 32, 64} : new int[] {2, 10, 20, 32}) {
                    for (int k : new int[] {5, 10, 25, 50, 100}) {
                        dk.add(new int[] {d, k});
                    }
                }
                dk.sort((a, b) -> Integer.compare(a[0] * a[1], b[0] * b[1]));
                for (int[] c : dk) {
                    pair(rows, eval, "d=" + c[0] + ",k=" + c[1] + ",n=1000", Generators.gmm(seed, c[0], c[1], 1000),
                            "objective", "jacobian");
                }
            }
            case "kmeans" -> {
                List<int[]> knd = new ArrayList<>();
                for (int k : new int[] {10, 100, 1000}) {
                    for (int n : new int[] {1000, 10000}) {
                        for (int d : new int[] {8, 16}) {
                            knd.add(new int[] {k, n, d});
                        }
                    }
                }
                knd.sort((a, b) -> Long.compare((long) a[0] * a[1] * a[2], (long) b[0] * b[1] * b[2]));
                for (int[] c : knd) {
                    pair(rows, eval, "k=" + c[0] + ",n=" + c[1] + ",d=" + c[2], Generators.kmeans(seed, c[0], c[1], c[2]),
                            "cost", "dir");
                }
            }
            case "ode" -> {
                List<int[]> ns = new ArrayList<>();
                for (int n : large ? new int[] {1000, 10000, 100000} : new int[] {1000, 10000}) {
                    for (int s : new int[] {1, 10, 100}) {
                        ns.add(new int[] {n, s});
                    }
                }
                ns.sort((a, b) -> Long.compare((long) a[0] * a[1], (long) b[0] * b[1]));
                for (int[] c : ns) {
                    pair(rows, eval, "n=" + c[0] + ",s=" + c[1], Generators.ode(seed, c[0], c[1]), "primal", "gradient");
                }
            }
            case "lstm" -> {
                String text = Generators.text(seed, 8192);
                List<int[]> lc = new ArrayList<>();
                for (int l : new int[] {2, 4, 6}) {
                    for (int c : new int[] {1024, 4096, 8192}) {
                        lc.add(new int[] {l, c});
                    }
                }
                lc.sort((a, b) -> Integer.compare(a[0] * a[1], b[0] * b[1]));
                for (int[] c : lc) {
                    pair(rows, eval, "l=" + c[0] + ",c=" + c[1], Generators.lstm(seed, c[0], c[1], text), "objective", "jacobian");
                }
            }
            case "ba" -> {
                int[][] sizes = {{49, 7776, 31843}, {21, 11315, 36455}, {161, 48126, 182072}, {372, 47423, 204472},
                    {257, 65132, 225911}, {539, 65220, 277273}, {93, 61203, 287451}, {88, 64298, 383937},
                    {810, 88814, 393775}, {1197, 126327, 563734}, {1723, 156502, 678718}, {253, 163691, 899155},
                    {245, 198739, 1091386}, {356, 226730, 1255268}};
                for (int f = 1; f <= (large ? 14 : 10); f++) {
                    int[] s = sizes[f - 1];
                    String name = "ba" + f + "_n" + s[0] + "_m" + s[1] + "_p" + s[2];
                    ObjectNode input = gradbench != null
                            ? AdbenchData.ba(gradbench.resolve("evals/ba/data/" + name + ".txt"))
                            : Generators.ba(seed + f, s[0], s[1], s[2]);
                    pair(rows, eval, name, input, "objective", "jacobian");
                }
            }
            case "ht" -> {
                int[] counts = {100, 192, 200, 400, 800, 1600, 3200, 6400, 12800, 25600, 51200, 100000};
                for (boolean complicated : new boolean[] {false, true}) {
                    String variant = complicated ? "complicated" : "simple";
                    for (int f = 1; f <= (large ? 12 : 9); f++) {
                        String name = "hand" + f + "_t26_c" + counts[f - 1];
                        ObjectNode input;
                        if (gradbench != null) {
                            Path dir = gradbench.resolve("evals/ht/data/" + variant + "_big");
                            input = AdbenchData.ht(dir.resolve("model"), dir.resolve(name + ".txt"), complicated);
                        } else {
                            input = Generators.ht(seed + f, 1500, counts[f - 1], complicated);
                        }
                        pair(rows, eval, variant + " " + name, input, "objective", "jacobian");
                    }
                }
            }
            case "saddle", "particle" -> {
                ObjectNode input = eval.equals("saddle")
                        ? (ObjectNode) JSON.createObjectNode().set("start", JSON.createArrayNode().add(1.0).add(1.0))
                        : JSON.createObjectNode().put("w", 0.0);
                for (String f : new String[] {"ff", "fr", "rf", "rr"}) {
                    rows.add(new Row(eval, eval.equals("saddle") ? "start=(1,1)" : "w=0", "–", Double.NaN, f,
                            evaluate(eval, f, input, f)));
                }
            }
            default -> System.err.println(eval + ": no workloads defined in the driver");
        }
    }
}
