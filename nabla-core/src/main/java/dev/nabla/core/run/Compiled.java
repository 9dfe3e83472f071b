package dev.nabla.core.run;

import dev.nabla.core.ad.RealFunction;
import dev.nabla.core.ad.ReverseGradient;
import dev.nabla.core.field.Kink;
import dev.nabla.core.ir.ArrayDecl;
import dev.nabla.core.ir.Program;
import dev.nabla.core.ir.Trace;
import dev.nabla.core.ir.VecFunction;
import dev.nabla.core.transform.Jvp;
import dev.nabla.core.transform.Reverse;
import dev.nabla.core.transform.Simplify;

import java.util.Arrays;
import java.util.List;

/**
 * Derivatives that are traced once, transformed and compiled: the entry points mirror {@link
 * dev.nabla.core.ad.AD}'s JAX-style names but return functions to call many times. {@code grad(f, n)} traces f
 * ({@link Trace}), derives the reverse-mode program ({@link Reverse}: linearise + transpose), simplifies it and
 * compiles it to JVM code ({@link Compiler}); each call then costs arithmetic only. Use it for functions
 * without data-dependent branches (tracing refuses those with {@link dev.nabla.core.ir.UntraceableException};
 * they run on the eager tape, {@link dev.nabla.core.ad.AD#grad}).
 *
 * <p>Domain errors: the compiled code runs on IEEE doubles with no check per operation; when a value or a
 * derivative comes out infinite or NaN, the primal program is run again on the {@link Interpreter} to find why,
 * and a {@link dev.nabla.core.field.DomainException} names the first primitive application undefined at x
 * ({@code log(-1) at i0 = 3}: the operation, its arguments and the loop position) or the overflow. Kinks met
 * (where the gradient follows the table's conventions, as the tape's does) are listed on demand by
 * {@code kinks(x)}, also by interpreting the primal program.
 */
public final class Compiled {
    private Compiled() {
    }

    /** ∇f as a compiled function of x, for f: R^n → R written on a vector. */
    public static Gradient grad(VecFunction f, int n) {
        return new Gradient(Trace.of(f, n));
    }

    /**
     * ∇f as a compiled function of x, for f: R^n → R written on Real[] (Java loops unrolled, so for small n or
     * short loops). Named apart from {@link #grad(VecFunction, int)} so that an inline lambda needs no type.
     */
    public static Gradient gradOfReals(RealFunction f, int n) {
        return new Gradient(Trace.ofReals(f, n));
    }

    /** x ↦ (f(x), D_v f(x)) compiled, for f written on a vector. */
    public static Directional jvp(VecFunction f, int n) {
        return new Directional(Trace.of(f, n));
    }

    /** x ↦ (f(x), D_v f(x)) compiled, for f written on Real[]. */
    public static Directional jvpOfReals(RealFunction f, int n) {
        return new Directional(Trace.ofReals(f, n));
    }

    /**
     * x, v ↦ (f(x), ∇f(x), H(x) v) compiled: the forward-mode program of f's reverse-mode program (forward over
     * reverse), for f written on a vector.
     */
    public static HessianVector hvp(VecFunction f, int n) {
        return new HessianVector(Trace.of(f, n));
    }

    /** f itself compiled. */
    public static Value value(VecFunction f, int n) {
        return new Value(Trace.of(f, n));
    }

    /** The per-thread arrays a program runs on: buffers allocated once, inputs and outputs set per call. */
    private static final class Runner {
        final Program program;
        final Kernel kernel;
        private final ThreadLocal<double[][]> arrays;

        Runner(Program program) {
            this.program = program;
            this.kernel = Compiler.kernel(program);
            this.arrays = ThreadLocal.withInitial(() -> {
                double[][] a = new double[program.arrays().size()][];
                for (int j = 0; j < a.length; j++) {
                    ArrayDecl d = program.arrays().get(j);
                    a[j] = switch (d.role()) {
                        case CONSTANT -> program.data(j);
                        case BUFFER -> new double[d.length()];
                        default -> null;
                    };
                }
                return a;
            });
        }

        double[][] arrays() {
            return arrays.get();
        }

        void run(double[][] a, double[] out) {
            kernel.run(a, program.constants(), out);
        }

        void set(double[][] a, ArrayDecl.Role role, double[] v, String name) {
            int j = program.arrayOf(role);
            if (j >= 0) {
                if (v.length != program.arrays().get(j).length()) {
                    throw new IllegalArgumentException(name + " has dimension " + v.length + ", expected "
                            + program.arrays().get(j).length());
                }
                a[j] = v;
            }
        }
    }

    /** A compiled gradient: f(x) and ∇f(x) by the reverse-mode program of f. Thread-safe. */
    public static final class Gradient implements ReverseGradient {
        private final Program primal;
        private final Runner runner;

        Gradient(Program primal) {
            if (primal.outputs().length != 1) {
                throw new IllegalArgumentException("a gradient needs one output, got " + primal.outputs().length);
            }
            this.primal = primal;
            this.runner = new Runner(Reverse.of(primal));
        }

        /** Returns f(x) and writes ∇f(x) into gradientOut. */
        @Override
        public double valueAndGradient(double[] x, double[] gradientOut) {
            double[][] a = runner.arrays();
            runner.set(a, ArrayDecl.Role.INPUT, x, "x");
            runner.set(a, ArrayDecl.Role.GRADIENT, gradientOut, "gradientOut");
            Arrays.fill(gradientOut, 0);
            double[] out = new double[1];
            runner.run(a, out);
            Checks.requireFinite(primal, x, out[0], gradientOut);
            return out[0];
        }

        /**
         * The kinks f meets at x (where a primitive is not differentiable and the gradient follows the table's
         * convention), each with its loop position, in the order met: the tape's list, found by interpreting f.
         */
        public List<Kink> kinks(double[] x) {
            return Checks.kinks(primal, x);
        }

        /** ∇f(x). */
        public double[] gradient(double[] x) {
            double[] g = new double[primal.dimension()];
            valueAndGradient(x, g);
            return g;
        }

        /** The traced program of f. */
        public Program program() {
            return primal;
        }

        /** The reverse-mode program that runs. */
        public Program gradientProgram() {
            return runner.program;
        }

        /** The code that runs (compiled, or the interpreter for a program too large to compile). */
        public Kernel kernel() {
            return runner.kernel;
        }
    }

    /** A compiled directional derivative: f(x) and D_v f(x) = ∇f(x)·v by the forward-mode program. Thread-safe. */
    public static final class Directional {
        private final Runner runner;

        private final Program primal;

        Directional(Program primal) {
            this.primal = primal;
            this.runner = new Runner(Jvp.of(primal));
        }

        /** D_v f(x). */
        public double directionalDerivative(double[] x, double[] v) {
            return valueAndDirectional(x, v)[1];
        }

        /** (f(x), D_v f(x)). */
        public double[] valueAndDirectional(double[] x, double[] v) {
            double[][] a = runner.arrays();
            runner.set(a, ArrayDecl.Role.INPUT, x, "x");
            runner.set(a, ArrayDecl.Role.DIRECTION, v, "v");
            double[] out = new double[runner.program.outputs().length];
            runner.run(a, out);
            Checks.requireFinite(primal, x, out[0], Arrays.copyOfRange(out, 1, out.length));
            return out;
        }

        /** The kinks f meets at x, as {@link Gradient#kinks}. */
        public List<Kink> kinks(double[] x) {
            return Checks.kinks(primal, x);
        }

        /** The forward-mode program that runs. */
        public Program program() {
            return runner.program;
        }
    }

    /**
     * A compiled Hessian-vector product: f(x), ∇f(x) and H(x) v = D_v ∇f(x) from one run of the forward-mode
     * program of the reverse-mode program of f (second partials from the table's second-order rules). Thread-safe.
     */
    public static final class HessianVector {
        private final Runner runner;

        private final Program primal;

        HessianVector(Program primal) {
            if (primal.outputs().length != 1) {
                throw new IllegalArgumentException("a Hessian needs one output, got " + primal.outputs().length);
            }
            this.primal = primal;
            this.runner = new Runner(Simplify.eliminateDeadCode(Jvp.of(Reverse.of(primal))));
        }

        /** Returns f(x), writes ∇f(x) into gradientOut and H(x) v into hvOut. */
        public double valueGradientAndHvp(double[] x, double[] v, double[] gradientOut, double[] hvOut) {
            double[][] a = runner.arrays();
            runner.set(a, ArrayDecl.Role.INPUT, x, "x");
            runner.set(a, ArrayDecl.Role.DIRECTION, v, "v");
            runner.set(a, ArrayDecl.Role.GRADIENT, gradientOut, "gradientOut");
            runner.set(a, ArrayDecl.Role.GRADIENT_TANGENT, hvOut, "hvOut");
            Arrays.fill(gradientOut, 0);
            Arrays.fill(hvOut, 0);
            double[] out = new double[runner.program.outputs().length];
            runner.run(a, out);
            Checks.requireFinite(primal, x, out[0], gradientOut);
            Checks.requireFinite(primal, x, out[0], hvOut);
            return out[0];
        }

        /** H(x) v. */
        public double[] hvp(double[] x, double[] v) {
            double[] hv = new double[x.length];
            valueGradientAndHvp(x, v, new double[x.length], hv);
            return hv;
        }

        /** The program that runs. */
        public Program program() {
            return runner.program;
        }
    }

    /** f compiled. Thread-safe. */
    public static final class Value {
        private final Runner runner;

        private final Program primal;

        Value(Program primal) {
            this.primal = primal;
            this.runner = new Runner(primal);
        }

        public double value(double[] x) {
            double[][] a = runner.arrays();
            runner.set(a, ArrayDecl.Role.INPUT, x, "x");
            double[] out = new double[1];
            runner.run(a, out);
            Checks.requireFinite(primal, x, out[0], null);
            return out[0];
        }
    }
}
