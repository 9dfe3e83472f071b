package dev.nabla.core.ad;

import java.util.Objects;

/** The {@link Reals.Window} views used by {@link Reals#windowSum}: one object per call, moved along x. */
final class Windows {
    private Windows() {
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
     * Local numbers whose four tangent lanes are seeded with the unit vectors of entries lane, lane + 1, …,
     * lane + 3 (entries beyond the window get no lane): one pass gives ∂term/∂x_{start+lane … start+lane+3}.
     */
    static final class Seeded implements Reals.Window {
        private final double[] values;
        private final int width;
        private final LocalContext ctx;
        int start;
        int lane;

        Seeded(double[] values, int width, LocalContext ctx) {
            this.values = values;
            this.width = width;
            this.ctx = ctx;
        }

        @Override
        public Real get(int k) {
            double x = values[start + Objects.checkIndex(k, width)];
            int j = k - lane;
            return new LocalDual(x, j == 0 ? 1 : 0, j == 1 ? 1 : 0, j == 2 ? 1 : 0, j == 3 ? 1 : 0, ctx);
        }

        @Override
        public int start() {
            return start;
        }
    }
}
