package dev.nabla.gradbench.evals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.core.ad.AD;
import dev.nabla.core.ad.Real;
import dev.nabla.core.ad.RealVectorFunction;
import dev.nabla.core.ad.Reals;
import dev.nabla.gradbench.Eval;
import dev.nabla.gradbench.InputException;
import dev.nabla.gradbench.Inputs;

/**
 * GradBench {@code ht} (ADBench hand tracking). θ (26) sets the pose: global rotation (angle-axis), global
 * translation, and finger angles; each bone's posed relative transform is base_relativeᵢ · [R_euler(poseᵢ) 0; 0 1],
 * absolute transforms chain through the parents, and vertices are skinned as
 * vᵥ = Σ_b weight_{b,v} (absolute_b · inverse_base_absolute_b · base_positionᵥ) (x negated when mirrored), then
 * rotated and translated globally. The residual of correspondence i is pointᵢ − vertex (simple) or
 * pointᵢ − (u₀ v_a + u₁ v_b + (1 − u₀ − u₁) v_c) over triangle (a, b, c) (complicated, non-empty {@code us}).
 *
 * <p>{@code jacobian} is the 3N × (26 or 28) Jacobian by forward mode: in the complicated case its first two
 * columns are ∂rᵢ/∂u_{i,0} and ∂rᵢ/∂u_{i,1} (each residual depends only on its own u, so the 2N u-columns
 * compress exactly into two: the function is differentiated along (δu₀, δu₁) added to every uᵢ), then the
 * 26 θ columns.
 */
public final class Ht implements Eval {

    record Model(int bones, int[] parents, double[][][] baseRelatives, double[][][] inverseBaseAbsolutes,
                 double[][] basePositions, int[][] vertexBones, double[][] vertexWeights, int[][] triangles,
                 boolean mirrored) {
        int vertices() {
            return basePositions.length;
        }
    }

    record Problem(double[] theta, Model model, int[] correspondences, double[][] points, double[][] us) {
        boolean complicated() {
            return us.length > 0;
        }
    }

    /** Residuals as a function of (δu₀, δu₁, θ) in the complicated case, of θ in the simple case. */
    static RealVectorFunction residuals(Problem p) {
        Model model = p.model();
        int offset = p.complicated() ? 2 : 0;
        return in -> {
            Real[] theta = java.util.Arrays.copyOfRange(in, offset, offset + 26);
            Real[][] vertices = skinnedVertices(model, poseParameters(theta, model.bones()));
            int count = p.correspondences().length;
            Real[] out = new Real[3 * count];
            for (int i = 0; i < count; i++) {
                double[] point = p.points()[i];
                if (p.complicated()) {
                    int[] t = model.triangles()[p.correspondences()[i]];
                    Real u0 = in[0].add(p.us()[i][0]);
                    Real u1 = in[1].add(p.us()[i][1]);
                    Real u2 = u0.add(u1).negate().add(1);
                    for (int j = 0; j < 3; j++) {
                        Real handPoint = u0.multiply(vertices[t[0]][j]).add(u1.multiply(vertices[t[1]][j]))
                                .add(u2.multiply(vertices[t[2]][j]));
                        out[3 * i + j] = handPoint.negate().add(point[j]);
                    }
                } else {
                    Real[] v = vertices[p.correspondences()[i]];
                    for (int j = 0; j < 3; j++) {
                        out[3 * i + j] = v[j].negate().add(point[j]);
                    }
                }
            }
            return out;
        };
    }

    /**
     * The 3 × (bones + 3) pose matrix: column 0 global rotation, column 1 scale (1), column 2 translation,
     * then per finger (from column 5, five columns each) three joints with one angle, the first with two.
     */
    static Real[][] poseParameters(Real[] theta, int bones) {
        Real zero = theta[0].constant(0);
        Real[][] pose = new Real[3][bones + 3];
        for (Real[] row : pose) {
            java.util.Arrays.fill(row, zero);
        }
        for (int r = 0; r < 3; r++) {
            pose[r][0] = theta[r];
            pose[r][1] = theta[0].constant(1);
            pose[r][2] = theta[3 + r];
        }
        int t = 6;
        int column = 5;
        for (int finger = 0; finger < 5; finger++) {
            for (int joint = 2; joint <= 4; joint++) {
                pose[0][column] = theta[t++];
                if (joint == 2) {
                    pose[1][column] = theta[t++];
                }
                column++;
            }
            column++;
        }
        return pose;
    }

    /** Skinned, mirrored and globally transformed vertex positions (vertex × xyz). */
    static Real[][] skinnedVertices(Model model, Real[][] pose) {
        Real zero = pose[0][0].constant(0);
        Real one = pose[0][0].constant(1);
        int bones = model.bones();
        Real[][][] absolutes = new Real[bones][][];
        Real[][][] transforms = new Real[bones][][];
        for (int b = 0; b < bones; b++) {
            Real[][] rotation = euler(pose[0][b + 3], pose[2][b + 3], pose[1][b + 3]);
            Real[][] posed = new Real[4][4];
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 4; c++) {
                    posed[r][c] = r < 3 && c < 3 ? rotation[r][c] : r == c ? one : zero;
                }
            }
            Real[][] relative = times(model.baseRelatives()[b], posed);
            int parent = model.parents()[b];
            absolutes[b] = parent < 0 ? relative : times(absolutes[parent], relative);
            transforms[b] = times(absolutes[b], model.inverseBaseAbsolutes()[b]);
        }
        Real[][] global = angleAxis(pose[0][0], pose[1][0], pose[2][0]);
        for (int c = 0; c < 3; c++) {
            for (int r = 0; r < 3; r++) {
                global[r][c] = global[r][c].multiply(pose[c][1]);
            }
        }
        Real[][] vertices = new Real[model.vertices()][];
        for (int v = 0; v < model.vertices(); v++) {
            int[] vb = model.vertexBones()[v];
            double[] base = model.basePositions()[v];
            Real[] local = new Real[3];
            for (int r = 0; r < 3; r++) {
                Real[] perBone = new Real[vb.length];
                for (int i = 0; i < vb.length; i++) {
                    perBone[i] = Reals.dot(base, transforms[vb[i]][r]);
                }
                local[r] = vb.length == 0 ? zero : Reals.dot(model.vertexWeights()[v], perBone);
            }
            if (model.mirrored()) {
                local[0] = local[0].negate();
            }
            Real[] world = new Real[3];
            for (int r = 0; r < 3; r++) {
                world[r] = Reals.dot(global[r], local).add(pose[r][2]);
            }
            vertices[v] = world;
        }
        return vertices;
    }

    /** R = R_z(tz) R_y(ty) R_x(tx). */
    static Real[][] euler(Real tx, Real ty, Real tz) {
        Real zero = tx.constant(0);
        Real one = tx.constant(1);
        Real cx = tx.cos(), sx = tx.sin(), cy = ty.cos(), sy = ty.sin(), cz = tz.cos(), sz = tz.sin();
        Real[][] rx = {{one, zero, zero}, {zero, cx, sx.negate()}, {zero, sx, cx}};
        Real[][] ry = {{cy, zero, sy}, {zero, one, zero}, {sy.negate(), zero, cy}};
        Real[][] rz = {{cz, sz.negate(), zero}, {sz, cz, zero}, {zero, zero, one}};
        return times(times(rz, ry), rx);
    }

    /** Rotation by the angle-axis vector (x, y, z); the identity when its norm is below 10⁻⁴. */
    static Real[][] angleAxis(Real ax, Real ay, Real az) {
        Real norm = ax.square().add(ay.square()).add(az.square()).sqrt();
        Real zero = ax.constant(0);
        Real one = ax.constant(1);
        if (norm.value() < 1e-4) {
            return new Real[][] {{one, zero, zero}, {zero, one, zero}, {zero, zero, one}};
        }
        Real x = ax.divide(norm), y = ay.divide(norm), z = az.divide(norm);
        Real s = norm.sin(), c = norm.cos();
        Real oneMinusC = c.negate().add(1);
        return new Real[][] {
            {x.square().add(x.square().negate().add(1).multiply(c)), x.multiply(y).multiply(oneMinusC).subtract(z.multiply(s)),
                x.multiply(z).multiply(oneMinusC).add(y.multiply(s))},
            {x.multiply(y).multiply(oneMinusC).add(z.multiply(s)), y.square().add(y.square().negate().add(1).multiply(c)),
                y.multiply(z).multiply(oneMinusC).subtract(x.multiply(s))},
            {x.multiply(z).multiply(oneMinusC).subtract(y.multiply(s)), z.multiply(y).multiply(oneMinusC).add(x.multiply(s)),
                z.square().add(z.square().negate().add(1).multiply(c))}};
    }

    static Real[][] times(Real[][] a, Real[][] b) {
        Real[][] out = new Real[a.length][b[0].length];
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < b[0].length; c++) {
                Real s = a[r][0].multiply(b[0][c]);
                for (int k = 1; k < b.length; k++) {
                    s = s.add(a[r][k].multiply(b[k][c]));
                }
                out[r][c] = s;
            }
        }
        return out;
    }

    static Real[][] times(double[][] a, Real[][] b) {
        Real[][] out = new Real[a.length][b[0].length];
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < b[0].length; c++) {
                Real s = b[0][c].multiply(a[r][0]);
                for (int k = 1; k < b.length; k++) {
                    s = s.add(b[k][c].multiply(a[r][k]));
                }
                out[r][c] = s;
            }
        }
        return out;
    }

    static Real[][] times(Real[][] a, double[][] b) {
        Real[][] out = new Real[a.length][b[0].length];
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < b[0].length; c++) {
                Real s = a[r][0].multiply(b[0][c]);
                for (int k = 1; k < b.length; k++) {
                    s = s.add(a[r][k].multiply(b[k][c]));
                }
                out[r][c] = s;
            }
        }
        return out;
    }

    static Problem problem(JsonNode input) {
        double[] theta = Inputs.vector(Inputs.field(input, "theta"), "'theta'", 26);
        JsonNode data = Inputs.field(input, "data");
        JsonNode m = Inputs.field(data, "model");
        JsonNode names = Inputs.field(m, "bone_names");
        Inputs.require(names.isArray(), "'bone_names' must be an array");
        int bones = names.size();
        Inputs.require(bones >= 22, "the hand model needs at least 22 bones (wrist, 5 fingers of 4, forearm)");
        int[] parents = Inputs.integers(m, "parents");
        Inputs.require(parents.length == bones, "'parents' must have one entry per bone");
        for (int b = 0; b < bones; b++) {
            Inputs.require(parents[b] < b && parents[b] >= -1, "bone " + b + " must have an earlier parent or -1");
        }
        double[][][] relatives = transforms(m, "base_relatives", bones);
        double[][][] inverses = transforms(m, "inverse_base_absolutes", bones);
        double[][] positions = Inputs.matrix(m, "base_positions", -1);
        Inputs.require(positions.length > 0 && (positions[0].length == 4 || positions[0].length == 3),
                "'base_positions' must be rows of 4 (homogeneous) or 3 coordinates");
        double[][] homogeneous = new double[positions.length][];
        for (int v = 0; v < positions.length; v++) {
            homogeneous[v] = new double[] {positions[v][0], positions[v][1], positions[v][2], 1};
        }
        double[][] weights = Inputs.matrix(m, "weights", bones);
        Inputs.require(weights.length == positions.length, "'weights' must have one row per vertex");
        int[][] vertexBones = new int[weights.length][];
        double[][] vertexWeights = new double[weights.length][];
        for (int v = 0; v < weights.length; v++) {
            int count = 0;
            for (double w : weights[v]) {
                count += w != 0 ? 1 : 0;
            }
            vertexBones[v] = new int[count];
            vertexWeights[v] = new double[count];
            int k = 0;
            for (int b = 0; b < bones; b++) {
                if (weights[v][b] != 0) {
                    vertexBones[v][k] = b;
                    vertexWeights[v][k++] = weights[v][b];
                }
            }
        }
        JsonNode tri = Inputs.field(m, "triangles");
        Inputs.require(tri.isArray(), "'triangles' must be an array of index triples");
        int[][] triangles = new int[tri.size()][3];
        for (int t = 0; t < triangles.length; t++) {
            for (int j = 0; j < 3; j++) {
                int vtx = tri.get(t).get(j).asInt(-1);
                Inputs.require(vtx >= 0 && vtx < positions.length, "triangle " + t + " has an invalid vertex");
                triangles[t][j] = vtx;
            }
        }
        boolean mirrored = m.has("is_mirrored") && m.get("is_mirrored").asBoolean();
        Model model = new Model(bones, parents, relatives, inverses, homogeneous, vertexBones, vertexWeights, triangles, mirrored);
        int[] correspondences = Inputs.integers(data, "correspondences");
        double[][] points = Inputs.matrix(data, "points", 3);
        Inputs.require(points.length == correspondences.length, "'points' must have one row per correspondence");
        double[][] us = readUs(input.get("us"), correspondences.length);
        int limit = us.length > 0 ? triangles.length : positions.length;
        for (int c : correspondences) {
            Inputs.require(c >= 0 && c < limit, "correspondence " + c + " is out of range");
        }
        return new Problem(theta, model, correspondences, points, us);
    }

    private static double[][] readUs(JsonNode us, int count) {
        if (us == null || us.isNull() || us.size() == 0) {
            return new double[0][];
        }
        Inputs.require(us.isArray(), "'us' must be an array");
        double[][] out = new double[count][2];
        if (us.get(0).isArray()) {
            Inputs.require(us.size() == count, "'us' must have one pair per correspondence");
            for (int i = 0; i < count; i++) {
                out[i] = Inputs.vector(us.get(i), "'us'[" + i + "]", 2);
            }
        } else {
            double[] flat = Inputs.vector(us, "'us'", 2 * count);
            for (int i = 0; i < count; i++) {
                out[i] = new double[] {flat[2 * i], flat[2 * i + 1]};
            }
        }
        return out;
    }

    private static double[][][] transforms(JsonNode m, String name, int bones) {
        JsonNode node = Inputs.field(m, name);
        Inputs.require(node.isArray() && node.size() == bones, "'" + name + "' must have one 4 × 4 matrix per bone");
        double[][][] out = new double[bones][4][];
        for (int b = 0; b < bones; b++) {
            JsonNode mat = node.get(b);
            Inputs.require(mat.isArray() && mat.size() == 4, "'" + name + "'[" + b + "] must be 4 × 4");
            for (int r = 0; r < 4; r++) {
                out[b][r] = Inputs.vector(mat.get(r), "'" + name + "'[" + b + "][" + r + "]", 4);
            }
        }
        return out;
    }

    @Override
    public String module() {
        return "ht";
    }

    @Override
    public Computation prepare(String function, JsonNode input) {
        Problem p = problem(input);
        RealVectorFunction r = residuals(p);
        double[] x = new double[(p.complicated() ? 2 : 0) + 26];
        System.arraycopy(p.theta(), 0, x, p.complicated() ? 2 : 0, 26);
        return switch (function) {
            case "objective" -> Eval.direct(() -> Plain.values(r, x));
            case "jacobian" -> Eval.direct(() -> AD.jacobian(r, x));
            default -> throw new InputException("unknown function '" + function + "' (expected objective or jacobian)");
        };
    }
}
