package org.sitrep.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Multinomial logistic regression over a fixed feature vector: one weight row and bias per label. Training is
 * full-batch Adam from zero weights, so it has no random element at all; rows and labels are processed in a
 * fixed order and each label's gradient is summed by one thread, so the result is the same on any core count.
 */
public final class SoftmaxHead {

    /** Training settings; {@code balance} weights each row by (rows / (labels · rows of its label))^balance. */
    public record Settings(int iterations, double learningRate, double l2, double balance) {
        public static final Settings DEFAULT = new Settings(300, 0.05, 1e-3, 0.5);
    }

    private final List<String> labels;
    private final double[][] weights;
    private final double[] bias;

    public SoftmaxHead(List<String> labels, double[][] weights, double[] bias) {
        if (labels.size() != weights.length || labels.size() != bias.length)
            throw new IllegalArgumentException("labels, weights and biases differ in number");
        this.labels = List.copyOf(labels);
        this.weights = Arrays.stream(weights).map(double[]::clone).toArray(double[][]::new);
        this.bias = bias.clone();
    }

    public List<String> labels() {
        return labels;
    }

    public int dimension() {
        return weights.length == 0 ? 0 : weights[0].length;
    }

    double[] weights(int label) {
        return weights[label].clone();
    }

    double bias(int label) {
        return bias[label];
    }

    /** The probability of each label (in {@link #labels()} order) for feature vector x. */
    public double[] probabilities(float[] x) {
        double[] z = new double[labels.size()];
        for (int k = 0; k < z.length; k++) z[k] = bias[k] + dot(weights[k], x);
        return softmax(z);
    }

    /** The most probable label and its probability. */
    public Map.Entry<String, Double> best(float[] x) {
        double[] p = probabilities(x);
        int arg = 0;
        for (int k = 1; k < p.length; k++) if (p[k] > p[arg]) arg = k;
        return Map.entry(labels.get(arg), p[arg]);
    }

    /** w·x with four running sums (a fixed order, so the same result every time, and faster than one chain). */
    static double dot(double[] w, float[] x) {
        double a = 0, b = 0, c = 0, e = 0;
        int j = 0, n = w.length;
        for (; j + 3 < n; j += 4) {
            a += w[j] * x[j];
            b += w[j + 1] * x[j + 1];
            c += w[j + 2] * x[j + 2];
            e += w[j + 3] * x[j + 3];
        }
        for (; j < n; j++) a += w[j] * x[j];
        return (a + b) + (c + e);
    }

    static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) max = Math.max(max, v);
        double sum = 0;
        double[] p = new double[z.length];
        for (int k = 0; k < z.length; k++) sum += p[k] = Math.exp(z[k] - max);
        for (int k = 0; k < z.length; k++) p[k] /= sum;
        return p;
    }

    /** Trains a head on rows x with labels y; labels are sorted, so the file does not depend on row order of first use. */
    public static SoftmaxHead train(List<float[]> x, List<String> y, Settings s) {
        if (x.size() != y.size() || x.isEmpty())
            throw new IllegalArgumentException("need as many labels as rows, and some rows");
        Map<String, Integer> count = new TreeMap<>();
        for (String label : y) count.merge(label, 1, Integer::sum);
        List<String> labels = new ArrayList<>(count.keySet());
        int n = x.size(), d = x.get(0).length, kk = labels.size();
        int[] gold = new int[n];
        double[] rowWeight = new double[n];
        double weightSum = 0;
        for (int i = 0; i < n; i++) {
            gold[i] = labels.indexOf(y.get(i));
            rowWeight[i] = Math.pow(n / ((double) kk * count.get(y.get(i))), s.balance());
            weightSum += rowWeight[i];
        }
        for (int i = 0; i < n; i++) rowWeight[i] /= weightSum;
        double[][] w = new double[kk][d], mw = new double[kk][d], vw = new double[kk][d];
        double[] b = new double[kk], mb = new double[kk], vb = new double[kk];
        double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
        double[][] p = new double[n][];
        for (int t = 1; t <= s.iterations(); t++) {
            double[][] wt = w;
            double[] bt = b;
            IntStream.range(0, n).parallel().forEach(i -> {
                double[] z = new double[kk];
                float[] xi = x.get(i);
                for (int k = 0; k < kk; k++) z[k] = bt[k] + dot(wt[k], xi);
                p[i] = softmax(z);
            });
            double c1 = 1 - Math.pow(beta1, t), c2 = 1 - Math.pow(beta2, t);
            IntStream.range(0, kk).parallel().forEach(k -> {
                double[] g = new double[d];
                double gb = 0;
                for (int i = 0; i < n; i++) {
                    double r = rowWeight[i] * (p[i][k] - (gold[i] == k ? 1 : 0));
                    if (r == 0) continue;
                    float[] xi = x.get(i);
                    for (int j = 0; j < d; j++) g[j] += r * xi[j];
                    gb += r;
                }
                for (int j = 0; j < d; j++) {
                    double gj = g[j] + s.l2() * wt[k][j];
                    mw[k][j] = beta1 * mw[k][j] + (1 - beta1) * gj;
                    vw[k][j] = beta2 * vw[k][j] + (1 - beta2) * gj * gj;
                    wt[k][j] -= s.learningRate() * (mw[k][j] / c1) / (Math.sqrt(vw[k][j] / c2) + eps);
                }
                mb[k] = beta1 * mb[k] + (1 - beta1) * gb;
                vb[k] = beta2 * vb[k] + (1 - beta2) * gb * gb;
                bt[k] -= s.learningRate() * (mb[k] / c1) / (Math.sqrt(vb[k] / c2) + eps);
            });
        }
        return new SoftmaxHead(labels, w, b);
    }

    /** The same head with every number rounded to {@code digits} decimals, as it is written to its file. */
    public SoftmaxHead rounded(int digits) {
        double f = Math.pow(10, digits);
        double[][] w = new double[weights.length][];
        for (int k = 0; k < w.length; k++) {
            w[k] = new double[weights[k].length];
            for (int j = 0; j < w[k].length; j++) w[k][j] = Math.round(weights[k][j] * f) / f;
        }
        double[] b = new double[bias.length];
        for (int k = 0; k < b.length; k++) b[k] = Math.round(bias[k] * f) / f;
        return new SoftmaxHead(labels, w, b);
    }
}
