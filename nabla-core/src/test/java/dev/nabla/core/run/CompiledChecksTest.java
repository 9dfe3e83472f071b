package dev.nabla.core.run;

import dev.nabla.core.ad.AD;
import dev.nabla.core.ad.Real;
import dev.nabla.core.field.DomainException;
import dev.nabla.core.field.Kink;
import dev.nabla.core.ir.Loops;
import dev.nabla.core.ir.VecFunction;
import dev.nabla.core.ir.Vec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Domain errors and kinks on the compiled path: the compiled code does not check per operation, so when a
 * result is not finite the primal program is interpreted to name the cause, as the tape names it (the same
 * sub-expression), with its loop position; the kinks listed are the tape's, with their loop positions.
 */
class CompiledChecksTest {
    /** Σ_i log(x_i) + Σ_i max(x_i, x_{i+1}) + |x_0|. */
    static final VecFunction F = x -> {
        Real logs = Loops.fori(0, x.size(), 0.0, (i, s) -> s.add(x.get(i).log()));
        Real maxes = Loops.fori(0, x.size() - 1, 0.0, (i, s) -> s.add(x.get(i).max(x.get(i.plus(1)))));
        return logs.add(maxes).add(x.get(0).abs());
    };

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 4})
    void aLogOfANegativeNumberInALoopIsNamedWithItsIterationAsTheTapeNamesIt(int bad) {
        double[] x = {1.5, 2, 0.5, 3, 1.25};
        x[bad] = -1;
        DomainException tape = catchDomain(() -> AD.grad(y -> F.apply(Vec.of(y)), x));
        for (Runnable compiled : List.<Runnable>of(() -> Compiled.grad(F, 5).gradient(x),
                () -> Compiled.value(F, 5).value(x), () -> Compiled.jvp(F, 5).directionalDerivative(x, x),
                () -> Compiled.hvp(F, 5).hvp(x, x))) {
            DomainException e = catchDomain(compiled);
            assertThat(e.subExpression()).isEqualTo(tape.subExpression() + " at i0 = " + bad);
            assertThat(e.getMessage()).contains("log of -1").contains(java.util.Arrays.toString(x));
        }
    }

    @Test
    void aDerivativeThatOverflowsWhereTheValueIsFiniteIsNamedAsTheTapeNamesIt() {
        VecFunction logs = x -> Loops.fori(0, x.size(), 0.0, (i, s) -> s.add(x.get(i).log()));
        double[] x = {1, 4, 1e-320, 9};
        assertThat(Compiled.value(logs, 4).value(x)).isFinite();
        DomainException tape = catchDomain(() -> AD.grad(y -> logs.apply(Vec.of(y)), x));
        DomainException e = catchDomain(() -> Compiled.grad(logs, 4).gradient(x));
        assertThat(e.subExpression()).isEqualTo(tape.subExpression() + " at i0 = 2");
        assertThat(e.getMessage()).contains("overflow").contains("exceeds the double range");
    }

    @Test
    void aPointThatIsNotFiniteIsNamedByItsCoordinate() {
        double[] x = {1, Double.NaN, 2, 3, 4};
        assertThat(catchDomain(() -> Compiled.grad(F, 5).gradient(x)).subExpression()).isEqualTo("x2");
    }

    @Test
    void theKinksListedAreTheTapesWithTheirLoopPositions() {
        double[] x = {0, 2, 2, 3, 3};
        VecFunction g = y -> F.apply(y.map(v -> v.abs().add(1))).add(y.get(0).multiply(2).abs());
        List<Kink> tape = AD.valueAndGrad(y -> g.apply(Vec.of(y)), x).kinks();
        List<Kink> compiled = Compiled.grad(g, 5).kinks(x);
        assertThat(compiled).extracting(Kink::primitive).containsExactlyElementsOf(tape.stream().map(Kink::primitive).toList());
        assertThat(compiled).extracting(Kink::where).containsExactly("abs at 0 at i0 = 0", "abs at 0 at i1 = 0",
                "max at a tie (both 3) at i1 = 1", "max at a tie (both 4) at i1 = 3", "abs at 0", "abs at 0");
    }

    private static DomainException catchDomain(Runnable r) {
        try {
            r.run();
        } catch (DomainException e) {
            return e;
        }
        throw new AssertionError("no DomainException");
    }
}
