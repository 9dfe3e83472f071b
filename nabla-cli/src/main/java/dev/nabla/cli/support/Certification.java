package dev.nabla.cli.support;

import dev.nabla.precise.Certified;
import dev.nabla.precise.Certify;
import dev.nabla.precise.Decimals;
import dev.nabla.symbolic.Formula;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The certified numbers a command prints: f(x), ∇f(x), D_v f(x), the Hessian, each enclosed and escalated in
 * precision until it is certain ({@link Certify}), and the one way they are written.
 *
 * <p>Default: the correctly rounded double where it is certain (its shortest round-trip decimal), otherwise the
 * digits that are certain, with a note such as "∂f/∂x: 6 significant digits certain; rerun with --precision 30".
 * The default escalates up to 240 digits or 2 s; {@code --precision N} prints N significant digits and escalates up
 * to 2000 digits or 5 s. If the high-precision path cannot evaluate the formula at all, the double is printed with
 * a note saying it is not certified.
 */
public final class Certification {
    private static final Certify.Budget QUICK = new Certify.Budget(240, Duration.ofSeconds(2));

    private final Certify.Report report;
    private final Integer precision;
    private final String failure;

    private Certification(Certify.Report report, Integer precision, String failure) {
        this.report = report;
        this.precision = precision;
        this.failure = failure;
    }

    /**
     * Certifies the numbers of f at the point ({@code --at} as typed), with ∇f if {@code gradient}, D_v f if
     * {@code direction} (as typed) is not null, and the Hessian if {@code hessian}.
     */
    public static Certification of(Formula f, String at, boolean gradient, String direction, boolean hessian,
                                   PrecisionOption option) {
        Integer digits = option.digits();
        List<String> point = at == null ? List.of() : Points.texts(at, f.variables());
        List<String> v = direction == null ? null : Points.split(direction);
        try {
            Certify.Report r = Certify.of(new Certify.Request(f, point, gradient, v, hessian), option.goal(),
                    digits == null ? QUICK : Certify.Budget.DEFAULT);
            return new Certification(r, digits, null);
        } catch (RuntimeException notCertified) { // an add-on: whatever it cannot do, the double path's numbers stand
            return new Certification(null, digits, notCertified.getMessage());
        }
    }

    /** Whether the high-precision path evaluated the formula (else the numbers printed are double arithmetic's). */
    public boolean isCertified() {
        return report != null;
    }

    /** f(x) as printed; {@code fallback} (the double path's value) if the formula could not be certified. */
    public String value(double fallback) {
        return report == null ? Numbers.format(fallback) : text(report.value());
    }

    /** ∇f(x) as printed, {@code (a, b, …)}. */
    public String gradient(double[] fallback) {
        return "(" + String.join(", ", gradientTexts(fallback)) + ")";
    }

    /** ∇f(x)'s components as printed. */
    public List<String> gradientTexts(double[] fallback) {
        return report == null || report.gradient() == null ? Layout.numbers(fallback)
                : report.gradient().stream().map(this::text).toList();
    }

    /** D_v f as printed. */
    public String directional(double fallback) {
        return report == null || report.directional() == null ? Numbers.format(fallback) : text(report.directional());
    }

    /** The Hessian's entries as printed, row by row. */
    public List<List<String>> hessianCells(double[][] fallback) {
        if (report == null || report.hessian() == null) {
            return Layout.cells(fallback);
        }
        return report.hessian().stream().map(row -> row.stream().map(this::text).toList()).toList();
    }

    /** The certified doubles, for JSON and for computations downstream: the correctly rounded (or nearest) double. */
    public double valueDouble(double fallback) {
        return report == null ? fallback : best(report.value(), fallback);
    }

    /** ∇f as doubles (see {@link #valueDouble}). */
    public double[] gradientDoubles(double[] fallback) {
        if (report == null || report.gradient() == null) {
            return fallback;
        }
        double[] g = fallback.clone();
        for (int i = 0; i < g.length; i++) {
            g[i] = best(report.gradient().get(i), fallback[i]);
        }
        return g;
    }

    /** D_v f as a double (see {@link #valueDouble}). */
    public double directionalDouble(double fallback) {
        return report == null || report.directional() == null ? fallback : best(report.directional(), fallback);
    }

    /** The Hessian as doubles (see {@link #valueDouble}). */
    public double[][] hessianDoubles(double[][] fallback) {
        if (report == null || report.hessian() == null) {
            return fallback;
        }
        double[][] h = new double[fallback.length][];
        for (int i = 0; i < h.length; i++) {
            h[i] = fallback[i].clone();
            for (int j = 0; j < h[i].length; j++) {
                h[i][j] = best(report.hessian().get(i).get(j), fallback[i][j]);
            }
        }
        return h;
    }

    private static double best(Certified c, double fallback) {
        return c.enclosure() == null || c.range() != Certified.Range.DOUBLE ? fallback : c.nearestDouble();
    }

    /**
     * The notes that go under the numbers, one per number that is not printed in full (labelled f, ∂f/∂x, D_v f,
     * H[x,y]); empty when every digit printed is certain and complete.
     */
    public List<String> notes(List<String> names) {
        List<String> notes = new ArrayList<>();
        if (report == null) {
            notes.add("not certified (" + failure + "): the digits are those of double arithmetic");
            return notes;
        }
        note(notes, "f", report.value());
        if (report.gradient() != null) {
            for (int i = 0; i < names.size(); i++) {
                note(notes, "∂f/∂" + names.get(i), report.gradient().get(i));
            }
        }
        if (report.directional() != null) {
            note(notes, "D_v f", report.directional());
        }
        if (report.hessian() != null) {
            for (int i = 0; i < names.size(); i++) {
                for (int j = 0; j < names.size(); j++) {
                    note(notes, "∂²f/∂" + names.get(i) + "∂" + names.get(j), report.hessian().get(i).get(j));
                }
            }
        }
        return notes;
    }

    private void note(List<String> notes, String label, Certified c) {
        String note;
        if (precision != null) {
            note = c.enclosure() == null ? c.note()
                    : c.digits() >= precision || c.enclosure().isPoint() ? null
                    : "only " + c.digits() + " significant digit" + (c.digits() == 1 ? "" : "s")
                            + " certain within the budget (" + Certify.Budget.DEFAULT.describe() + ")";
        } else {
            note = c.note();
            if (note != null && c.enclosure() != null && c.digits() < 17 && !c.enclosure().containsZero()) {
                note += "; rerun with --precision 30";
            }
        }
        if (note != null) {
            notes.add(label + ": " + note);
        }
    }

    /** One certified number as printed in this mode. */
    public String text(Certified c) {
        if (precision == null || c.enclosure() == null) {
            return c.text();
        }
        int n = c.enclosure().isPoint() ? precision : Math.min(precision, Math.max(1, c.digits()));
        return c.text(n);
    }

    /**
     * The {@code certified} member of a command's JSON: every number with its certain digits, and its enclosure
     * where it is not pinned to one double.
     */
    public Json json() {
        if (report == null) {
            return new Json(null, null, null, null, failure);
        }
        return new Json(number(report.value()), report.gradient() == null ? null : report.gradient().stream().map(this::number).toList(),
                report.directional() == null ? null : number(report.directional()),
                report.hessian() == null ? null : report.hessian().stream().map(r -> r.stream().map(this::number).toList()).toList(),
                null);
    }

    private Number number(Certified c) {
        if (c.enclosure() == null) {
            return new Number(null, 0, null, null, c.note());
        }
        boolean tight = precision == null ? c.isCorrectlyRoundedDouble() : c.digits() >= precision || c.enclosure().isPoint();
        int shown = precision == null ? Math.min(c.digits(), 17) : Math.min(c.digits(), precision);
        return new Number(text(c), c.enclosure().isPoint() ? (precision == null ? 17 : precision) : shown,
                tight ? null : Decimals.significant(c.enclosure().lo(), 20, RoundingMode.FLOOR),
                tight ? null : Decimals.significant(c.enclosure().hi(), 20, RoundingMode.CEILING),
                c.note());
    }

    /**
     * The {@code certified} JSON member.
     *
     * @param value       f(x)
     * @param gradient    ∇f(x), where asked
     * @param directional D_v f, where asked
     * @param hessian     the Hessian, where asked
     * @param failure     why the numbers could not be certified (then the plain numbers are double arithmetic's)
     */
    public record Json(Number value, List<Number> gradient, Number directional, List<List<Number>> hessian,
                       String failure) {
    }

    /**
     * One certified number in JSON: its text (every digit certain), how many significant digits are certain
     * (capped at the digits asked for, 17 by default), and, when it is not pinned, its enclosure [lo, hi] to 20
     * digits (rounded outward, so that [lo, hi] still encloses the number) and the note.
     *
     * @param text   the number as printed
     * @param digits the significant digits certain
     * @param lo     the enclosure's lower end, when not tight
     * @param hi     the enclosure's upper end, when not tight
     * @param note   what the reader must know, or null
     */
    public record Number(String text, int digits, String lo, String hi, String note) {
    }
}
