package dev.nabla.core.ad;

import java.util.Objects;

/** The {@link Reals.Window} views used by {@link Reals#windowSum}: one object per call, moved along x. */
final class Windows {
    private Windows() {
    }

    /** The number of windows i = 0, s, 2s, … with i + w ≤ n. */
    static int count(int n, int width, int stride) {
        return n < width ? 0 : (n - width) / stride + 1;
    }

    /** The entries of x themselves (any context): the operation-by-operation expansion. */
    static final class Entries implements Reals.Window {
        private final Real[] x;
        private final int width;
        int start;

        Entries(Real[] x, int width) {
            this.x = x;
            this.width = width;
        }

        @Override
        public Real get(int k) {
            return x[start + Objects.checkIndex(k, width)];
        }

        @Override
        public int start() {
            return start;
        }
    }

    /** Dual numbers (x_j, ẋ_j) of a forward context, made from flat arrays on demand. */
    static final class Tangents implements Reals.Window {
        private final double[] values;
        private final double[] tangents;
        private final int width;
        private final Context ctx;
        int start;

        Tangents(double[] values, double[] tangents, int width, Context ctx) {
            this.values = values;
            this.tangents = tangents;
            this.width = width;
            this.ctx = ctx;
        }

        @Override
        public Real get(int k) {
            int j = start + Objects.checkIndex(k, width);
            return new Dual(values[j], tangents[j], ctx);
        }

        @Override
        public int start() {
            return start;
        }
    }

    /**
     * Local numbers whose four tangent lanes are seeded with the unit vectors of window entries 0 … 3: one pass
     * gives ∂term/∂x_{start … start+3}. The seeds depend only on k, which is a constant where a term calls
     * {@code w.get(0)}, so the compiler folds them (and drops lanes past the window's width).
     */
    static class Seeded implements Reals.Window {
        final double[] values;
        final int width;
        final LocalContext ctx;
        int start;

        Seeded(double[] values, int width, LocalContext ctx) {
            this.values = values;
            this.width = width;
            this.ctx = ctx;
        }

        @Override
        public Real get(int k) {
            return seeded(values[start + Objects.checkIndex(k, width)], k);
        }

        /** x with the unit tangent of lane j (no lane if j is outside 0 … 3). */
        final LocalDual seeded(double x, int j) {
            return new LocalDual(x, j == 0 ? 1 : 0, j == 1 ? 1 : 0, j == 2 ? 1 : 0, j == 3 ? 1 : 0, ctx);
        }

        @Override
        public int start() {
            return start;
        }
    }

    /** As {@link Seeded}, for window entries lane … lane + 3 (windows wider than four take several passes). */
    static final class SeededFrom extends Seeded {
        private final int lane;

        SeededFrom(double[] values, int width, LocalContext ctx, int lane) {
            super(values, width, ctx);
            this.lane = lane;
        }

        @Override
        public Real get(int k) {
            return seeded(values[start + Objects.checkIndex(k, width)], k - lane);
        }
    }
}
