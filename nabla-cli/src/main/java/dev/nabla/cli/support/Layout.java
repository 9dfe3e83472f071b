package dev.nabla.cli.support;

import dev.nabla.precise.Decimals;
import java.util.ArrayList;
import java.util.List;

/** Plain-text and LaTeX layout of tuples and matrices, for the text output of every command. */
public final class Layout {
    private Layout() {
    }

    /** {@code (a, b, c)}. */
    public static String tuple(List<String> items) {
        return "(" + String.join(", ", items) + ")";
    }

    /** {@code f(x, y)}, or {@code f} for a field of no variables. */
    public static String call(String name, List<String> variables) {
        return variables.isEmpty() ? name : name + tuple(variables);
    }

    /** Rows of cells as lines {@code [ a   b ]} with aligned columns, each line starting with {@code indent}. */
    public static List<String> matrix(List<List<String>> rows, String indent) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] width = new int[columns];
        for (List<String> row : rows) {
            for (int j = 0; j < row.size(); j++) {
                width[j] = Math.max(width[j], row.get(j).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder(indent).append("[ ");
            for (int j = 0; j < row.size(); j++) {
                String cell = row.get(j);
                line.append(cell);
                if (j < row.size() - 1) {
                    line.append(" ".repeat(width[j] - cell.length() + 2));
                }
            }
            line.append(" ".repeat(row.isEmpty() ? 0 : width[row.size() - 1] - row.get(row.size() - 1).length()));
            lines.add(line.append(" ]").toString());
        }
        return lines;
    }

    /** The cells of a numeric matrix, {@link Numbers#format(double) formatted}. */
    public static List<List<String>> cells(double[][] m) {
        List<List<String>> rows = new ArrayList<>();
        for (double[] row : m) {
            List<String> cells = new ArrayList<>();
            for (double x : row) {
                cells.add(Numbers.format(x));
            }
            rows.add(cells);
        }
        return rows;
    }

    /** {@code \left( a, b \right)}. */
    public static String latexTuple(List<String> items) {
        return "\\left( " + String.join(", ", items) + " \\right)";
    }

    /** {@code \begin{pmatrix} a & b \\ c & d \end{pmatrix}}. */
    public static String latexMatrix(List<List<String>> rows) {
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
            lines.add(String.join(" & ", row));
        }
        return "\\begin{pmatrix} " + String.join(" \\\\ ", lines) + " \\end{pmatrix}";
    }

    /** A number in LaTeX: {@code 1.5e-7} becomes {@code 1.5 \times 10^{-7}}. */
    public static String latexNumber(double x) {
        return Decimals.latex(Numbers.format(x));
    }

    /** Numbers formatted as LaTeX. */
    public static List<String> latexNumbers(double[] v) {
        List<String> items = new ArrayList<>();
        for (double x : v) {
            items.add(latexNumber(x));
        }
        return items;
    }

    /** The dot product written out term by term: {@code 1.3·1 + 4.5·(-2)}; negative factors in parentheses. */
    public static String writtenDot(double[] a, double[] b) {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            terms.add(factor(a[i]) + "·" + factor(b[i]));
        }
        return terms.isEmpty() ? "0" : String.join(" + ", terms);
    }

    private static String factor(double x) {
        String s = Numbers.format(x);
        return s.startsWith("-") ? "(" + s + ")" : s;
    }

    /** Numbers formatted as plain text. */
    public static List<String> numbers(double[] v) {
        List<String> items = new ArrayList<>();
        for (double x : v) {
            items.add(Numbers.format(x));
        }
        return items;
    }
}
