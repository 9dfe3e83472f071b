package dev.nabla.core.field;

import java.util.ArrayList;
import java.util.List;

/** Helpers shared by field implementations. */
public final class Fields {
    private Fields() {
    }

    /**
     * x1, …, xn (empty when n is unknown).
     *
     * @param n the number of variables, -1 when unknown
     * @return the names x1 … xn
     */
    public static List<String> defaultNames(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            names.add("x" + i);
        }
        return List.copyOf(names);
    }
}
