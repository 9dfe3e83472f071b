package dev.nabla.core.onesided;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The context of one expansion of f(x + t v): the highest power of t kept ({@code cap}) and the kinks met
 * (the one-sided decisions taken). Confined to one evaluation on one thread.
 */
final class Ray {
    final Rational cap;
    private final Set<String> kinks = new LinkedHashSet<>();

    Ray(Rational cap) {
        this.cap = cap;
    }

    void kink(String where) {
        kinks.add(where);
    }

    List<String> kinks() {
        return new ArrayList<>(kinks);
    }
}
