package dev.nabla.core.run;

/**
 * A runnable {@link dev.nabla.core.ir.Program}: compiled JVM code or the {@link Interpreter}. Stateless; any
 * thread may call it with its own arrays.
 */
public interface Kernel {
    /**
     * Runs the program: {@code arrays[a]} is the program's array a (inputs read, gradients accumulated into,
     * buffers of at least the declared length), {@code constants} its scalar constants
     * ({@link dev.nabla.core.ir.Program#constants()}), and its scalar outputs are written to {@code out}.
     */
    void run(double[][] arrays, double[] constants, double[] out);
}
