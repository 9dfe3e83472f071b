package dev.nabla.core.check;

import dev.nabla.core.field.Kink;
import dev.nabla.core.numeric.Numbers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The result of a {@link GradientCheck}.
 *
 * @param point             x
 * @param value             f(x)
 * @param claimedGradient   the gradient g under test
 * @param differenceGradient the extrapolated finite-difference gradient from the axis checks (null when the
 *                          axes were not checked)
 * @param directions        every direction checked: the axes first, then the random ones
 * @param status            the worst status over all directions
 * @param suspectComponents indices i (0-based) whose axis check failed, most severe first: the components of g
 *                          most likely wrong
 * @param seed              the seed of the random directions (the check is deterministic given it)
 * @param kinks             the kinks the field reported at x (then the claimed gradient is a one-sided
 *                          convention, and central differences see the average of the two sides); empty for a
 *                          claimed gradient given as a function
 */
public record GradientCheckReport(double[] point, double value, double[] claimedGradient, double[] differenceGradient,
                                  List<DirectionCheck> directions, CheckStatus status, List<Integer> suspectComponents,
                                  long seed, List<Kink> kinks) {

    public GradientCheckReport {
        point = point.clone();
        claimedGradient = claimedGradient.clone();
        differenceGradient = differenceGradient == null ? null : differenceGradient.clone();
        directions = List.copyOf(directions);
        suspectComponents = List.copyOf(suspectComponents);
        kinks = List.copyOf(kinks);
    }

    static GradientCheckReport of(double[] x, double value, double[] g, List<DirectionCheck> checks, boolean axes,
                                  long seed, List<Kink> kinks) {
        CheckStatus status = CheckStatus.PASS;
        for (DirectionCheck c : checks) {
            status = status.worse(c.status());
        }
        double[] fd = null;
        List<Integer> suspects = new ArrayList<>();
        if (axes) {
            fd = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                fd[i] = checks.get(i).estimate().value();
                if (checks.get(i).status() == CheckStatus.FAIL) {
                    suspects.add(i);
                }
            }
            suspects.sort(Comparator.comparingDouble((Integer i) -> checks.get(i).severity()).reversed());
        }
        return new GradientCheckReport(x, value, g, fd, checks, status, suspects, seed, kinks);
    }

    /** True when every direction passed. */
    public boolean passed() {
        return status == CheckStatus.PASS;
    }

    /** The direction with the largest error relative to its allowance. */
    public DirectionCheck worst() {
        return directions.stream().max(Comparator.comparingDouble(DirectionCheck::severity)).orElseThrow();
    }

    /** The directions that failed. */
    public List<DirectionCheck> failures() {
        return directions.stream().filter(d -> d.status() == CheckStatus.FAIL).toList();
    }

    @Override
    public double[] point() {
        return point.clone();
    }

    @Override
    public double[] claimedGradient() {
        return claimedGradient.clone();
    }

    @Override
    public double[] differenceGradient() {
        return differenceGradient == null ? null : differenceGradient.clone();
    }

    /** A readable multi-line summary. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append("gradient check at ").append(Numbers.format(point)).append(": ").append(status).append('\n');
        s.append("  claimed gradient     ").append(Numbers.format(claimedGradient)).append('\n');
        if (differenceGradient != null) {
            s.append("  finite differences   ").append(Numbers.format(differenceGradient)).append('\n');
        }
        long failed = directions.stream().filter(d -> d.status() == CheckStatus.FAIL).count();
        s.append("  directions: ").append(directions.size()).append(" checked, ").append(failed).append(" failed (seed ")
                .append(seed).append(")\n");
        if (!suspectComponents.isEmpty()) {
            s.append("  suspect components: ");
            s.append(String.join(", ", suspectComponents.stream().map(i -> "∂/∂x" + (i + 1)).toList())).append('\n');
        }
        if (!kinks.isEmpty()) {
            s.append("  note: the point is a kink (").append(kinks.stream().map(Kink::where).distinct()
                    .collect(java.util.stream.Collectors.joining(", "))).append("): the gradient there is one-sided\n");
        }
        s.append("  worst: ").append(worst());
        return s.toString();
    }
}
