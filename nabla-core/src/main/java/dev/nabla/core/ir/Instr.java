package dev.nabla.core.ir;

import dev.nabla.core.prim.Primitive;

/**
 * One instruction of a {@link Program} (static single assignment: each value id is assigned once).
 *
 * @param kind  what it does
 * @param prim  the primitive of APPLY and PARTIAL
 * @param out   the value assigned (−1 for ACCUM and STORE; LOOP assigns {@link Loop#outs})
 * @param args  operand value ids: APPLY a[, b]; PARTIAL a, b (−1 for unary), v; ACCUM and STORE the value
 * @param aux   PARTIAL: which partial (0 = ∂/∂a, 1 = ∂/∂b); COUNTER: the loop counter read
 * @param array READ, ACCUM, STORE: the array (index into {@link Program#arrays})
 * @param index READ, ACCUM, STORE: the element
 * @param loop  LOOP: the loop
 */
public record Instr(Kind kind, Primitive prim, int out, int[] args, int aux, int array, Affine index, Loop loop) {

    /** The kinds of instruction. */
    public enum Kind {
        /** out = (double) counter #aux. */
        COUNTER,
        /** out = arrays[array][index]. */
        READ,
        /** out = prim(args[0]) or prim(args[0], args[1]), as {@link Primitive#value}. */
        APPLY,
        /** out = ∂prim/∂(a or b) at (a, b) with value v, by the table's rule on doubles (kink conventions included). */
        PARTIAL,
        /** arrays[array][index] += args[0]. */
        ACCUM,
        /** arrays[array][index] = args[0]. */
        STORE,
        /** a nested loop. */
        LOOP
    }

    static Instr counter(int out, int counter) {
        return new Instr(Kind.COUNTER, null, out, new int[0], counter, -1, null, null);
    }

    static Instr read(int out, int array, Affine index) {
        return new Instr(Kind.READ, null, out, new int[0], 0, array, index, null);
    }

    static Instr apply(int out, Primitive p, int... args) {
        return new Instr(Kind.APPLY, p, out, args, 0, -1, null, null);
    }

    static Instr partial(int out, Primitive p, int i, int a, int b, int v) {
        return new Instr(Kind.PARTIAL, p, out, new int[] {a, b, v}, i, -1, null, null);
    }

    static Instr write(Kind kind, int array, Affine index, int value) {
        return new Instr(kind, null, -1, new int[] {value}, 0, array, index, null);
    }

    static Instr loop(Loop l) {
        return new Instr(Kind.LOOP, null, -1, new int[0], 0, -1, null, l);
    }

    /** True for instructions with an effect beyond their value (ACCUM, STORE). */
    public boolean hasEffect() {
        return kind == Kind.ACCUM || kind == Kind.STORE;
    }
}
