package dev.nabla.spark.cli;

import dev.nabla.spark.Sessions;

/** Starts the module's shared local[2] session first, so that {@code nabla fit --master local[2]} joins it. */
final class SessionForTests {
    private SessionForTests() {
    }

    static void start() {
        Sessions.create("local[2]", "nabla-spark tests");
    }
}
