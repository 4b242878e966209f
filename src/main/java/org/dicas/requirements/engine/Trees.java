package org.dicas.requirements.engine;

import java.util.Arrays;
import java.util.List;

/**
 * Shallow regression trees boosted on the logistic loss on top of a linear model's logit (method §11k): what the
 * finder's logistic regression cannot say with one weight per signal — one signal mattering only when another holds
 * (rivals when no system is shared, other numbers when both sides make the same material). Newton boosting (each leaf
 * −G/(H+λ) of the examples' weighted gradients and hessians, shrunk), splits chosen on at most {@value #BINS} cut
 * points per signal; deterministic (no sampling; sums in example order, the larger sibling's histogram and each
 * signal's commonest bin derived by subtraction from the node's). Immutable.
 */
final class Trees {

    static final Trees NONE = new Trees(new int[0][], new double[0][], new double[0][], new double[0][]);

    private static final int BINS = 32;
    private static final double SHRINKAGE = 0.1;
    private static final double LAMBDA = 1.0;
    private static final double MIN_HESSIAN = 1.0;

    /** Per tree, a complete binary tree in an array: the signal split on (−1 at a leaf), the cut, the leaf value. */
    private final int[][] feature;
    private final double[][] cut;
    private final double[][] value;
    /**
     * Per tree and node, the tree's expected output over the training examples that reach the node (hessian-weighted,
     * as the leaves are fitted; at a leaf, its value): what {@link #attribute} splits a prediction by.
     */
    private final double[][] expected;

    private Trees(int[][] feature, double[][] cut, double[][] value, double[][] expected) {
        this.feature = feature;
        this.cut = cut;
        this.value = value;
        this.expected = expected;
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

    /**
     * Splits the trees' sum for one example by signal (the path attribution of Saabas, as XGBoost's
     * {@code pred_contribs} with {@code approx_contribs}): along each tree's path, the change of the expected output from
     * a node to the child taken is added to the signal the node splits on. The trees' sum is then
     * {@link #baseline()} plus the sum of {@code into}.
     */
    void attribute(double[] x, double[] into) {
        for (int t = 0; t < feature.length; t++) {
            int n = 0;
            while (feature[t][n] >= 0) {
                int child = x[feature[t][n]] <= cut[t][n] ? 2 * n + 1 : 2 * n + 2;
                into[feature[t][n]] += expected[t][child] - expected[t][n];
                n = child;
            }
        }
    }

    /** The trees' expected sum over the training examples (each tree's root): the part no signal is credited with. */
    double baseline() {
        double b = 0;
        for (double[] e : expected) {
            b += e[0];
        }
        return b;
    }

    /** Boosts {@code trees} trees of at most {@code depth} levels on the examples, starting from their margins. */
    static Trees boost(List<FinderModel.Example> data, double[] margin, int trees, int depth) {
        if (trees <= 0 || depth <= 0 || data.isEmpty()) {
            return NONE;
        }
        int n = data.size();
        int d = data.get(0).x().length;
        // the signals signal by signal, read once
        double[][] column = new double[d][n];
        double[] weight = new double[n];
        double[] label = new double[n];
        for (int i = 0; i < n; i++) {
            weight[i] = data.get(i).weight();
            label[i] = data.get(i).same() ? 1 : 0;
            double[] x = data.get(i).x();
            for (int j = 0; j < d; j++) {
                column[j][i] = x[j];
            }
        }
        double[][] cuts = new double[d][];
        // the bin of each example's signal, example by example (row-major: one example's signals side by side)
        byte[] bin = new byte[n * d];
        for (int j = 0; j < d; j++) {
            cuts[j] = cuts(column[j].clone());
            if (cuts[j].length == 0) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                int b = Arrays.binarySearch(cuts[j], column[j][i]);
                bin[i * d + j] = (byte) (b >= 0 ? b : -b - 1);
            }
        }
        int nodes = (1 << (depth + 1)) - 1;
        int[][] feature = new int[trees][];
        double[][] cut = new double[trees][];
        double[][] value = new double[trees][];
        double[][] expected = new double[trees][];
        double[] f = margin.clone();
        double[] g = new double[n];
        double[] h = new double[n];
        int[] node = new int[n];
        Level work = new Level(bin, n, d, nodes);
        for (int t = 0; t < trees; t++) {
            for (int i = 0; i < n; i++) {
                double p = FinderModel.sigmoid(f[i]);
                g[i] = weight[i] * (p - label[i]);
                h[i] = weight[i] * Math.max(p * (1 - p), 1e-12);
            }
            int[] feat = new int[nodes];
            double[] at = new double[nodes];
            Arrays.fill(feat, -1);
            Arrays.fill(node, 0);
            for (int level = 0; level < depth; level++) {
                work.grow(level, cuts, g, h, node, feat, at);
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
            // each node's expected output: its examples' leaf values, hessian-weighted, summed up the path
            double[] sum = new double[nodes];
            double[] cover = new double[nodes];
            for (int i = 0; i < n; i++) {
                for (int k = node[i]; ; k = (k - 1) / 2) {
                    sum[k] += h[i] * v[node[i]];
                    cover[k] += h[i];
                    if (k == 0) {
                        break;
                    }
                }
            }
            double[] e = new double[nodes];
            for (int k = 0; k < nodes; k++) {
                // a leaf's is its value exactly (no rounding of a weighted mean of equal values)
                e[k] = feat[k] < 0 || cover[k] == 0 ? v[k] : sum[k] / cover[k];
            }
            feature[t] = feat;
            cut[t] = at;
            value[t] = v;
            expected[t] = e;
        }
        return new Trees(feature, cut, value, expected);
    }

    /**
     * One level's growth, with the buffers reused from tree to tree. Per node, per signal, per bin it sums the
     * gradients, hessians and examples; a node's histogram is built from its own examples only when it is the smaller
     * of two siblings, the larger one's is its parent's less the sibling's (the histogram subtraction of LightGBM and
     * XGBoost: most pairs are far from a shared need, so a split's smaller side is small and a level costs a fraction
     * of a pass over all examples). At the root each signal's commonest bin (most signals are mostly zero) is the
     * total less its other bins, which are summed over the examples outside it alone. An empty bin is exactly zero, as
     * a sum over no examples is, so that the first of equally good cuts wins as it does when every bin is summed.
     */
    private static final class Level {

        private static final int CELL = 3 * (BINS + 1);

        private final byte[] bin;
        private final int d;
        /** Per signal, its commonest bin, and the examples (in example order) outside it with their bins. */
        private final int[] common;
        private final int[][] outside;
        private final byte[][] outsideBin;
        /** Per node (the whole tree's numbering), its histogram: gradient, hessian, count per signal and bin. */
        private final double[][] histogram;
        /** The examples of the level's nodes, node by node, each node's in example order. */
        private final int[] members;
        private final int[] start;
        private final int[] count;

        Level(byte[] bin, int n, int d, int nodes) {
            this.bin = bin;
            this.d = d;
            this.common = new int[d];
            this.outside = new int[d][];
            this.outsideBin = new byte[d][];
            for (int j = 0; j < d; j++) {
                int[] perBin = new int[BINS + 1];
                for (int i = 0; i < n; i++) {
                    perBin[bin[i * d + j]]++;
                }
                int c = 0;
                for (int b = 1; b <= BINS; b++) {
                    c = perBin[b] > perBin[c] ? b : c;
                }
                common[j] = c;
                outside[j] = new int[n - perBin[c]];
                outsideBin[j] = new byte[n - perBin[c]];
                int m = 0;
                for (int i = 0; i < n; i++) {
                    if (bin[i * d + j] != c) {
                        outside[j][m] = i;
                        outsideBin[j][m++] = bin[i * d + j];
                    }
                }
            }
            this.histogram = new double[nodes][d * CELL];
            this.members = new int[n];
            this.start = new int[nodes + 1];
            this.count = new int[nodes];
        }

        /** Splits the nodes of one level where a split gains, and moves their examples down. */
        void grow(int level, double[][] cuts, double[] g, double[] h, int[] node, int[] feat, double[] at) {
            int first = (1 << level) - 1;
            int width = 1 << level;
            int n = node.length;
            Arrays.fill(count, 0, width, 0);
            for (int i = 0; i < n; i++) {
                int k = node[i] - first;
                if (k >= 0) {
                    count[k]++;
                }
            }
            start[0] = 0;
            for (int k = 0; k < width; k++) {
                start[k + 1] = start[k] + count[k];
            }
            int[] next = Arrays.copyOf(start, width);
            for (int i = 0; i < n; i++) {
                int k = node[i] - first;
                if (k >= 0) {
                    members[next[k]++] = i;
                }
            }
            double[] gTotal = new double[width];
            double[] hTotal = new double[width];
            for (int k = 0; k < width; k++) {
                for (int m = start[k]; m < start[k + 1]; m++) {
                    gTotal[k] += g[members[m]];
                    hTotal[k] += h[members[m]];
                }
            }
            if (level == 0) {
                buildRoot(n, gTotal[0], hTotal[0], g, h);
            } else {
                for (int k = 0; k < width; k += 2) {
                    int parent = (first + k - 1) / 2;
                    if (feat[parent] < 0) {
                        continue;
                    }
                    boolean leftSmaller = count[k] <= count[k + 1];
                    int small = leftSmaller ? k : k + 1;
                    build(first + small, small, gTotal[small], hTotal[small], g, h);
                    subtract(histogram[parent], histogram[first + small], histogram[first + (leftSmaller ? k + 1 : k)]);
                }
            }
            boolean[] split = new boolean[width];
            int[] splitBin = new int[width];
            for (int k = 0; k < width; k++) {
                if (hTotal[k] < 2 * MIN_HESSIAN) {
                    continue;
                }
                double[] gh = histogram[first + k];
                double parent = gTotal[k] * gTotal[k] / (hTotal[k] + LAMBDA);
                double best = 1e-9;
                for (int j = 0; j < d; j++) {
                    double gl = 0;
                    double hl = 0;
                    int c = j * CELL;
                    for (int b = 0; b < cuts[j].length; b++) {
                        gl += gh[c + 3 * b];
                        hl += gh[c + 3 * b + 1];
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

        /** The root's histogram: per signal, the examples outside its commonest bin, and that bin the rest. */
        private void buildRoot(int n, double gTotal, double hTotal, double[] g, double[] h) {
            double[] gh = histogram[0];
            Arrays.fill(gh, 0);
            for (int j = 0; j < d; j++) {
                int base = j * CELL;
                int[] rows = outside[j];
                byte[] bins = outsideBin[j];
                for (int m = 0; m < rows.length; m++) {
                    int i = rows[m];
                    int c = base + 3 * bins[m];
                    gh[c] += g[i];
                    gh[c + 1] += h[i];
                    gh[c + 2] += 1;
                }
                gh[base + 3 * common[j] + 2] = n - rows.length;
            }
            commonBins(gh, gTotal, hTotal);
        }

        /**
         * The histogram of one node (the {@code k}-th of its level) from its own examples: per signal, the bins other
         * than its commonest summed, and that bin the node's totals less them.
         */
        private void build(int id, int k, double gTotal, double hTotal, double[] g, double[] h) {
            double[] gh = histogram[id];
            Arrays.fill(gh, 0);
            for (int m = start[k]; m < start[k + 1]; m++) {
                int i = members[m];
                int row = i * d;
                for (int j = 0; j < d; j++) {
                    int b = bin[row + j];
                    int c = j * CELL + 3 * b;
                    if (b != common[j]) {
                        gh[c] += g[i];
                        gh[c + 1] += h[i];
                    }
                    gh[c + 2] += 1;
                }
            }
            commonBins(gh, gTotal, hTotal);
        }

        /** Each signal's commonest bin: the totals less the signal's other bins (exactly zero when empty). */
        private void commonBins(double[] gh, double gTotal, double hTotal) {
            for (int j = 0; j < d; j++) {
                int base = j * CELL;
                double gOutside = 0;
                double hOutside = 0;
                for (int b = 0; b <= BINS; b++) {
                    if (b != common[j]) {
                        gOutside += gh[base + 3 * b];
                        hOutside += gh[base + 3 * b + 1];
                    }
                }
                int c = base + 3 * common[j];
                boolean empty = gh[c + 2] == 0;
                gh[c] = empty ? 0 : gTotal - gOutside;
                gh[c + 1] = empty ? 0 : hTotal - hOutside;
            }
        }

        /** The larger sibling's histogram: the parent's less the smaller sibling's, empty bins exactly zero. */
        private static void subtract(double[] parent, double[] small, double[] out) {
            for (int c = 0; c < out.length; c += 3) {
                double examples = parent[c + 2] - small[c + 2];
                out[c + 2] = examples;
                out[c] = examples == 0 ? 0 : parent[c] - small[c];
                out[c + 1] = examples == 0 ? 0 : parent[c + 1] - small[c + 1];
            }
        }
    }

    /**
     * The cut points of one signal's values (sorted in place): between its distinct values, at most {@value #BINS} − 1
     * at quantiles.
     */
    private static double[] cuts(double[] values) {
        Arrays.sort(values);
        int distinct = 0;
        for (int i = 0; i < values.length; i++) {
            if (distinct == 0 || Double.compare(values[i], values[distinct - 1]) != 0) {
                values[distinct++] = values[i];
            }
        }
        if (distinct <= 1) {
            return new double[0];
        }
        int k = Math.min(BINS - 1, distinct - 1);
        double[] out = new double[k];
        int kept = 0;
        for (int c = 0; c < k; c++) {
            int at = (int) ((long) (c + 1) * (distinct - 1) / (k + 1));
            at = Math.min(at, distinct - 2);
            double cut = (values[at] + values[at + 1]) / 2;
            if (kept == 0 || Double.compare(cut, out[kept - 1]) != 0) {
                out[kept++] = cut;
            }
        }
        return Arrays.copyOf(out, kept);
    }
}
