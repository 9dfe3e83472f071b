package dev.nabla.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.symbolic.Formula;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code nabla fit} end to end on local[2]: the fit, and one clear line with exit 2 or 3 for bad input. */
class FitCommandTest {
    static final String LOGISTIC = "log(1 + exp(-y*(w1*x1 + w2*x2 + b)))";

    @TempDir
    static Path dir;
    static Path csv;
    static List<double[]> rows = new ArrayList<>();

    record Run(int code, String out, String err) {
    }

    static Run fit(String... args) {
        CommandLine cl = FitCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--master");
        all.add("local[2]");
        int code = cl.execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    /** 300 logistic rows x1, x2, y (y = ±1), seeded. */
    @BeforeAll
    static void data() throws IOException {
        SessionForTests.start();
        SplittableRandom random = new SplittableRandom(5);
        StringBuilder sb = new StringBuilder("x1,x2,y\n");
        for (int i = 0; i < 300; i++) {
            double x1 = random.nextDouble(-2, 2);
            double x2 = random.nextDouble(-2, 2);
            double z = 1.5 * x1 - x2 + 0.5;
            double y = random.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : -1;
            rows.add(new double[] {x1, x2, y});
            sb.append(x1).append(',').append(x2).append(',').append(y).append('\n');
        }
        csv = dir.resolve("logistic.csv");
        Files.writeString(csv, sb.toString());
    }

    @Test
    void fitsALogisticRegressionFromCsvAndReportsParametersGradientNormAndThroughput() {
        Run r = fit(LOGISTIC, csv.toString(), "--params", "w1,w2,b", "--tol", "1e-6");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("nabla fit: 300 rows × 3 columns [x1, x2, y]")
                .contains("L-BFGS (m = 10) stopped: gradient tolerance reached")
                .containsPattern("\\n    0  [0-9.]+ ")
                .containsPattern("throughput: \\d+ rows in [0-9.]+ s of passes, [0-9.e+]+ rows/s");
        assertThat(number(r.out(), "‖∇f‖ = ")).isLessThanOrEqualTo(1e-6);
        // the printed optimum is stationary: the formula's gradient, interpreted row by row on one machine, is
        // below the tolerance there (up to the rounding of the 17-digit printout)
        double[] theta = {number(r.out(), "  w1 = "), number(r.out(), "  w2 = "), number(r.out(), "  b = ")};
        Formula l = Formula.parse(LOGISTIC, List.of("w1", "w2", "b", "x1", "x2", "y"));
        double[] g = new double[3];
        for (double[] row : rows) {
            double[] gr = l.valueAndGradient(new double[] {theta[0], theta[1], theta[2], row[0], row[1], row[2]}).gradient();
            for (int i = 0; i < 3; i++) {
                g[i] += gr[i];
            }
        }
        assertThat(Math.sqrt(g[0] * g[0] + g[1] * g[1] + g[2] * g[2])).isLessThanOrEqualTo(1.01e-6);
    }

    @Test
    void gradientDescentWithArmijoOnTheMeanWithARegularizer() {
        Run r = fit(LOGISTIC, csv.toString(), "--params", "w1,w2,b", "--method", "descent", "--mean", "--tol", "1e-4",
                "--partitions", "3", "--regularizer", "0.001*(w1^2 + w2^2)");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("in 3 partitions").contains("(1/N) Σ ").contains(" + 0.001*(w1^2 + w2^2)")
                .contains("gradient descent (Armijo) stopped: gradient tolerance reached");
    }

    @Test
    void aMissingColumnExitsWith2AndOneLine() {
        Run r = fit("(y - a*x3)^2", csv.toString(), "--params", "a");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("nabla fit: missing column 'x3': the data has columns x1, x2, y\n");
    }

    @Test
    void aValueThatIsNotANumberExitsWith2NamingTheRow() throws IOException {
        Path bad = dir.resolve("bad.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        lines.set(7, "0.5,abc,1"); // the 7th data row (line 8 of the file)
        Files.write(bad, lines);
        Run r = fit(LOGISTIC, bad.toString(), "--params", "w1,w2,b");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("nabla fit: row 7, column 'x2': 'abc' is not a finite number\n");
    }

    @Test
    void aLossUndefinedOnARowExitsWith3NamingTheRow() {
        int first = 0;
        while (rows.get(first)[2] > 0) {
            first++;
        }
        Run r = fit("(b - log(y))^2", csv.toString(), "--params", "b");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).startsWith("nabla fit: row " + (first + 1) + " (y = -1.0): ")
                .contains("at parameters (b = 0.0)").doesNotContain("\tat ").hasLineCount(1);
    }

    @Test
    void rowsMeetingAKinkAtTheFinalParametersAreReported() throws IOException {
        // ℓ(w; x) = |w − x| over x = 0, 1, 2 with w = 1 (no iteration): the second row sits at abs's kink
        Path kinks = dir.resolve("kinks.csv");
        Files.writeString(kinks, "x\n0\n1\n2\n");
        Run r = fit("abs(w - x)", kinks.toString(), "--params", "w", "--start", "1", "--max-iter", "0");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("kinks at θ: 1 row met a kink (first: row 2, abs(w - x))");
        Run smooth = fit(LOGISTIC, csv.toString(), "--params", "w1,w2,b", "--max-iter", "2");
        assertThat(smooth.out()).doesNotContain("kink");
    }

    @Test
    void usageAndParseErrorsExitWith2() {
        Run method = fit(LOGISTIC, csv.toString(), "--params", "w1,w2,b", "--method", "newton");
        assertThat(method.code()).isEqualTo(2);
        assertThat(method.err()).isEqualTo("nabla fit: --method: unknown method 'newton' (expected lbfgs or descent)\n");
        Run parse = fit("log(1 + exp(-y*(w1*x1 +)))", csv.toString(), "--params", "w1");
        assertThat(parse.code()).isEqualTo(2);
        assertThat(parse.err()).startsWith("nabla fit: parse error: ").contains("^");
        Run missing = fit(LOGISTIC, dir.resolve("nothing.parquet").toString(), "--params", "w1,w2,b");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).startsWith("nabla fit: cannot read ").contains("nothing.parquet").hasLineCount(1);
        Run noParams = fit(LOGISTIC, csv.toString());
        assertThat(noParams.code()).isEqualTo(2);
        assertThat(noParams.err()).contains("--params").hasLineCount(1);
    }

    static double number(String out, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + "(\\S+)").matcher(out);
        assertThat(m.find()).as(label + " in " + out).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
