package dev.nabla.core.ir;

import dev.nabla.core.ad.AD;
import dev.nabla.core.ad.Real;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.core.transform.Reverse;
import dev.nabla.core.transform.Simplify;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tracing records what a function does, loops as loops; what it cannot record it refuses, saying why and where to go. */
class TraceTest {

    private static Real rosenbrock(Vec x) {
        return Loops.fori(0, x.size() - 1, 0.0, (i, s) -> {
            Real a = x.get(i);
            return s.add(x.get(i.plus(1)).subtract(a.square()).square().multiply(100)).add(a.subtract(1).square());
        });
    }

    @Test
    void aLoopIsRecordedOnceWhateverItsTripCount() {
        Program small = Trace.of(TraceTest::rosenbrock, 10);
        Program large = Trace.of(TraceTest::rosenbrock, 10_000_000);
        assertThat(large.size()).isEqualTo(small.size()).isLessThan(20);
        assertThat(Reverse.of(large).size()).isEqualTo(Reverse.of(small).size());
        assertThat(small.toString()).contains("loop i0 in [0, 9) carry").contains("a0[i0 + 1]");
    }

    @Test
    void aJavaLoopOverRealsIsUnrolled() {
        RealFunction f = x -> {
            Real s = x[0].constant(0);
            for (Real xi : x) {
                s = s.add(xi.sin());
            }
            return s;
        };
        assertThat(Trace.ofReals(f, 5).toString()).doesNotContain("loop").contains("a0[4]");
    }

    @Test
    void readingAValueIsRefusedWithAPointerToTheEagerTape() {
        VecFunction branchy = x -> x.get(0).value() > 0 ? x.get(0) : x.get(0).negate();
        assertThatThrownBy(() -> Trace.of(branchy, 1)).isInstanceOf(UntraceableException.class)
                .hasMessageContaining("AD.grad").hasMessageContaining("max, min, abs or sign");
        // the same function runs on the tape
        assertThat(AD.grad(x -> branchy.apply(Vec.of(x)), new double[] {-2})).containsExactly(-1.0);
    }

    @Test
    void anIndexOutOfRangeIsReportedWhenTracedNamingTheLoop() {
        VecFunction offByOne = x -> Loops.fori(0, x.size(), 0.0, (i, s) -> s.add(x.get(i.plus(1))));
        assertThatThrownBy(() -> Trace.of(offByOne, 5)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("element [i0 + 1] with i0 in [0, 5) reaches index 5 of an array of length 5");
        VecFunction ok = x -> Loops.fori(0, x.size() - 1, 0.0, (i, s) -> s.add(x.get(i.plus(1))));
        assertThat(Trace.of(ok, 5).size()).isPositive();
    }

    @Test
    void aValueLeakingOutOfALoopBodyIsRefused() {
        Real[] leaked = new Real[1];
        VecFunction f = x -> {
            Loops.fori(0, 3, 0.0, (i, s) -> {
                leaked[0] = x.get(i).sin();
                return s.add(leaked[0]);
            });
            return leaked[0];
        };
        assertThatThrownBy(() -> Trace.of(f, 3)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside a loop body is used outside it");
    }

    @Test
    void numbersOfAnotherPassCannotEnter() {
        double[] x0 = {1, 2};
        RealFunction outer = y -> {
            Program p = Trace.of(x -> x.get(0).multiply(y[0]), 2);
            return y[0];
        };
        assertThatThrownBy(() -> AD.grad(outer, x0)).isInstanceOf(UntraceableException.class)
                .hasMessageContaining("capture plain doubles");
    }

    @Test
    void commonSubexpressionsAreSharedAndDeadCodeRemoved() {
        RealFunction f = x -> {
            Real unused = x[1].exp().multiply(x[0]);
            return x[0].sin().add(x[0].sin()).add(x[1].multiply(1.0));
        };
        Program p = Trace.ofReals(f, 2);
        String text = p.toString();
        assertThat(text.split("= sin", -1)).hasSize(2); // one sin
        assertThat(text.split("= multiply", -1)).hasSize(2); // x_1 · 1 folded away; the unused e^x_1 x_0 recorded
        assertThat(text).contains("exp");
        Program live = Simplify.eliminateDeadCode(p);
        assertThat(live.toString()).doesNotContain("exp");
        assertThat(live.size()).isLessThan(p.size());
        assertThat(Simplify.shareCommonSubexpressions(p).size()).isEqualTo(p.size());
    }

    @Test
    void aSumCarryIsNotStoredForTheReverseSweepButAMaxCarryIs() {
        Program sum = Reverse.of(Trace.of(x -> x.map(Real::sin).sum(), 100));
        assertThat(sum.arrayOf(ArrayDecl.Role.BUFFER)).isEqualTo(-1);
        Program max = Reverse.of(Trace.of(Vec::max, 100));
        assertThat(max.arrayOf(ArrayDecl.Role.BUFFER)).isGreaterThanOrEqualTo(0);
    }
}
