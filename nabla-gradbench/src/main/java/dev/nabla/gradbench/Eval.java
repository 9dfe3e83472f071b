package dev.nabla.gradbench;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One GradBench module (an "eval"): it turns a function name and a JSON input into a prepared computation
 * that the protocol loop runs and times.
 */
public interface Eval {

    /** The module name used in {@code define} and {@code evaluate} messages, for example {@code "gmm"}. */
    String module();

    /**
     * Decodes {@code input} for {@code function} into a computation ready to run. Decoding is not timed.
     *
     * @throws InputException when the function is unknown or the input does not have the eval's shape
     */
    Computation prepare(String function, JsonNode input);

    /** A decoded evaluation: {@link #run()} is the timed part, {@link #output(Object)} encodes its result. */
    interface Computation {
        /** Runs the function once; called at least {@code min_runs} times. */
        Object run();

        /** Encodes the result of the last run as the eval's JSON output (not timed). */
        Object output(Object result);
    }

    /** Builds a computation whose result is already its JSON output. */
    static Computation direct(java.util.function.Supplier<Object> run) {
        return new Computation() {
            @Override
            public Object run() {
                return run.get();
            }

            @Override
            public Object output(Object result) {
                return result;
            }
        };
    }
}
