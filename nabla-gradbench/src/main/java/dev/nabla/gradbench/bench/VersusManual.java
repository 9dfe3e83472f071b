package dev.nabla.gradbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nabla.gradbench.Tool;
import dev.nabla.gradbench.evals.Engine;
import dev.nabla.gradbench.evals.Evals;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.nabla.gradbench.bench.Generators.JSON;

/**
 * Nabla against GradBench's hand-written C++ ({@code manual}) on the same input files, side by side in one run:
 * for each eval and size it writes the input (with {@code min_runs}, {@code min_seconds}) to a file, runs the
 * {@code manual} binary on it ({@code bin/EVAL FILE FUNCTION}: its output on the first line, one timing per line
 * after it), then the same input through Nabla's tool (traced programs, then the eager tape) in this JVM, checks
 * every Nabla output against manual's with GradBench's own rule (ADBench's relative difference
 * |a − b| / max(1, |a| + |b|) ≤ 1e-4, element by element, same structure), and prints one Markdown row:
 * median times, ratios to manual, the check, Nabla's peak heap and manual's peak resident memory.
 *
 * <pre>
 * java -Xmx2g -cp CLASSPATH dev.nabla.gradbench.bench.VersusManual MANUAL_BIN_DIR MIN_RUNS MIN_SECONDS CASE...
 *   CASE: lse:N | gmm:D:K (n = 1000) | ode:N:S
 * </pre>
 */
public final class VersusManual {
    private static final double TOLERANCE = 1e-4;
    /** The evals that have a traced-program engine (the others run on the tape only). */
    private static final java.util.Set<String> PORTED = java.util.Set.of("lse", "gmm");

    private VersusManual() {
    }

    record Timed(JsonNode output, double medianMs, long peakBytes) {
    }

    public static void main(String[] a) throws Exception {
        Path bin = Path.of(a[0]);
        int minRuns = Integer.parseInt(a[1]);
        double minSeconds = Double.parseDouble(a[2]);
        System.out.println("| eval | size | function | manual ms | Nabla program ms | ÷ manual | Nabla tape ms | ÷ manual "
                + "| GradBench check (program, tape) | Nabla peak heap (program, tape) | manual peak RSS |");
        System.out.println("|---|---|---|---:|---:|---:|---:|---:|---|---|---:|");
        for (String c : Arrays.copyOfRange(a, 3, a.length)) {
            String[] p = c.split(":");
            ObjectNode in;
            String[] functions;
            String size;
            switch (p[0]) {
                case "lse" -> {
                    in = Generators.lse(31337, Integer.parseInt(p[1]));
                    functions = new String[] {"primal", "gradient"};
                    size = "n = " + p[1];
                }
                case "gmm" -> {
                    in = Generators.gmm(31337, Integer.parseInt(p[1]), Integer.parseInt(p[2]), 1000);
                    functions = new String[] {"objective", "jacobian"};
                    size = "d = " + p[1] + ", k = " + p[2] + ", n = 1000";
                }
                case "ode" -> {
                    in = Generators.ode(31337, Integer.parseInt(p[1]), Integer.parseInt(p[2]));
                    functions = new String[] {"primal", "gradient"};
                    size = "n = " + p[1] + ", s = " + p[2];
                }
                default -> throw new IllegalArgumentException("unknown case " + c);
            }
            in.put("min_runs", minRuns).put("min_seconds", minSeconds);
            Path file = Files.createTempFile("nabla-vs-manual-" + p[0], ".json");
            try {
                Files.writeString(file, JSON.writeValueAsString(in), StandardCharsets.UTF_8);
                for (String function : functions) {
                    Timed manual = manual(bin.resolve(p[0]), file, function);
                    Timed program = PORTED.contains(p[0]) ? nabla(Engine.PROGRAM, p[0], function, in) : null;
                    Timed tape = nabla(Engine.TAPE, p[0], function, in);
                    System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s, %s | %s, %s | %s |%n", p[0],
                            size, function, ms(manual.medianMs), program == null ? "not ported" : ms(program.medianMs),
                            program == null ? "—" : ratio(program, manual), ms(tape.medianMs), ratio(tape, manual),
                            program == null ? "—" : check(manual.output, program.output), check(manual.output, tape.output),
                            program == null ? "—" : mb(program.peakBytes), mb(tape.peakBytes), mb(manual.peakBytes));
                    System.out.flush();
                }
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Runs manual's binary under /usr/bin/time (for its peak resident memory) when that exists. */
    private static Timed manual(Path exe, Path input, String function) throws IOException, InterruptedException {
        Path rss = Files.createTempFile("nabla-vs-manual", ".rss");
        try {
            boolean time = Files.isExecutable(Path.of("/usr/bin/time"));
            List<String> cmd = new ArrayList<>();
            if (time) {
                cmd.addAll(List.of("/usr/bin/time", "-f", "%M", "-o", rss.toString()));
            }
            cmd.addAll(List.of(exe.toString(), input.toString(), function));
            Process proc = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            List<String> lines = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            if (proc.waitFor() != 0 || lines.isEmpty()) {
                throw new IllegalStateException(exe + " " + function + " failed");
            }
            List<Double> times = new ArrayList<>();
            for (String l : lines.subList(1, lines.size())) {
                JsonNode t = JSON.readTree(l);
                if ("evaluate".equals(t.path("name").asText())) {
                    times.add(t.get("nanoseconds").asDouble() / 1e6);
                }
            }
            String kb = time ? Files.readString(rss).trim() : "";
            long peak = kb.matches("\\d+") ? Long.parseLong(kb) * 1024 : -1;
            return new Timed(JSON.readTree(lines.get(0)), median(times), peak);
        } finally {
            Files.deleteIfExists(rss);
        }
    }

    private static Timed nabla(Engine engine, String module, String function, ObjectNode input) throws IOException {
        Tool tool = new Tool(Evals.all(engine));
        ObjectNode m = JSON.createObjectNode();
        m.put("id", 0).put("kind", "evaluate").put("module", module).put("function", function);
        m.set("input", input);
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        JsonNode r = JSON.readTree(tool.respond(JSON.writeValueAsString(m)));
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        if (!r.path("success").asBoolean()) {
            return new Timed(null, Double.NaN, peak);
        }
        List<Double> times = new ArrayList<>();
        r.get("timings").forEach(t -> times.add(t.get("nanoseconds").asDouble() / 1e6));
        return new Timed(r.get("output"), median(times), peak);
    }

    private static double median(List<Double> v) {
        double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    /** "valid", or the number of mismatches by GradBench's rule (or "failed" when Nabla gave no output). */
    static String check(JsonNode expected, JsonNode actual) {
        if (actual == null) {
            return "failed";
        }
        List<String> mismatches = new ArrayList<>();
        compare(expected, actual, "", mismatches);
        return mismatches.isEmpty() ? "valid" : mismatches.size() + " mismatches (" + mismatches.get(0) + ")";
    }

    /** GradBench's comparison of two JSON values: same structure, numbers within ADBench's relative difference. */
    static void compare(JsonNode e, JsonNode a, String path, List<String> out) {
        if (e.isNumber() && a.isNumber()) {
            double x = e.asDouble();
            double y = a.asDouble();
            if (Math.abs(x - y) / Math.max(1, Math.abs(x) + Math.abs(y)) > TOLERANCE) {
                out.add(path + ": " + x + " ≠ " + y);
            }
        } else if (e.isArray() && a.isArray()) {
            if (e.size() != a.size()) {
                out.add(path + ": length " + a.size() + ", expected " + e.size());
                return;
            }
            for (int i = 0; i < e.size(); i++) {
                compare(e.get(i), a.get(i), path + "[" + i + "]", out);
            }
        } else if (e.isObject() && a.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!a.has(f.getKey())) {
                    out.add(path + "." + f.getKey() + " missing");
                } else {
                    compare(f.getValue(), a.get(f.getKey()), path + "." + f.getKey(), out);
                }
            }
            a.fieldNames().forEachRemaining(k -> {
                if (!e.has(k)) {
                    out.add(path + "." + k + " unexpected");
                }
            });
        } else if (!e.equals(a)) {
            out.add(path + ": " + a + ", expected " + e);
        }
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "—" : v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    private static String ratio(Timed nabla, Timed manual) {
        return Double.isNaN(nabla.medianMs) ? "—" : String.format(Locale.ROOT, "%.1f×", nabla.medianMs / manual.medianMs);
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "—" : String.format(Locale.ROOT, "%.0f MB", bytes / 1048576.0);
    }
}
