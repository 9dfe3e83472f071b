package dev.nabla.gradbench.evals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.core.ad.Real;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.gradbench.Eval;
import dev.nabla.gradbench.InputException;
import dev.nabla.gradbench.Inputs;

/**
 * GradBench {@code lstm} (ADBench's LSTM with diagonal weights): l layers of width b run over c characters;
 * for each step the prediction ŷ is normalised by log(Σ exp ŷ + 2) and the loss is
 * −(Σₜ Σᵢ y_{t+1,i} (ŷ_{t,i} − lse)) / ((c − 1) b). {@code jacobian} is ∇loss over main_params then
 * extra_params (each flattened row after row), by reverse mode.
 *
 * <p>Layer i uses main_params rows 2i (weights: forget, input, output, change gates, b each) and 2i + 1
 * (biases); extra_params rows are input weight, output weight, output bias; state rows 2i and 2i + 1 are
 * layer i's hidden and cell state (a constant starting state).
 */
public final class Lstm implements Eval {

    record Problem(int layers, int width, double[][] sequence, double[] state, double[] parameters) {
        int mainSize() {
            return 8 * layers * width;
        }
    }

    static RealFunction loss(Problem p) {
        int l = p.layers(), b = p.width(), c = p.sequence().length;
        int extra = p.mainSize();
        return w -> {
            Real[] hidden = new Real[l * b];
            Real[] cell = new Real[l * b];
            for (int layer = 0; layer < l; layer++) {
                for (int i = 0; i < b; i++) {
                    hidden[layer * b + i] = w[0].constant(p.state()[(2 * layer) * b + i]);
                    cell[layer * b + i] = w[0].constant(p.state()[(2 * layer + 1) * b + i]);
                }
            }
            Real total = w[0].constant(0);
            Real[] input = new Real[b];
            for (int t = 0; t < c - 1; t++) {
                double[] x = p.sequence()[t];
                for (int i = 0; i < b; i++) {
                    input[i] = w[extra + i].multiply(x[i]);
                }
                Real[] layerInput = input;
                for (int layer = 0; layer < l; layer++) {
                    int weight = 8 * b * layer;
                    int bias = weight + 4 * b;
                    int s = layer * b;
                    for (int i = 0; i < b; i++) {
                        Real h = hidden[s + i];
                        Real forget = sigmoid(layerInput[i].multiply(w[weight + i]).add(w[bias + i]));
                        Real ingate = sigmoid(h.multiply(w[weight + b + i]).add(w[bias + b + i]));
                        Real outgate = sigmoid(layerInput[i].multiply(w[weight + 2 * b + i]).add(w[bias + 2 * b + i]));
                        Real change = h.multiply(w[weight + 3 * b + i]).add(w[bias + 3 * b + i]).tanh();
                        cell[s + i] = cell[s + i].multiply(forget).add(ingate.multiply(change));
                        hidden[s + i] = outgate.multiply(cell[s + i].tanh());
                    }
                    layerInput = java.util.Arrays.copyOfRange(hidden, s, s + b);
                }
                Real[] prediction = new Real[b];
                Real sum = w[0].constant(2);
                for (int i = 0; i < b; i++) {
                    prediction[i] = layerInput[i].multiply(w[extra + b + i]).add(w[extra + 2 * b + i]);
                    sum = sum.add(prediction[i].exp());
                }
                Real lse = sum.log();
                double[] gold = p.sequence()[t + 1];
                for (int i = 0; i < b; i++) {
                    total = total.add(prediction[i].subtract(lse).multiply(gold[i]));
                }
            }
            return total.divide(-(double) (c - 1) * b);
        };
    }

    private static Real sigmoid(Real x) {
        return x.negate().exp().add(1).reciprocal();
    }

    static Problem problem(JsonNode input) {
        double[][] main = Inputs.matrix(input, "main_params", -1);
        Inputs.require(main.length >= 2 && main.length % 2 == 0 && main[0].length % 4 == 0 && main[0].length > 0,
                "'main_params' must have 2l rows of 4b entries");
        int l = main.length / 2;
        int b = main[0].length / 4;
        double[][] extra = Inputs.matrix(input, "extra_params", b);
        Inputs.require(extra.length == 3, "'extra_params' must have 3 rows of b = " + b + " entries");
        double[][] state = Inputs.matrix(input, "state", b);
        Inputs.require(state.length == 2 * l, "'state' must have 2l = " + 2 * l + " rows of b entries");
        double[][] sequence = Inputs.matrix(input, "sequence", b);
        Inputs.require(sequence.length >= 2, "'sequence' must have at least 2 rows of b entries");
        double[] parameters = new double[8 * l * b + 3 * b];
        System.arraycopy(Inputs.flatten(main), 0, parameters, 0, 8 * l * b);
        System.arraycopy(Inputs.flatten(extra), 0, parameters, 8 * l * b, 3 * b);
        return new Problem(l, b, sequence, Inputs.flatten(state), parameters);
    }

    @Override
    public String module() {
        return "lstm";
    }

    @Override
    public Computation prepare(String function, JsonNode input) {
        Problem p = problem(input);
        RealFunction f = loss(p);
        return switch (function) {
            case "objective" -> Scalar.value(f, p.parameters());
            case "jacobian" -> Scalar.gradient(f, p.parameters(), g -> g);
            default -> throw new InputException("unknown function '" + function + "' (expected objective or jacobian)");
        };
    }
}
