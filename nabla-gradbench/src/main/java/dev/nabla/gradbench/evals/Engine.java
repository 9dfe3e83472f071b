package dev.nabla.gradbench.evals;

/**
 * How an eval that has both computes: on the eager tape (the function written on {@code Real[]}, recorded at
 * every call) or as a traced program ({@code dev.nabla.core.run.Compiled}: the function written on a
 * {@code Vec} with {@code Loops.fori}, traced once, its derivative program compiled to JVM code).
 */
public enum Engine {
    TAPE, PROGRAM
}
