package dev.nabla.core.ir;

import dev.nabla.core.prim.Primitive;

import java.util.List;

/**
 * A traced array program: a flat static-single-assignment list of primitive applications from the table
 * ({@link Primitive}) over scalar values and dense arrays, with loops kept as loops (their body recorded once,
 * so a program's size does not grow with trip counts). Values are numbered 0 … {@link #values()} − 1; the
 * scalar constants are bound before the first instruction (value {@code constantIds[j]} = {@code constants[j]});
 * arrays are read and written by element. Built by {@link Trace} or by a transformation through
 * {@link ProgramBuilder}; immutable.
 *
 * <p>Two programs have the same {@link #shape()} when they do the same operations on arrays of the same
 * lengths, whatever their scalar constants and constant data: compiled code is shared by shape, and the
 * constants are passed in at each call.
 */
public final class Program {
    private final int dimension;
    private final List<ArrayDecl> arrays;
    private final double[][] data;
    private final int[] constantIds;
    private final double[] constants;
    private final Block body;
    private final int[] outputs;
    private final int values;
    private final int counters;
    private String shape;

    Program(int dimension, List<ArrayDecl> arrays, double[][] data, int[] constantIds, double[] constants,
            Block body, int[] outputs, int values, int counters) {
        this.dimension = dimension;
        this.arrays = List.copyOf(arrays);
        this.data = data;
        this.constantIds = constantIds;
        this.constants = constants;
        this.body = body;
        this.outputs = outputs;
        this.values = values;
        this.counters = counters;
    }

    /** n, the length of the input x (array 0). */
    public int dimension() {
        return dimension;
    }

    public List<ArrayDecl> arrays() {
        return arrays;
    }

    /** The data of CONSTANT array a (null for the others); not to be modified. */
    public double[] data(int a) {
        return data[a];
    }

    /** The value ids the scalar constants are bound to; not to be modified. */
    public int[] constantIds() {
        return constantIds;
    }

    /** The scalar constants; not to be modified. */
    public double[] constants() {
        return constants;
    }

    public Block body() {
        return body;
    }

    /** The value ids of the scalar outputs; not to be modified. */
    public int[] outputs() {
        return outputs;
    }

    /** The number of value ids. */
    public int values() {
        return values;
    }

    /** The number of loop counters. */
    public int counters() {
        return counters;
    }

    /** The first array of the given role, or −1. */
    public int arrayOf(ArrayDecl.Role role) {
        for (int a = 0; a < arrays.size(); a++) {
            if (arrays.get(a).role() == role) {
                return a;
            }
        }
        return -1;
    }

    /** The number of instructions, counting each loop body once. */
    public int size() {
        return size(body);
    }

    private static int size(Block b) {
        int s = 0;
        for (Instr i : b.instrs()) {
            s += 1 + (i.loop() != null ? size(i.loop().body()) : 0);
        }
        return s;
    }

    /** The program's text without its constants' values: equal for programs that can share compiled code. */
    public String shape() {
        if (shape == null) {
            shape = print(false);
        }
        return shape;
    }

    /** The program as text, one instruction a line, for debugging. */
    @Override
    public String toString() {
        return print(true);
    }

    private String print(boolean withConstants) {
        StringBuilder s = new StringBuilder("program(n = " + dimension + ")");
        for (int a = 0; a < arrays.size(); a++) {
            s.append(a == 0 ? " arrays " : ", ").append('a').append(a).append(':')
                    .append(arrays.get(a).role().name().toLowerCase(java.util.Locale.ROOT)).append('[')
                    .append(arrays.get(a).length()).append(']');
        }
        s.append(" {\n");
        for (int j = 0; j < constantIds.length; j++) {
            s.append("  %").append(constantIds[j]).append(" = k").append(j);
            if (withConstants) {
                s.append(" (").append(Primitive.format(constants[j])).append(')');
            }
            s.append('\n');
        }
        print(s, body, "  ");
        s.append("  return");
        for (int o : outputs) {
            s.append(" %").append(o);
        }
        return s.append("\n}").toString();
    }

    private static void print(StringBuilder s, Block b, String indent) {
        for (Instr i : b.instrs()) {
            s.append(indent);
            switch (i.kind()) {
                case COUNTER -> s.append('%').append(i.out()).append(" = i").append(i.aux());
                case READ -> s.append('%').append(i.out()).append(" = a").append(i.array()).append('[')
                        .append(i.index()).append(']');
                case APPLY -> {
                    s.append('%').append(i.out()).append(" = ").append(i.prim());
                    for (int a : i.args()) {
                        s.append(" %").append(a);
                    }
                }
                case PARTIAL -> s.append('%').append(i.out()).append(" = d").append(i.prim()).append('/')
                        .append(i.aux() == 0 ? "da" : "db").append(" %").append(i.args()[0])
                        .append(i.args()[1] < 0 ? "" : " %" + i.args()[1]).append(" %").append(i.args()[2]);
                case ACCUM, STORE -> s.append('a').append(i.array()).append('[').append(i.index()).append(']')
                        .append(i.kind() == Instr.Kind.ACCUM ? " += %" : " = %").append(i.args()[0]);
                case LOOP -> {
                    Loop l = i.loop();
                    s.append("loop i").append(l.counter()).append(" in [").append(l.from()).append(", ")
                            .append(l.to()).append(l.descending() ? ") descending" : ")");
                    for (int k = 0; k < l.params().length; k++) {
                        s.append(k == 0 ? " carry " : ", ").append('%').append(l.params()[k]).append(" <- %")
                                .append(l.init()[k]);
                    }
                    s.append(" {\n");
                    print(s, l.body(), indent + "  ");
                    s.append(indent).append("  next");
                    for (int r : l.results()) {
                        s.append(" %").append(r);
                    }
                    s.append('\n').append(indent).append('}');
                    for (int k = 0; k < l.outs().length; k++) {
                        s.append(k == 0 ? " -> " : ", ").append('%').append(l.outs()[k]);
                    }
                }
                default -> throw new AssertionError(i.kind());
            }
            s.append('\n');
        }
    }
}
