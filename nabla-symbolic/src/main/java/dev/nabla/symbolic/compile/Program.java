package dev.nabla.symbolic.compile;

import dev.nabla.symbolic.expr.Expr;
import dev.nabla.symbolic.expr.Function;
import dev.nabla.symbolic.print.PlainPrinter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A flat straight-line program computing several expressions: instructions of four ints
 * {@code (opcode, destination, a, b)} over a {@code double[]} register file whose first registers hold the
 * constants. Every shared node is computed once; {@code if} compiles to a conditional jump so only the branch
 * taken runs (nodes first computed inside a branch are not reused outside it). Products accumulate by
 * multiplication and division ({@code x*y^-1} is one division), squares are one multiplication.
 *
 * <p>Two flags are raised while running: {@code kink} when a non-smooth primitive meets its switching
 * surface (abs or sign at 0, a min/max tie, hypot at 0, a comparison that holds with equality), and
 * {@code nan} when a comparison sees NaN or atan2 is evaluated at (0, 0) (every other domain error shows as a
 * non-finite result). Immutable; {@link #run} works on caller-owned registers.
 */
public final class Program {
    static final int VAR = 0;
    static final int ADD = 1;
    static final int MUL = 2;
    static final int DIV = 3;
    static final int SQUARE = 4;
    static final int POW = 5;
    static final int MOV = 6;
    static final int JUMP_IF_FALSE = 7;
    static final int JUMP = 8;
    static final int NOT = 9;
    static final int AND = 10;
    static final int OR = 11;
    static final int CALL = 100;
    static final int COMPARE = 200;

    /** Flag: a non-smooth primitive met its switching surface. */
    public static final int KINK = 1;
    /** Flag: a comparison saw NaN, or atan2 was evaluated at (0, 0). */
    public static final int NAN = 2;

    private final int[] code;
    private final double[] initialRegisters;
    private final int[] outputs;

    private Program(int[] code, double[] initialRegisters, int[] outputs) {
        this.code = code;
        this.initialRegisters = initialRegisters;
        this.outputs = outputs;
    }

    /** The number of instructions. */
    public int length() {
        return code.length / 4;
    }

    /** A fresh register file: the constants loaded, the rest zero. */
    public double[] initialRegisters() {
        return initialRegisters.clone();
    }

    /** The register holding root k after {@link #run}. */
    public int output(int k) {
        return outputs[k];
    }

    /** Runs the program on x over registers from {@link #initialRegisters()}; returns the flags raised. */
    public int run(double[] x, double[] r) {
        int[] c = code;
        int flags = 0;
        int pc = 0;
        int end = c.length;
        while (pc < end) {
            int op = c[pc];
            int d = c[pc + 1];
            int a = c[pc + 2];
            int b = c[pc + 3];
            pc += 4;
            switch (op) {
                case VAR: r[d] = x[a]; break;
                case ADD: r[d] = r[a] + r[b]; break;
                case MUL: r[d] = r[a] * r[b]; break;
                case DIV: r[d] = r[a] / r[b]; break;
                case SQUARE: r[d] = r[a] * r[a]; break;
                case POW: r[d] = Math.pow(r[a], r[b]); break;
                case MOV: r[d] = r[a]; break;
                case JUMP_IF_FALSE: if (r[a] == 0) { pc = b; } break;
                case JUMP: pc = b; break;
                case NOT: r[d] = r[a] == 0 ? 1 : 0; break;
                case AND: r[d] = r[a] != 0 && r[b] != 0 ? 1 : 0; break;
                case OR: r[d] = r[a] != 0 || r[b] != 0 ? 1 : 0; break;
                default:
                    if (op >= COMPARE) {
                        double u = r[a];
                        double w = r[b];
                        if (u == w) {
                            flags |= KINK;
                        } else if (u != u || w != w) {
                            flags |= NAN;
                        }
                        r[d] = relation(op - COMPARE, u, w) ? 1 : 0;
                    } else {
                        Function f = FUNCTIONS[op - CALL];
                        double u = r[a];
                        double w = r[b];
                        if (f.primitive().hasKinks() && f.primitive().kink(u, w) != null) {
                            flags |= KINK;
                        }
                        if (f == Function.ATAN2 && u == 0 && w == 0) {
                            flags |= NAN; // the one domain error with a finite IEEE result
                        }
                        r[d] = f.apply(u, w);
                    }
            }
        }
        return flags;
    }

    private static final Function[] FUNCTIONS = Function.values();
    private static final dev.nabla.symbolic.expr.Relation[] RELATIONS = dev.nabla.symbolic.expr.Relation.values();

    private static boolean relation(int k, double u, double w) {
        return RELATIONS[k].holds(u, w);
    }

    /** Compiles the roots over the given variable order. */
    public static Program compile(List<Expr> roots, List<String> variables) {
        return new Compiler(variables).compile(roots);
    }

    private static final class Compiler {
        private final Map<String, Integer> variables = new java.util.HashMap<>();
        private final List<Double> constants = new ArrayList<>();
        private final Map<Double, Integer> constantRegister = new java.util.HashMap<>();
        private final Map<Expr, Integer> registers = new IdentityHashMap<>();
        private final List<Expr> scopeLog = new ArrayList<>();
        private int[] code = new int[64];
        private int length;
        private int nextRegister;

        Compiler(List<String> variables) {
            for (int k = 0; k < variables.size(); k++) {
                this.variables.put(variables.get(k), k);
            }
        }

        Program compile(List<Expr> roots) {
            // constants first, so that registers [0, constants) are preloaded
            for (Expr n : Expr.topologicalOrder(roots)) {
                if (n.kind() == Expr.Kind.NUMBER || n.kind() == Expr.Kind.CONSTANT) {
                    constant(n.number());
                } else if (n.kind() == Expr.Kind.SUM || n.kind() == Expr.Kind.PRODUCT) {
                    constant(n.number());
                }
            }
            constant(1);
            constant(0);
            nextRegister = constants.size();
            int[] outputs = new int[roots.size()];
            for (int k = 0; k < roots.size(); k++) {
                outputs[k] = emit(roots.get(k));
            }
            double[] init = new double[nextRegister];
            for (int i = 0; i < constants.size(); i++) {
                init[i] = constants.get(i);
            }
            return new Program(Arrays.copyOf(code, length), init, outputs);
        }

        private int constant(double v) {
            Integer r = constantRegister.get(v);
            if (r == null) {
                if (nextRegister > 0) {
                    throw new IllegalStateException("constant " + v + " was not collected before register allocation");
                }
                r = constants.size();
                constants.add(v);
                constantRegister.put(v, r);
            }
            return r;
        }

        private int instruction(int op, int d, int a, int b) {
            if (length + 4 > code.length) {
                code = Arrays.copyOf(code, code.length * 2);
            }
            code[length++] = op;
            code[length++] = d;
            code[length++] = a;
            code[length++] = b;
            return length - 4;
        }

        private int fresh() {
            return nextRegister++;
        }

        private int emit(Expr e) {
            Integer known = registers.get(e);
            if (known != null) {
                return known;
            }
            int d;
            switch (e.kind()) {
                case NUMBER: case CONSTANT:
                    return constant(e.number());
                case VARIABLE:
                    d = fresh();
                    instruction(VAR, d, variables.get(e.name()), 0);
                    break;
                case SUM: {
                    d = fresh();
                    List<Expr> terms = e.args();
                    instruction(ADD, d, emit(terms.get(0)), e.number() == 0 ? emit(terms.get(1)) : constant(e.number()));
                    for (int k = e.number() == 0 ? 2 : 1; k < terms.size(); k++) {
                        instruction(ADD, d, d, emit(terms.get(k)));
                    }
                    break;
                }
                case PRODUCT: {
                    d = fresh();
                    int acc = e.number() == 1 ? -1 : constant(e.number());
                    for (Expr f : e.args()) {
                        boolean reciprocal = PlainPrinter.isReciprocalOf(f) && f.arg(1).isNumber(-1);
                        int r = emit(reciprocal ? f.arg(0) : f);
                        if (acc < 0 && !reciprocal) {
                            acc = r;
                            continue;
                        }
                        instruction(reciprocal ? DIV : MUL, d, acc < 0 ? constant(1) : acc, r);
                        acc = d;
                    }
                    if (acc != d) {
                        instruction(MOV, d, acc, 0);
                    }
                    break;
                }
                case POWER:
                    d = fresh();
                    if (e.arg(1).isNumber(2)) {
                        instruction(SQUARE, d, emit(e.arg(0)), 0);
                    } else if (e.arg(1).isNumber(-1)) {
                        instruction(DIV, d, constant(1), emit(e.arg(0)));
                    } else {
                        int b = emit(e.arg(0));
                        instruction(POW, d, b, emit(e.arg(1)));
                    }
                    break;
                case CALL: {
                    int a = emit(e.arg(0));
                    int b = e.arity() > 1 ? emit(e.arg(1)) : a;
                    d = fresh();
                    instruction(CALL + e.function().ordinal(), d, a, b);
                    break;
                }
                case IF: {
                    int cond = emit(e.arg(0));
                    d = fresh();
                    int jz = instruction(JUMP_IF_FALSE, 0, cond, -1);
                    int mark = scopeLog.size();
                    instruction(MOV, d, emit(e.arg(1)), 0);
                    forget(mark);
                    int jmp = instruction(JUMP, 0, 0, -1);
                    code[jz + 3] = length;
                    instruction(MOV, d, emit(e.arg(2)), 0);
                    forget(mark);
                    code[jmp + 3] = length;
                    break;
                }
                case COMPARE: {
                    int a = emit(e.arg(0));
                    int b = emit(e.arg(1));
                    d = fresh();
                    instruction(COMPARE + e.relation().ordinal(), d, a, b);
                    break;
                }
                case AND: case OR: {
                    int a = emit(e.arg(0));
                    int b = emit(e.arg(1));
                    d = fresh();
                    instruction(e.kind() == Expr.Kind.AND ? AND : OR, d, a, b);
                    break;
                }
                case NOT: {
                    int a = emit(e.arg(0));
                    d = fresh();
                    instruction(NOT, d, a, 0);
                    break;
                }
                case TRUE: return constant(1);
                case FALSE: return constant(0);
                default: throw new AssertionError(e.kind());
            }
            registers.put(e, d);
            scopeLog.add(e);
            return d;
        }

        /** Nodes computed inside a branch are not available after it. */
        private void forget(int mark) {
            while (scopeLog.size() > mark) {
                registers.remove(scopeLog.remove(scopeLog.size() - 1));
            }
        }
    }
}
