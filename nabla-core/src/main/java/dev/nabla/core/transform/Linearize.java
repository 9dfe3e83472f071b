package dev.nabla.core.transform;

import dev.nabla.core.ir.ProgramBuilder;
import dev.nabla.core.prim.Algebra;
import dev.nabla.core.prim.Primitive;

/**
 * The linearisation of one primitive application v = p(a, b): its partials ∂p/∂a, ∂p/∂b emitted as program
 * values, from the table. Smooth primitives use the generic rule {@link Primitive#partial(Algebra, int, Object,
 * Object, Object)} over the program being built (so a partial is itself a program, folded where constant);
 * primitives with kinks emit {@link dev.nabla.core.ir.Instr.Kind#PARTIAL}, the table's double rule with its
 * kink conventions. Forward mode multiplies tangents by these partials, reverse mode transposes the same products:
 * one set of rules.
 */
final class Linearize {
    private Linearize() {
    }

    /** ∂p/∂(a if i = 0, else b) at (a, b) with value v; b = −1 for a unary p. */
    static int partial(ProgramBuilder b, Primitive p, int i, int a, int bArg, int v) {
        if (p.hasKinks()) {
            return b.partial(p, i, a, bArg, v);
        }
        return p.partial(new Values(b), i, a, bArg < 0 ? null : bArg, v);
    }

    /**
     * ∂²p/∂(a or b)∂(a or b) at (a, b) with value v, from the table's generic second-order rule over the program
     * being built: the derivative of a PARTIAL instruction, for forward mode over a gradient program.
     */
    static int second(ProgramBuilder b, Primitive p, int i, int j, int a, int bArg, int v) {
        return p.second(new Values(b), i, j, a, bArg < 0 ? null : bArg, v);
    }

    /** acc + partial · t, with a zero partial or a zero t contributing nothing (acc = −1: nothing yet). */
    static int mulAdd(ProgramBuilder b, int acc, int partial, int t) {
        if (b.isConstant(partial, 0) || b.isConstant(partial, -0.0) || b.isConstant(t, 0)) {
            return acc;
        }
        int term = b.isConstant(partial, -1) ? b.apply(Primitive.NEGATE, t) : b.apply(Primitive.MULTIPLY, partial, t);
        return acc < 0 ? term : b.apply(Primitive.ADD, acc, term);
    }

    /** The program's values as the algebra the table's rules compute in. */
    private record Values(ProgramBuilder b) implements Algebra<Integer> {
        @Override
        public Integer constant(double c) {
            return b.constant(c);
        }

        @Override
        public Integer add(Integer x, Integer y) {
            return b.apply(Primitive.ADD, x, y);
        }

        @Override
        public Integer subtract(Integer x, Integer y) {
            return b.apply(Primitive.SUBTRACT, x, y);
        }

        @Override
        public Integer multiply(Integer x, Integer y) {
            return b.apply(Primitive.MULTIPLY, x, y);
        }

        @Override
        public Integer divide(Integer x, Integer y) {
            return b.apply(Primitive.DIVIDE, x, y);
        }

        @Override
        public Integer negate(Integer x) {
            return b.apply(Primitive.NEGATE, x);
        }

        @Override
        public Integer apply(Primitive p, Integer x) {
            return b.apply(p, x);
        }

        @Override
        public Integer apply(Primitive p, Integer x, Integer y) {
            return b.apply(p, x, y);
        }

        @Override
        public Integer ifAtLeast(Integer x, Integer y, Integer then, Integer otherwise) {
            throw new AssertionError("selections belong to primitives with kinks, linearised by PARTIAL");
        }
    }
}
