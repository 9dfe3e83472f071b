package dev.nabla.core.transform;

import dev.nabla.core.ir.Program;
import dev.nabla.core.ir.ProgramBuilder;

/** Simplifications of a program: dead code, common subexpressions (with the builder's folding of constants). */
public final class Simplify {
    private Simplify() {
    }

    /**
     * p without the instructions, loop carries and buffers its outputs and gradient accumulations do not need;
     * rebuilt through a {@link ProgramBuilder}, so also folded and with common subexpressions shared.
     */
    public static Program eliminateDeadCode(Program p) {
        Liveness live = new Liveness(p);
        ProgramBuilder b = new ProgramBuilder();
        Emit e = new Emit(p, b, live::arrayUsed);
        e.copyLive(p.body(), live);
        return build(p, e);
    }

    /** p rebuilt instruction by instruction: equal instructions on equal operands become one, constants fold. */
    public static Program shareCommonSubexpressions(Program p) {
        ProgramBuilder b = new ProgramBuilder();
        Emit e = new Emit(p, b);
        e.copy(p.body());
        return build(p, e);
    }

    private static Program build(Program p, Emit e) {
        int[] out = new int[p.outputs().length];
        for (int k = 0; k < out.length; k++) {
            out[k] = e.v(p.outputs()[k]);
        }
        return e.b.build(p.dimension(), out);
    }
}
