package dev.nabla.core.ir;

import java.util.Arrays;

/**
 * An array index offset + Σ coef_k · i_k over the counters i_k of enclosing loops (numbered by {@link Loop#counter}).
 * Immutable.
 */
public record Affine(int offset, int[] counters, int[] coefs) {
    private static final int[] NONE = {};

    /** The constant index c. */
    public static Affine constant(int c) {
        return new Affine(c, NONE, NONE);
    }

    /** The counter of loop {@code counter}. */
    public static Affine counter(int counter) {
        return new Affine(0, new int[] {counter}, new int[] {1});
    }

    public boolean isConstant() {
        return counters.length == 0;
    }

    public Affine plus(int k) {
        return new Affine(offset + k, counters, coefs);
    }

    public Affine times(int c) {
        int[] k = coefs.clone();
        for (int i = 0; i < k.length; i++) {
            k[i] *= c;
        }
        return new Affine(offset * c, counters, k);
    }

    public Affine plus(Affine o) {
        int[] cs = Arrays.copyOf(counters, counters.length + o.counters.length);
        int[] ks = Arrays.copyOf(coefs, coefs.length + o.coefs.length);
        int n = counters.length;
        for (int j = 0; j < o.counters.length; j++) {
            int at = indexOf(cs, n, o.counters[j]);
            if (at >= 0) {
                ks[at] += o.coefs[j];
            } else {
                cs[n] = o.counters[j];
                ks[n++] = o.coefs[j];
            }
        }
        return new Affine(offset + o.offset, Arrays.copyOf(cs, n), Arrays.copyOf(ks, n));
    }

    private static int indexOf(int[] a, int n, int v) {
        for (int i = 0; i < n; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }

    /** This index with counter numbers renamed by map (old → new). */
    public Affine rename(int[] map) {
        int[] cs = new int[counters.length];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = map[counters[i]];
        }
        return new Affine(offset, cs, coefs);
    }

    /** The index for the counters' current values. */
    public int at(int[] counterValues) {
        int v = offset;
        for (int i = 0; i < counters.length; i++) {
            v += coefs[i] * counterValues[counters[i]];
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Affine a && a.offset == offset && Arrays.equals(a.counters, counters)
                && Arrays.equals(a.coefs, coefs);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * offset + Arrays.hashCode(counters)) + Arrays.hashCode(coefs);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < counters.length; i++) {
            if (s.length() > 0) {
                s.append(" + ");
            }
            s.append(coefs[i] == 1 ? "" : coefs[i] + "*").append('i').append(counters[i]);
        }
        if (offset != 0 || s.length() == 0) {
            s.append(s.length() == 0 ? "" : offset < 0 ? " - " : " + ").append(s.length() == 0 ? offset : Math.abs(offset));
        }
        return s.toString();
    }
}
