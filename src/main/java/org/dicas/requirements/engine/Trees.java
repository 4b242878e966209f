package org.dicas.requirements.engine;

import java.util.Arrays;
import java.util.List;

/**
 * Shallow regression trees boosted on the logistic loss on top of a linear model's logit (method §11k): what the
 * finder's logistic regression cannot say with one weight per signal — one signal mattering only when another holds
 * (rivals when no system is shared, other numbers when both sides make the same material). Newton boosting (each leaf
 * −G/(H+λ) of the examples' weighted gradients and hessians, shrunk), splits chosen on at most {@value #BINS} cut
 * points per signal; deterministic (no sampling, sums in example order). Immutable.
 */
final class Trees {

    static final Trees NONE = new Trees(new int[0][], new double[0][], new double[0][]);

    private static final int BINS = 32;
    private static final double SHRINKAGE = 0.1;
    private static final double LAMBDA = 1.0;
    private static final double MIN_HESSIAN = 1.0;

    /** Per tree, a complete binary tree in an array: the signal split on (−1 at a leaf), the cut, the leaf value. */
    private final int[][] feature;
    private final double[][] cut;
    private final double[][] value;

    private Trees(int[][] feature, double[][] cut, double[][] value) {
        this.feature = feature;
        this.cut = cut;
        this.value = value;
    }

    /** How many trees. */
    int size() {
        return feature.length;
    }

    /** The trees' sum for one example's signals (added to the linear logit). */
    double score(double[] x) {
        double s = 0;
        for (int t = 0; t < feature.length; t++) {
            int n = 0;
            while (feature[t][n] >= 0) {
                n = x[feature[t][n]] <= cut[t][n] ? 2 * n + 1 : 2 * n + 2;
            }
            s += value[t][n];
        }
        return s;
    }

    /** Boosts {@code trees} trees of at most {@code depth} levels on the examples, starting from their margins. */
    static Trees boost(List<FinderModel.Example> data, double[] margin, int trees, int depth) {
        if (trees <= 0 || depth <= 0 || data.isEmpty()) {
            return NONE;
        }
        int n = data.size();
        int d = data.get(0).x().length;
        double[][] cuts = new double[d][];
        // the bin of each example's signal, example by example (row-major: one example's signals side by side)
        byte[] bin = new byte[n * d];
        for (int j = 0; j < d; j++) {
            cuts[j] = cuts(data, j);
            for (int i = 0; i < n; i++) {
                int b = Arrays.binarySearch(cuts[j], data.get(i).x()[j]);
                bin[i * d + j] = (byte) (b >= 0 ? b : -b - 1);
            }
        }
        int nodes = (1 << (depth + 1)) - 1;
        int[][] feature = new int[trees][];
        double[][] cut = new double[trees][];
        double[][] value = new double[trees][];
        double[] f = margin.clone();
        double[] g = new double[n];
        double[] h = new double[n];
        int[] node = new int[n];
        for (int t = 0; t < trees; t++) {
            for (int i = 0; i < n; i++) {
                FinderModel.Example e = data.get(i);
                double p = FinderModel.sigmoid(f[i]);
                g[i] = e.weight() * (p - (e.same() ? 1 : 0));
                h[i] = e.weight() * Math.max(p * (1 - p), 1e-12);
            }
            int[] feat = new int[nodes];
            double[] at = new double[nodes];
            Arrays.fill(feat, -1);
            Arrays.fill(node, 0);
            for (int level = 0; level < depth; level++) {
                grow(level, d, n, cuts, bin, g, h, node, feat, at);
            }
            double[] gs = new double[nodes];
            double[] hs = new double[nodes];
            for (int i = 0; i < n; i++) {
                gs[node[i]] += g[i];
                hs[node[i]] += h[i];
            }
            double[] v = new double[nodes];
            for (int k = 0; k < nodes; k++) {
                v[k] = -SHRINKAGE * gs[k] / (hs[k] + LAMBDA);
            }
            for (int i = 0; i < n; i++) {
                f[i] += v[node[i]];
            }
            feature[t] = feat;
            cut[t] = at;
            value[t] = v;
        }
        return new Trees(feature, cut, value);
    }

    /** Splits the nodes of one level where a split gains, and moves their examples down. */
    private static void grow(int level, int d, int n, double[][] cuts, byte[] bin, double[] g, double[] h,
                             int[] node, int[] feat, double[] at) {
        int first = (1 << level) - 1;
        int width = 1 << level;
        int cell = 2 * (BINS + 1);
        // per node, per signal, per bin: the sums of gradients and hessians, side by side
        double[] gh = new double[width * d * cell];
        double[] gTotal = new double[width];
        double[] hTotal = new double[width];
        for (int i = 0; i < n; i++) {
            int k = node[i] - first;
            if (k < 0) {
                continue;
            }
            gTotal[k] += g[i];
            hTotal[k] += h[i];
            int row = i * d;
            int base = k * d * cell;
            for (int j = 0; j < d; j++) {
                int c = base + j * cell + 2 * bin[row + j];
                gh[c] += g[i];
                gh[c + 1] += h[i];
            }
        }
        boolean[] split = new boolean[width];
        int[] splitBin = new int[width];
        for (int k = 0; k < width; k++) {
            if (hTotal[k] < 2 * MIN_HESSIAN) {
                continue;
            }
            double parent = gTotal[k] * gTotal[k] / (hTotal[k] + LAMBDA);
            double best = 1e-9;
            for (int j = 0; j < d; j++) {
                double gl = 0;
                double hl = 0;
                int c = (k * d + j) * cell;
                for (int b = 0; b < cuts[j].length; b++) {
                    gl += gh[c + 2 * b];
                    hl += gh[c + 2 * b + 1];
                    double gr = gTotal[k] - gl;
                    double hr = hTotal[k] - hl;
                    if (hl < MIN_HESSIAN || hr < MIN_HESSIAN) {
                        continue;
                    }
                    double gain = gl * gl / (hl + LAMBDA) + gr * gr / (hr + LAMBDA) - parent;
                    if (gain > best) {
                        best = gain;
                        split[k] = true;
                        feat[first + k] = j;
                        at[first + k] = cuts[j][b];
                        splitBin[k] = b;
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            int k = node[i] - first;
            if (k >= 0 && split[k]) {
                node[i] = bin[i * d + feat[node[i]]] <= splitBin[k] ? 2 * node[i] + 1 : 2 * node[i] + 2;
            }
        }
    }

    /** The cut points of one signal: between its distinct values, at most {@value #BINS} − 1 at quantiles. */
    private static double[] cuts(List<FinderModel.Example> data, int j) {
        double[] v = data.stream().mapToDouble(e -> e.x()[j]).sorted().distinct().toArray();
        if (v.length <= 1) {
            return new double[0];
        }
        int k = Math.min(BINS - 1, v.length - 1);
        double[] out = new double[k];
        for (int c = 0; c < k; c++) {
            int at = (int) ((long) (c + 1) * (v.length - 1) / (k + 1));
            at = Math.min(at, v.length - 2);
            out[c] = (v[at] + v[at + 1]) / 2;
        }
        return Arrays.stream(out).distinct().sorted().toArray();
    }
}
