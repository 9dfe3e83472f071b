package dev.nabla.cli.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Points and vectors as typed on the command line.
 *
 * <p>A point is {@code x=0.7,y=1.2} (every variable named once, any order) or {@code 0.7,1.2} (values in
 * variable order); a vector is {@code 1,-2}. Components are {@link Numbers#parse numbers or constant
 * expressions} ({@code pi/4}); commas inside parentheses do not split ({@code atan2(1,2)}).
 */
public final class Points {
    private Points() {
    }

    /**
     * The point named by {@code text} for a field with these variables.
     *
     * @param text      the {@code --at} value, or null when the option was not given
     * @param variables the field's variables, in order
     * @throws UsageException for an unknown, repeated or missing variable, or the wrong number of values
     */
    public static double[] point(String text, List<String> variables) {
        if (text == null) {
            if (variables.isEmpty()) {
                return new double[0];
            }
            throw new UsageException("missing --at: give a value for " + String.join(", ", variables)
                    + ", e.g. --at " + example(variables));
        }
        List<String> items = texts(text, variables);
        boolean named = text.contains("=");
        double[] x = new double[items.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = Numbers.parse(items.get(i), named ? "--at " + variables.get(i) : "--at");
        }
        return x;
    }

    /**
     * The coordinates of the point named by {@code text} as typed ({@code 1e-8}, {@code pi/4}), in variable order.
     *
     * @throws UsageException for an unknown, repeated or missing variable, or the wrong number of values
     */
    public static List<String> texts(String text, List<String> variables) {
        List<String> items = split(text);
        boolean named = items.stream().anyMatch(item -> item.contains("="));
        if (!named) {
            if (items.size() != variables.size()) {
                throw new UsageException("--at has " + items.size() + " value" + (items.size() == 1 ? "" : "s")
                        + " but the variables are (" + String.join(", ", variables) + "): give "
                        + variables.size() + ", e.g. --at " + example(variables));
            }
            return items;
        }
        String[] x = new String[variables.size()];
        for (String item : items) {
            int eq = item.indexOf('=');
            if (eq < 0) {
                throw new UsageException("--at mixes named and unnamed values: '" + item
                        + "' has no name; write " + example(variables));
            }
            String name = item.substring(0, eq).strip();
            int i = variables.indexOf(name);
            if (i < 0) {
                throw new UsageException("unknown variable '" + name + "' in --at: the variables are "
                        + (variables.isEmpty() ? "none" : String.join(", ", variables)));
            }
            if (x[i] != null) {
                throw new UsageException("variable '" + name + "' given twice in --at");
            }
            x[i] = item.substring(eq + 1);
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null) {
                throw new UsageException("missing value for '" + variables.get(i) + "' in --at");
            }
        }
        return List.of(x);
    }

    /** The components of a vector such as {@code 1,-2}. */
    public static double[] vector(String text, String what) {
        List<String> items = split(text);
        double[] v = new double[items.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = Numbers.parse(items.get(i), what);
        }
        return v;
    }

    /**
     * Checks that a vector has one component per variable.
     *
     * @throws UsageException naming the option, the lengths and the variables
     */
    public static double[] requireLength(double[] v, List<String> variables, String option) {
        if (v.length != variables.size()) {
            throw new UsageException(option + " has " + v.length + " component" + (v.length == 1 ? "" : "s")
                    + " but the variables are (" + String.join(", ", variables) + "): give " + variables.size());
        }
        return v;
    }

    /** {@code (x, y) = (0.7, 1.2)}, or {@code ()} for a field of no variables. */
    public static String describe(List<String> variables, double[] x) {
        if (variables.size() == 1) {
            return variables.get(0) + " = " + Numbers.format(x[0]);
        }
        return "(" + String.join(", ", variables) + ") = " + Numbers.format(x);
    }

    /** Splits at commas outside parentheses, trimming each item. */
    public static List<String> split(String text) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                items.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        items.add(text.substring(start).strip());
        return items;
    }

    private static String example(List<String> variables) {
        String[] parts = new String[variables.size()];
        Arrays.setAll(parts, i -> variables.get(i) + "=" + (i + 1));
        return String.join(",", parts);
    }
}
