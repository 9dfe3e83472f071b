package dev.nabla.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns JMH's JSON results ({@code -rf json}) into the markdown table of {@code docs/benchmarks.md}: one row per
 * (workload, n, method) with time/op ± the 99.9% error, the ratio to the plain-double value of the same workload
 * and n, and the allocation per operation when JMH ran with {@code -prof gc}; then the targets, each
 * marked met or missed. Usage: {@code java -cp benchmarks.jar dev.nabla.bench.BenchTable results.json…}
 * (markdown on standard output).
 */
public final class BenchTable {

    /** A workload as the table names it; n is fixed for workloads without an {@code n} parameter. */
    record Workload(String name, int order, long fixedN) {
    }

    /** One measured benchmark, time in nanoseconds per operation (error NaN when JMH had too few iterations). */
    record Row(Workload workload, long n, String method, double nanos, double errorNanos, Double bytesPerOp) {
    }

    /** A method deliberately not run at a size, with the reason printed in the table. */
    record Skip(String workload, long n, String method, String reason) {
    }

    private static final Map<String, Workload> WORKLOADS = Map.of(
            "RosenbrockBench", new Workload("Rosenbrock", 0, -1),
            "RosenbrockBaselinesBench", new Workload("Rosenbrock", 0, -1),
            "RosenbrockSymbolicBench", new Workload("Rosenbrock", 0, -1),
            "LogSumExpBench", new Workload("log-sum-exp", 1, -1),
            "MlpBench", new Workload("MLP loss (d = 8, h = 32, batch 64, tanh)", 2, 321));

    /** Benchmark method → label, in table order. */
    private static final List<Map.Entry<String, String>> METHODS = List.of(
            Map.entry("value", "plain double value (hand-written Java)"),
            Map.entry("handWrittenGradient", "hand-written gradient, plain Java (no AD; the floor for reverse mode)"),
            Map.entry("handWrittenDirectional", "hand-written D_v f, plain Java (no AD; the floor for forward mode)"),
            Map.entry("nablaValue", "Nabla value (`AD.value`, the `Real` code)"),
            Map.entry("reverseGradient", "Nabla reverse gradient (reused `ReverseGradient`)"),
            Map.entry("adGrad", "Nabla reverse gradient (`AD.grad`)"),
            Map.entry("forwardDirectional", "Nabla forward D_v f (`AD.jvp`)"),
            Map.entry("nablaValueWindowSum", "Nabla value, written as `Reals.windowSum` (`AD.value`)"),
            Map.entry("reverseGradientWindowSum", "Nabla reverse gradient, written as `Reals.windowSum` (reused `ReverseGradient`)"),
            Map.entry("forwardDirectionalWindowSum", "Nabla forward D_v f, written as `Reals.windowSum` (`AD.jvp`)"),
            Map.entry("nablaValueWindowSumFunction", "Nabla value, as a `WindowSum` function (`AD.value`)"),
            Map.entry("reverseGradientWindowSumFunction", "Nabla reverse gradient, as a `WindowSum` function (reused `ReverseGradient`)"),
            Map.entry("forwardDirectionalWindowSumFunction", "Nabla forward D_v f, as a `WindowSum` function (`AD.jvp`)"),
            Map.entry("compiledSymbolicGradient", "Nabla compiled symbolic gradient (`Formula.compile()`)"),
            Map.entry("hipparchusGradient", "Hipparchus `Gradient` (forward, n partials per number)"),
            Map.entry("centralDifference", "central differences (`FiniteDifferences.gradient`, 2n evaluations)"));

    private static final String HOURS = "not run: ~10¹³ floating-point operations per gradient (hours per call)";

    private static final List<Skip> SKIPS = List.of(
            new Skip("Rosenbrock", 1_000_000, "hipparchusGradient", HOURS + ", 10⁶ partials on each of ~10⁷ operations"),
            new Skip("Rosenbrock", 1_000_000, "centralDifference", HOURS + ", 2·10⁶ evaluations of f"),
            new Skip("log-sum-exp", 1_000_000, "hipparchusGradient", HOURS + ", 10⁶ partials on each of ~3·10⁶ operations"),
            new Skip("log-sum-exp", 1_000_000, "centralDifference", HOURS + ", 2·10⁶ evaluations of f"));

    private BenchTable() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: BenchTable results.json…");
            System.exit(2);
        }
        List<Row> rows = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        for (String file : args) {
            rows.addAll(read(mapper.readTree(Files.readString(Path.of(file)))));
        }
        System.out.print(markdown(rows));
    }

    /** The rows of one JMH JSON result array. */
    static List<Row> read(JsonNode results) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode result : results) {
            String benchmark = result.get("benchmark").asText();
            int lastDot = benchmark.lastIndexOf('.');
            String method = benchmark.substring(lastDot + 1);
            String className = benchmark.substring(benchmark.lastIndexOf('.', lastDot - 1) + 1, lastDot);
            Workload workload = WORKLOADS.getOrDefault(className, new Workload(className, 99, -1));
            JsonNode params = result.path("params");
            long n = params.has("n") ? params.get("n").asLong() : workload.fixedN();
            JsonNode primary = result.get("primaryMetric");
            double scale = nanosPer(primary.get("scoreUnit").asText());
            double error = primary.get("scoreError").asDouble();
            Double bytes = null;
            var secondary = result.path("secondaryMetrics").fields();
            while (secondary.hasNext()) {
                var metric = secondary.next();
                if (metric.getKey().endsWith("gc.alloc.rate.norm")) {
                    bytes = metric.getValue().get("score").asDouble();
                }
            }
            rows.add(new Row(workload, n, method, primary.get("score").asDouble() * scale, error * scale, bytes));
        }
        return rows;
    }

    private static double nanosPer(String unit) {
        return switch (unit) {
            case "ns/op" -> 1;
            case "us/op" -> 1e3;
            case "ms/op" -> 1e6;
            case "s/op" -> 1e9;
            default -> throw new IllegalArgumentException("unsupported JMH unit " + unit + " (use -bm avgt)");
        };
    }

    /** The table and the targets, as markdown. */
    static String markdown(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| workload | n | method | time/op ± error | ratio to plain value | allocated/op |\n");
        out.append("|---|---:|---|---:|---:|---:|\n");
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt((Row r) -> r.workload().order()).thenComparingLong(Row::n)
                .thenComparingInt(r -> methodOrder(r.method())));
        String previousGroup = null;
        for (Row row : sorted) {
            String group = row.workload().name() + "/" + row.n();
            if (previousGroup != null && !group.equals(previousGroup)) {
                appendSkips(out, previousGroup, rows);
            }
            previousGroup = group;
            Optional<Row> baseline = find(rows, row.workload().name(), row.n(), "value");
            String ratio = row.method().equals("value") ? "1 (baseline)"
                    : baseline.map(b -> ratio(row.nanos() / b.nanos())).orElse("—");
            out.append("| ").append(row.workload().name()).append(" | ").append(size(row.n())).append(" | ")
                    .append(label(row.method())).append(" | ").append(time(row.nanos(), row.errorNanos()))
                    .append(" | ").append(ratio).append(" | ")
                    .append(row.bytesPerOp() == null ? "—" : bytes(row.bytesPerOp())).append(" |\n");
        }
        if (previousGroup != null) {
            appendSkips(out, previousGroup, rows);
        }
        out.append('\n').append(targets(rows));
        return out.toString();
    }

    private static void appendSkips(StringBuilder out, String group, List<Row> rows) {
        for (Skip skip : SKIPS) {
            if (group.equals(skip.workload() + "/" + skip.n())
                    && find(rows, skip.workload(), skip.n(), skip.method()).isEmpty()) {
                out.append("| ").append(skip.workload()).append(" | ").append(size(skip.n())).append(" | ")
                        .append(label(skip.method())).append(" | ").append(skip.reason()).append(" | — | — |\n");
            }
        }
    }

    /**
     * The targets, each with the measured ratio and whether it is met; for Rosenbrock, also the ratio of
     * the hand-written derivative code in the same run (the floor any AD tool is measured against).
     */
    static String targets(List<Row> rows) {
        StringBuilder out = new StringBuilder("Targets (issue 3), from the rows above:\n\n");
        for (String workload : List.of("Rosenbrock", "log-sum-exp")) {
            String form = workload.equals("Rosenbrock") ? " (scalar loop)" : "";
            target(out, rows, workload, "reverseGradient", 4, "reverse gradient ≤ 4× the value" + form);
            target(out, rows, workload, "forwardDirectional", 2, "forward D_v f ≤ 2× the value" + form);
        }
        for (String suffix : List.of("WindowSum", "WindowSumFunction")) {
            String form = suffix.equals("WindowSum") ? " (`Reals.windowSum`)" : " (`WindowSum` function)";
            target(out, rows, "Rosenbrock", "reverseGradient" + suffix, 4, "reverse gradient ≤ 4× the value" + form);
            target(out, rows, "Rosenbrock", "forwardDirectional" + suffix, 2, "forward D_v f ≤ 2× the value" + form);
        }
        Optional<Row> hipparchus = find(rows, "Rosenbrock", 1000, "hipparchusGradient");
        Optional<Row> nabla = find(rows, "Rosenbrock", 1000, "reverseGradient");
        out.append("- Rosenbrock, n = 10³: reverse gradient ≥ 100× faster than Hipparchus: ");
        if (hipparchus.isEmpty() || nabla.isEmpty()) {
            out.append("not measured in this run\n");
        } else {
            double r = hipparchus.get().nanos() / nabla.get().nanos();
            out.append("measured ").append(ratio(r)).append(" (Hipparchus ÷ Nabla) — **")
                    .append(r >= 100 ? "met" : "missed").append("**\n");
        }
        return out.toString();
    }

    /** A ≤ target at n = 10⁶: the method's time over the plain value's. */
    private static void target(StringBuilder out, List<Row> rows, String workload, String method, double bound,
                               String what) {
        long n = 1_000_000;
        Optional<Row> a = find(rows, workload, n, method);
        Optional<Row> b = find(rows, workload, n, "value");
        out.append("- ").append(workload).append(", n = ").append(size(n)).append(": ").append(what).append(": ");
        if (a.isEmpty() || b.isEmpty()) {
            out.append("not measured in this run\n");
            return;
        }
        double r = a.get().nanos() / b.get().nanos();
        out.append("measured ").append(ratio(r));
        String floor = method.startsWith("reverse") ? "handWrittenGradient" : "handWrittenDirectional";
        find(rows, workload, n, floor).ifPresent(h -> out.append(" (hand-written code: ")
                .append(ratio(h.nanos() / b.get().nanos())).append(')'));
        out.append(" — **").append(r <= bound ? "met" : "missed").append("**\n");
    }

    private static Optional<Row> find(List<Row> rows, String workload, long n, String method) {
        return rows.stream().filter(r -> r.workload().name().equals(workload) && r.n() == n
                && r.method().equals(method)).findFirst();
    }

    private static int methodOrder(String method) {
        for (int i = 0; i < METHODS.size(); i++) {
            if (METHODS.get(i).getKey().equals(method)) {
                return i;
            }
        }
        return METHODS.size();
    }

    private static String label(String method) {
        return METHODS.stream().filter(e -> e.getKey().equals(method)).map(Map.Entry::getValue).findFirst()
                .orElse(method);
    }

    static String size(long n) {
        return switch ((int) Math.min(n, Integer.MAX_VALUE)) {
            case 1000 -> "10³";
            case 1_000_000 -> "10⁶";
            default -> Long.toString(n);
        };
    }

    /** A time with its error in the unit that keeps three significant digits readable. */
    static String time(double nanos, double errorNanos) {
        String unit;
        double scale;
        if (nanos < 1e3) {
            unit = "ns";
            scale = 1;
        } else if (nanos < 1e6) {
            unit = "µs";
            scale = 1e3;
        } else if (nanos < 1e9) {
            unit = "ms";
            scale = 1e6;
        } else {
            unit = "s";
            scale = 1e9;
        }
        String error = Double.isNaN(errorNanos) ? "n/a" : significant(errorNanos / scale);
        return significant(nanos / scale) + " ± " + error + " " + unit;
    }

    static String ratio(double r) {
        return significant(r) + "×";
    }

    static String bytes(double b) {
        if (b < 1024) {
            return String.format(Locale.ROOT, "%.0f B", b);
        }
        if (b < 1024 * 1024) {
            return significant(b / 1024) + " KiB";
        }
        return significant(b / (1024 * 1024)) + " MiB";
    }

    /** Three significant digits, no exponent: 0.0123, 1.23, 12.3, 1234. */
    static String significant(double v) {
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        int decimals = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : a >= 0.1 ? 3 : 4;
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
