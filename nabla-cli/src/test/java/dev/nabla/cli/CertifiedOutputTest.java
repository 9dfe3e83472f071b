package dev.nabla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Issue 20's command lines: every number printed is the true value's correctly rounded double, or the output
 * says how many digits are certain; {@code --precision N} prints N certain digits; JSON carries the digits.
 * The expected digits come from series derived by hand and identities (see nabla-precise's IssueCasesTest for
 * their derivations): (eˣ − 1)/x = 1 + x/2 + x²/6 + …, (√(1 + x) − 1)/x = 1/(√(1 + x) + 1), and so on.
 */
class CertifiedOutputTest {

    private static String grad(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "grad";
        System.arraycopy(args, 0, all, 1, args.length);
        CliRun r = CliRun.of(all);
        assertThat(r.exit()).as(r.err()).isZero();
        return r.out();
    }

    @Test
    void expm1OverX() {
        String out = grad("(exp(x) - 1)/x", "--at", "x=1e-8");
        // 1 + 5e-9 + 1.6667e-17: the double nearest is 1.000000005; f′ = 1/2 + x/3 + … = 0.50000000333333334…
        assertThat(out).contains("  f = 1.000000005\n").contains("  ∇f = (0.5000000033333334)");
    }

    @Test
    void sqrtDifferenceHasTheRightGradient() {
        String out = grad("(sqrt(1 + x) - 1)/x", "--at", "x=1e-9");
        assertThat(out).contains("  f = 0.499999999875\n").contains("  ∇f = (-0.124999999875)")
                .doesNotContain("does not exist");
    }

    @Test
    void oneMinusCosineHasTheRightSign() {
        // f′ = −x/12 + x³/180 − … = −8.333333327777778e-6 at x = 1e-4
        assertThat(grad("(1 - cos(x))/x^2", "--at", "x=1e-4")).contains("∇f = (-8.333333327777778e-6)");
    }

    @Test
    void noOverflowOnTheWay() {
        assertThat(grad("sqrt(x^2 + y^2)", "--at", "x=3e200,y=4e200")).contains("  f = 5e200\n")
                .contains("  ∇f = (0.6, 0.8)");
        // 801 + log(1 + 1/e), (1/(1 + e), e/(1 + e))
        assertThat(grad("log(exp(x) + exp(y))", "--at", "x=800,y=801")).contains("  f = 801.3132616875182\n")
                .contains("  ∇f = (0.2689414213699951, 0.7310585786300049)");
    }

    @Test
    void tinyAndHugeDerivatives() {
        assertThat(grad("tanh(x)", "--at", "x=20")).contains("∇f = (1.6993417021166355e-17)");
        assertThat(grad("atan2(y, x)", "--at", "x=1e-200,y=1e-200")).contains("∇f = (-5e199, 5e199)");
        assertThat(grad("asinh(x)", "--at", "x=1e200")).contains("∇f = (1e-200)");
    }

    @Test
    void precisionPrintsThatManyCertainDigits() {
        String out = grad("(exp(x) - 1)/x", "--at", "x=1e-8", "--precision", "30");
        // Σ xᵏ/(k+1)! at x = 1e-8 to 30 digits: 1.00000000500000001666666670833
        assertThat(out).contains("  f = 1.00000000500000001666666670833\n")
                .contains("  ∇f = (0.500000003333333345833333366667)");
    }

    @Test
    void aValueBeyondDoublesRangeIsPrintedAndSaidToBe() {
        CliRun r = CliRun.of("eval", "exp(x)*exp(x)", "--at", "x=500");
        assertThat(r.exit()).isZero();
        // e^1000 = 1.97007111401704699388887935224…e434
        assertThat(r.out()).contains(" = 1.9700711140170470e434\n").contains("beyond double's range");
    }

    @Test
    void anUncertainValueSaysHowManyDigitsAreCertain() {
        CliRun r = CliRun.of("eval", "sin(x)^2 + cos(x)^2 - 1", "--at", "x=0.3");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains(" = 0\n").contains("no digit certain: |value| ≤ ");
    }

    @Test
    void jsonNumbersCarryTheirDigits() {
        JsonNode json = JsonOf.parse(CliRun.of("grad", "(exp(x) - 1)/x", "--at", "x=1e-8", "--json"));
        assertThat(json.get("value").asDouble()).isEqualTo(1.000000005);
        assertThat(json.get("gradient").get(0).asDouble()).isEqualTo(0.5000000033333334);
        assertThat(json.get("certified").get("value").get("digits").asInt()).isEqualTo(17);
        assertThat(json.get("certified").get("gradient").get(0).get("text").asText()).isEqualTo("0.5000000033333334");
        JsonNode wide = JsonOf.parse(CliRun.of("eval", "sin(x)^2 + cos(x)^2 - 1", "--at", "x=0.3", "--json"));
        assertThat(wide.get("certified").get("value").get("digits").asInt()).isZero();
        assertThat(wide.get("certified").get("value").has("lo")).isTrue();
    }

    @Test
    void aDomainErrorThatHighPrecisionConfirmsStands() {
        CliRun r = CliRun.of("eval", "log(x)", "--at", "x=-1");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("log");
    }
}
