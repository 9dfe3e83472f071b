package dev.nabla.gradbench;

import com.fasterxml.jackson.databind.JsonNode;

/** ADBench's hand-tracking residuals in plain doubles with dense 4 × 4 matrices, read straight from the JSON input. */
final class HtOracle {
    private HtOracle() {
    }

    static double[][] m4(JsonNode n) {
        double[][] m = new double[4][4];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                m[r][c] = n.get(r).get(c).asDouble();
            }
        }
        return m;
    }

    static double[][] mul(double[][] a, double[][] b) {
        double[][] o = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                for (int k = 0; k < b.length; k++) {
                    o[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return o;
    }

    /** Residuals at θ and barycentric coordinates us (null for the simple variant). */
    static double[] residuals(JsonNode input, double[] theta, double[][] us) {
        JsonNode model = input.get("data").get("model");
        int bones = model.get("bone_names").size();
        double[][] pose = new double[3][bones + 3];
        for (int r = 0; r < 3; r++) {
            pose[r][0] = theta[r];
            pose[r][1] = 1;
            pose[r][2] = theta[3 + r];
        }
        int t = 6;
        for (int finger = 0; finger < 5; finger++) {
            int col = 5 + 4 * finger;
            pose[0][col] = theta[t++];
            pose[1][col] = theta[t++];
            pose[0][col + 1] = theta[t++];
            pose[0][col + 2] = theta[t++];
        }
        double[][][] absolute = new double[bones][][];
        double[][][] transform = new double[bones][][];
        for (int b = 0; b < bones; b++) {
            double tx = pose[0][b + 3], tz = pose[1][b + 3], ty = pose[2][b + 3];
            double[][] rx = {{1, 0, 0, 0}, {0, Math.cos(tx), -Math.sin(tx), 0}, {0, Math.sin(tx), Math.cos(tx), 0}, {0, 0, 0, 1}};
            double[][] ry = {{Math.cos(ty), 0, Math.sin(ty), 0}, {0, 1, 0, 0}, {-Math.sin(ty), 0, Math.cos(ty), 0}, {0, 0, 0, 1}};
            double[][] rz = {{Math.cos(tz), -Math.sin(tz), 0, 0}, {Math.sin(tz), Math.cos(tz), 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
            double[][] relative = mul(m4(model.get("base_relatives").get(b)), mul(mul(rz, ry), rx));
            int parent = model.get("parents").get(b).asInt();
            absolute[b] = parent < 0 ? relative : mul(absolute[parent], relative);
            transform[b] = mul(absolute[b], m4(model.get("inverse_base_absolutes").get(b)));
        }
        // global rotation by Rodrigues' formula with the unit axis
        double norm = Math.sqrt(theta[0] * theta[0] + theta[1] * theta[1] + theta[2] * theta[2]);
        double[][] g = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        if (norm >= 1e-4) {
            double[] k = {theta[0] / norm, theta[1] / norm, theta[2] / norm};
            double[][] kk = {{0, -k[2], k[1]}, {k[2], 0, -k[0]}, {-k[1], k[0], 0}};
            double[][] k2 = mul(kk, kk);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    g[i][j] += Math.sin(norm) * kk[i][j] + (1 - Math.cos(norm)) * k2[i][j];
                }
            }
        }
        JsonNode positions = model.get("base_positions");
        double[][] world = new double[positions.size()][3];
        for (int v = 0; v < positions.size(); v++) {
            double[] local = new double[3];
            for (int b = 0; b < bones; b++) {
                double w = model.get("weights").get(v).get(b).asDouble();
                for (int r = 0; r < 3; r++) {
                    double s = transform[b][r][3];
                    for (int c = 0; c < 3; c++) {
                        s += transform[b][r][c] * positions.get(v).get(c).asDouble();
                    }
                    local[r] += w * s;
                }
            }
            if (model.get("is_mirrored").asBoolean()) {
                local[0] = -local[0];
            }
            for (int r = 0; r < 3; r++) {
                world[v][r] = g[r][0] * local[0] + g[r][1] * local[1] + g[r][2] * local[2] + theta[3 + r];
            }
        }
        JsonNode corr = input.get("data").get("correspondences");
        JsonNode points = input.get("data").get("points");
        double[] out = new double[3 * corr.size()];
        for (int i = 0; i < corr.size(); i++) {
            for (int j = 0; j < 3; j++) {
                double hand;
                if (us == null) {
                    hand = world[corr.get(i).asInt()][j];
                } else {
                    JsonNode tri = model.get("triangles").get(corr.get(i).asInt());
                    hand = us[i][0] * world[tri.get(0).asInt()][j] + us[i][1] * world[tri.get(1).asInt()][j]
                            + (1 - us[i][0] - us[i][1]) * world[tri.get(2).asInt()][j];
                }
                out[3 * i + j] = points.get(i).get(j).asDouble() - hand;
            }
        }
        return out;
    }
}
