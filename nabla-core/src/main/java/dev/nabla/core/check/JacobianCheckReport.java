package dev.nabla.core.check;

import dev.nabla.core.numeric.Numbers;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of a {@link JacobianCheck}: one gradient check per component u_i.
 *
 * @param point         x
 * @param rows          row i checks ∇u_i against the claimed row i
 * @param status        the worst status over all rows
 * @param suspectEntries the entries (i, j) (0-based) whose axis check failed: J_ij most likely wrong
 */
public record JacobianCheckReport(double[] point, List<GradientCheckReport> rows, CheckStatus status,
                                  List<int[]> suspectEntries) {

    public JacobianCheckReport {
        point = point.clone();
        rows = List.copyOf(rows);
        suspectEntries = suspectEntries.stream().map(int[]::clone).toList();
    }

    static JacobianCheckReport of(double[] x, List<GradientCheckReport> rows) {
        CheckStatus status = CheckStatus.PASS;
        List<int[]> suspects = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            status = status.worse(rows.get(i).status());
            for (int j : rows.get(i).suspectComponents()) {
                suspects.add(new int[] {i, j});
            }
        }
        return new JacobianCheckReport(x, rows, status, suspects);
    }

    @Override
    public double[] point() {
        return point.clone();
    }

    @Override
    public List<int[]> suspectEntries() {
        return suspectEntries.stream().map(int[]::clone).toList();
    }

    public boolean passed() {
        return status == CheckStatus.PASS;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Jacobian check at " + Numbers.format(point) + ": " + status);
        for (int[] e : suspectEntries) {
            s.append("\n  suspect entry J[").append(e[0] + 1).append("][").append(e[1] + 1).append(']');
        }
        for (int i = 0; i < rows.size(); i++) {
            s.append("\n  row ").append(i + 1).append(": ").append(rows.get(i).status()).append(", worst ")
                    .append(rows.get(i).worst());
        }
        return s.toString();
    }
}
