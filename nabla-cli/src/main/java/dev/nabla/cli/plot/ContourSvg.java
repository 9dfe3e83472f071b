package dev.nabla.cli.plot;

import dev.nabla.core.field.ScalarField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An SVG contour map of a 2-D field with a path drawn on it. The field is sampled on a regular grid over a
 * window; contour lines are traced by marching squares (each grid cell's corners above/below a level give one
 * of 16 cases, edge crossings by linear interpolation, the two saddle cases resolved by the cell's centre
 * value); levels sit at quantiles of the sampled values so that steep fields (Rosenbrock) still show their
 * valley. Points where the field is undefined (a {@link ArithmeticException}) or not finite are left blank.
 */
public final class ContourSvg {
    private static final int SIZE = 600;
    private static final int MARGIN = 50;

    private ContourSvg() {
    }

    /**
     * The window [xmin, xmax] × [ymin, ymax] around the points, padded by 15 % of the larger side (at least 0.5
     * when all points coincide).
     */
    public static double[] window(List<double[]> points) {
        double xmin = Double.POSITIVE_INFINITY;
        double xmax = Double.NEGATIVE_INFINITY;
        double ymin = Double.POSITIVE_INFINITY;
        double ymax = Double.NEGATIVE_INFINITY;
        for (double[] p : points) {
            if (Double.isFinite(p[0]) && Double.isFinite(p[1])) {
                xmin = Math.min(xmin, p[0]);
                xmax = Math.max(xmax, p[0]);
                ymin = Math.min(ymin, p[1]);
                ymax = Math.max(ymax, p[1]);
            }
        }
        double side = Math.max(xmax - xmin, ymax - ymin);
        double pad = side > 0 ? 0.15 * side : 0.5;
        double cx = (xmin + xmax) / 2;
        double cy = (ymin + ymax) / 2;
        double half = side / 2 + pad;
        return new double[] {cx - half, cx + half, cy - half, cy + half};
    }

    /**
     * Renders the map.
     *
     * @param f          the field f(x, y)
     * @param window     {xmin, xmax, ymin, ymax}
     * @param grid       samples per side (≥ 2)
     * @param levels     number of contour levels
     * @param path       the points of the path, drawn as a polyline from the first (green) to the last (black)
     * @param title      a caption (escaped)
     * @param axisLabels names of the two variables
     */
    public static String render(ScalarField f, double[] window, int grid, int levels, List<double[]> path, String title,
                                List<String> axisLabels) {
        double[][] z = sample(f, window, grid);
        double[] contourLevels = quantileLevels(z, levels);
        StringBuilder svg = new StringBuilder();
        int total = SIZE + 2 * MARGIN;
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                total, total, total, total));
        svg.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"white\"/>%n", total, total));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"14\">%s</text>%n",
                total / 2, MARGIN / 2 + 5, escape(title)));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>%n",
                MARGIN, MARGIN, SIZE, SIZE));
        for (int k = 0; k < contourLevels.length; k++) {
            double t = contourLevels.length == 1 ? 0 : (double) k / (contourLevels.length - 1);
            svg.append("<path fill=\"none\" stroke-width=\"1\" stroke=\"").append(colour(t)).append("\" d=\"");
            for (double[] s : segments(z, contourLevels[k])) {
                svg.append(String.format(Locale.ROOT, "M%.2f %.2fL%.2f %.2f", px(s[0], grid), py(s[1], grid),
                        px(s[2], grid), py(s[3], grid)));
            }
            svg.append("\"><title>f = ").append(String.format(Locale.ROOT, "%.6g", contourLevels[k])).append("</title></path>\n");
        }
        axes(svg, window, axisLabels);
        if (!path.isEmpty()) {
            StringBuilder points = new StringBuilder();
            for (double[] p : path) {
                double[] s = toScreen(p, window);
                if (s != null) {
                    points.append(String.format(Locale.ROOT, "%.2f,%.2f ", s[0], s[1]));
                }
            }
            svg.append("<polyline fill=\"none\" stroke=\"#d62728\" stroke-width=\"1.5\" points=\"").append(points.toString().strip())
                    .append("\"/>\n");
            marker(svg, toScreen(path.get(0), window), "#2ca02c", "start");
            marker(svg, toScreen(path.get(path.size() - 1), window), "black", "end");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static double[][] sample(ScalarField f, double[] w, int grid) {
        if (grid < 2 || grid > 1000) {
            throw new IllegalArgumentException("grid must be in 2..1000, got " + grid);
        }
        double[][] z = new double[grid][grid];
        for (int i = 0; i < grid; i++) {
            for (int j = 0; j < grid; j++) {
                double x = w[0] + (w[1] - w[0]) * i / (grid - 1);
                double y = w[2] + (w[3] - w[2]) * j / (grid - 1);
                double v;
                try {
                    v = f.value(new double[] {x, y});
                } catch (ArithmeticException undefined) {
                    v = Double.NaN;
                }
                z[i][j] = Double.isFinite(v) ? v : Double.NaN;
            }
        }
        return z;
    }

    /** Levels at the quantiles (k + 0.5)/n of the finite sampled values, duplicates removed. */
    static double[] quantileLevels(double[][] z, int n) {
        double[] values = Arrays.stream(z).flatMapToDouble(Arrays::stream).filter(Double::isFinite).sorted().toArray();
        if (values.length == 0 || n < 1) {
            return new double[0];
        }
        return java.util.stream.IntStream.range(0, n)
                .mapToDouble(k -> values[(int) Math.min(values.length - 1, Math.floor((k + 0.5) / n * values.length))])
                .distinct().toArray();
    }

    /** Marching squares: the contour segments of level c in grid coordinates {i0, j0, i1, j1}. */
    static List<double[]> segments(double[][] z, double c) {
        List<double[]> out = new ArrayList<>();
        int n = z.length;
        for (int i = 0; i + 1 < n; i++) {
            for (int j = 0; j + 1 < n; j++) {
                double a = z[i][j];
                double b = z[i + 1][j];
                double d = z[i + 1][j + 1];
                double e = z[i][j + 1];
                if (Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(d) || Double.isNaN(e)) {
                    continue;
                }
                int index = (a > c ? 1 : 0) | (b > c ? 2 : 0) | (d > c ? 4 : 0) | (e > c ? 8 : 0);
                if (index == 0 || index == 15) {
                    continue;
                }
                // edge crossings: bottom (a-b), right (b-d), top (e-d), left (a-e)
                double[] bottom = {i + t(a, b, c), j};
                double[] right = {i + 1, j + t(b, d, c)};
                double[] top = {i + t(e, d, c), j + 1};
                double[] left = {i, j + t(a, e, c)};
                boolean centreAbove = (a + b + d + e) / 4 > c;
                switch (index) {
                    case 1, 14 -> out.add(seg(left, bottom));
                    case 2, 13 -> out.add(seg(bottom, right));
                    case 3, 12 -> out.add(seg(left, right));
                    case 4, 11 -> out.add(seg(right, top));
                    case 6, 9 -> out.add(seg(bottom, top));
                    case 7, 8 -> out.add(seg(left, top));
                    case 5 -> {
                        if (centreAbove) {
                            out.add(seg(left, top));
                            out.add(seg(bottom, right));
                        } else {
                            out.add(seg(left, bottom));
                            out.add(seg(right, top));
                        }
                    }
                    case 10 -> {
                        if (centreAbove) {
                            out.add(seg(left, bottom));
                            out.add(seg(right, top));
                        } else {
                            out.add(seg(left, top));
                            out.add(seg(bottom, right));
                        }
                    }
                    default -> throw new AssertionError(index);
                }
            }
        }
        return out;
    }

    private static double t(double p, double q, double c) {
        return p == q ? 0.5 : (c - p) / (q - p);
    }

    private static double[] seg(double[] p, double[] q) {
        return new double[] {p[0], p[1], q[0], q[1]};
    }

    private static double px(double i, int grid) {
        return MARGIN + SIZE * i / (grid - 1);
    }

    private static double py(double j, int grid) {
        return MARGIN + SIZE - SIZE * j / (grid - 1);
    }

    private static double[] toScreen(double[] p, double[] w) {
        if (!Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
            return null;
        }
        return new double[] {MARGIN + SIZE * (p[0] - w[0]) / (w[1] - w[0]), MARGIN + SIZE - SIZE * (p[1] - w[2]) / (w[3] - w[2])};
    }

    private static void marker(StringBuilder svg, double[] s, String colour, String label) {
        if (s != null) {
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"4\" fill=\"%s\"><title>%s</title></circle>%n",
                    s[0], s[1], colour, label));
        }
    }

    private static void axes(StringBuilder svg, double[] w, List<String> labels) {
        int bottom = MARGIN + SIZE;
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"start\">%s</text>%n", MARGIN, bottom + 18, num(w[0])));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", MARGIN + SIZE, bottom + 18, num(w[1])));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", MARGIN + SIZE / 2, bottom + 35,
                escape(labels.get(0))));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", MARGIN - 4, bottom, num(w[2])));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", MARGIN - 4, MARGIN + 10, num(w[3])));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", MARGIN / 2 - 5, MARGIN + SIZE / 2,
                escape(labels.get(1))));
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** Blue (low) to red (high). */
    private static String colour(double t) {
        int r = (int) Math.round(40 + 200 * t);
        int b = (int) Math.round(220 - 180 * t);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, 90, b);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
