package dev.nabla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded fuzzing of the commands: random formulas (random strings over ASCII, mathematical symbols and other
 * Unicode — Hangul, fullwidth and Arabic-Indic digits, combining marks, bidirectional controls, emoji — and
 * random expression trees) with random options, valid and not. Whatever the input, the command answers with
 * exit 0, 2 (input) or 3 (mathematics) — 1 also for the commands that are checks — and never a stack trace or
 * an internal error. Each case is reproducible from its seed.
 */
class CliFuzzTest {

    private static final String[] COMMANDS = {"eval", "grad", "dir", "hess", "jac", "simplify", "latex", "diffable",
            "subgrad", "limit", "steepest", "normal"};
    /** Commands whose negative verdict exits 1. */
    private static final Set<String> CHECKS = Set.of("diffable");
    private static final String[] ATOMS = {"x", "y", "z", "0", "1", "2", "0.5", "1e308", "1e-320", "3", "pi", "π",
            "e", "-1", "1/3"};
    private static final String[] UNARY = {"sin", "cos", "tan", "exp", "log", "sqrt", "abs", "atan", "tanh",
            "asin", "acos", "sinh", "cosh"};
    private static final String[] BINARY = {"+", "-", "*", "/", "^"};
    private static final String[] PIECES = {"x", "y", "(", ")", "+", "-", "*", "/", "^", ",", ";", "1", "2", ".",
            "e", "E", "sin", "log(", "sqrt(", "abs(", "max(", "if(", ">", "<", "=", " ", "@", "π", "²", "³", "·",
            "×", "−", "√", "°", "∞", "ⅇ", "한", "그래디언트", "１", "٣", "\u0301", "\u202e", "\u200b", "\u0000", "\t",
            "\n", "😀", "\ud800", "𝑥", "x₁", "--", "-", "'", "\"", "\\", "$", "#", "{", "}", "[", "]", "NaN",
            "Infinity", "1e999", "0x1p3", "9999999999999999999999"};

    static Stream<Long> seeds() {
        return IntStream.range(0, 400).mapToObj(i -> 0x5eedL * 1_000 + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noInputBreaksACommand(long seed) {
        Random random = new Random(seed);
        String command = COMMANDS[random.nextInt(COMMANDS.length)];
        String formula = random.nextBoolean() ? tree(random, 4) : noise(random);
        List<String> args = new ArrayList<>(List.of(command, formula));
        addOptions(random, args);
        CliRun r = CliRun.of(args.toArray(String[]::new));
        String transcript = "seed " + seed + ": " + args + "\nexit " + r.exit() + "\n" + r.out() + r.err();
        assertThat(r.exit()).as(transcript).isIn(CHECKS.contains(command) ? Set.of(0, 1, 2, 3) : Set.of(0, 2, 3));
        assertThat(r.out() + r.err()).as(transcript).doesNotContain("\tat ").doesNotContain("internal error")
                .doesNotContain("Exception").doesNotContain("StackOverflow");
        if (r.exit() >= 2 && args.contains("--json")) {
            assertThat(JsonOf.parse(r).get("error").get("message").asText()).as(transcript).isNotBlank();
            assertThat(r.err()).as(transcript).isEmpty();
        } else if (r.exit() >= 2) {
            assertThat(r.err()).as(transcript).isNotBlank();
        }
    }

    /** A random expression tree printed with random parentheses: mostly well formed, sometimes undefined. */
    private static String tree(Random random, int depth) {
        if (depth == 0 || random.nextInt(4) == 0) {
            return ATOMS[random.nextInt(ATOMS.length)];
        }
        return switch (random.nextInt(3)) {
            case 0 -> UNARY[random.nextInt(UNARY.length)] + "(" + tree(random, depth - 1) + ")";
            case 1 -> "(" + tree(random, depth - 1) + ")" + BINARY[random.nextInt(BINARY.length)]
                    + "(" + tree(random, depth - 1) + ")";
            default -> tree(random, depth - 1) + " " + BINARY[random.nextInt(BINARY.length)] + " "
                    + tree(random, depth - 1);
        };
    }

    /** A random string of pieces and random code points, up to 40 of them. */
    private static String noise(Random random) {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(41);
        for (int i = 0; i < n; i++) {
            if (random.nextInt(5) == 0) {
                int c = random.nextInt(0x3_0000);
                b.appendCodePoint(Character.isSurrogate((char) c) && random.nextBoolean() ? 'x' : c);
            } else {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return b.toString();
    }

    private static void addOptions(Random random, List<String> args) {
        if (random.nextInt(5) > 0) {
            args.add("--at");
            args.add(random.nextBoolean() ? "x=" + number(random) + ",y=" + number(random) + ",z=" + number(random)
                    : number(random) + "," + number(random));
        }
        if (random.nextBoolean()) {
            args.add("--dir");
            args.add(number(random) + "," + number(random) + (random.nextBoolean() ? "," + number(random) : ""));
        }
        if (random.nextInt(3) == 0) {
            args.add("--json");
        }
        if (random.nextInt(6) == 0) {
            args.add("--vars");
            args.add(random.nextBoolean() ? "x,y,z" : "y,x");
        }
        if (random.nextInt(8) == 0) {
            args.add("--latex");
        }
        if (random.nextInt(10) == 0) {
            args.add(random.nextBoolean() ? "--bogus" : "@" + noise(random));
        }
    }

    private static String number(Random random) {
        String[] special = {"0", "1", "-1", "1e308", "-1e308", "1e-320", "NaN", "abc", "", "½", "π", "sqrt(2)"};
        return random.nextInt(4) == 0 ? special[random.nextInt(special.length)]
                : String.valueOf(Math.round((random.nextDouble() * 6 - 3) * 100) / 100.0);
    }
}
