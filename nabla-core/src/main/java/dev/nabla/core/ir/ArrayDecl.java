package dev.nabla.core.ir;

/** An array a {@link Program} reads or writes: its role and its length. */
public record ArrayDecl(Role role, int length) {

    /** What an array holds. */
    public enum Role {
        /** The point x (read). */
        INPUT,
        /** A direction v (read), for forward mode. */
        DIRECTION,
        /** Cotangents w of the outputs (read), for reverse mode of several outputs. */
        COTANGENT,
        /** Constant data captured by the function (read; its values are not part of the program's shape). */
        CONSTANT,
        /** The gradient or VJP being accumulated (the caller zeroes it). */
        GRADIENT,
        /**
         * The directional derivative D_v of an accumulated gradient, accumulated (the caller zeroes it): the
         * Hessian-vector product H v in the forward-mode program of a gradient program.
         */
        GRADIENT_TANGENT,
        /**
         * Scratch, written and read by the program: a materialised vector ({@link Vec#tabulate}), the carries and
         * saved values a reverse sweep stores, adjoints and tangents of materialised vectors.
         */
        BUFFER
    }
}
