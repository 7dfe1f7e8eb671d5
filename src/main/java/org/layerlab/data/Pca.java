package org.layerlab.data;

/**
 * The first principal components of a set of rows, for a 2-D scatter of data with many
 * features. Features are centred and scaled to unit variance first (otherwise the column with
 * the largest units decides the picture); components come from power iteration on the
 * covariance matrix with deflation, which needs only f × f memory and is exact enough to draw.
 */
public final class Pca {
    private final double[] mean;
    private final double[] scale;
    private final double[][] components;
    private final double[] explained;

    private Pca(double[] mean, double[] scale, double[][] components, double[] explained) {
        this.mean = mean;
        this.scale = scale;
        this.components = components;
        this.explained = explained;
    }

    /** Fits k components on n rows of f values (row-major). */
    public static Pca fit(float[] x, int n, int f, int k) {
        double[] mean = new double[f];
        double[] scale = new double[f];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                mean[j] += x[i * f + j];
            }
        }
        for (int j = 0; j < f; j++) {
            mean[j] /= Math.max(1, n);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                double d = x[i * f + j] - mean[j];
                scale[j] += d * d;
            }
        }
        for (int j = 0; j < f; j++) {
            double sd = Math.sqrt(scale[j] / Math.max(1, n - 1));
            scale[j] = sd > 1e-12 ? sd : 1;
        }
        double[][] cov = new double[f][f];
        double[] z = new double[f];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                z[j] = (x[i * f + j] - mean[j]) / scale[j];
            }
            for (int a = 0; a < f; a++) {
                if (z[a] != 0) {
                    for (int b = a; b < f; b++) {
                        cov[a][b] += z[a] * z[b];
                    }
                }
            }
        }
        double total = 0;
        for (int a = 0; a < f; a++) {
            for (int b = a; b < f; b++) {
                cov[a][b] /= Math.max(1, n - 1);
                cov[b][a] = cov[a][b];
            }
            total += cov[a][a];
        }
        int m = Math.min(k, f);
        double[][] comps = new double[m][];
        double[] explained = new double[m];
        for (int c = 0; c < m; c++) {
            double[] v = powerIteration(cov, c);
            double lambda = rayleigh(cov, v);
            comps[c] = v;
            explained[c] = total > 0 ? Math.max(0, lambda) / total : 0;
            for (int a = 0; a < f; a++) {
                for (int b = 0; b < f; b++) {
                    cov[a][b] -= lambda * v[a] * v[b];
                }
            }
        }
        return new Pca(mean, scale, comps, explained);
    }

    private static double[] powerIteration(double[][] cov, int salt) {
        int f = cov.length;
        double[] v = new double[f];
        // A fixed, uneven start vector: never orthogonal to a component in practice, same result every run.
        for (int j = 0; j < f; j++) {
            v[j] = 1 + ((j * 7919 + salt * 104729) % 97) / 97.0;
        }
        normalize(v);
        double[] next = new double[f];
        for (int it = 0; it < 500; it++) {
            for (int a = 0; a < f; a++) {
                double s = 0;
                for (int b = 0; b < f; b++) {
                    s += cov[a][b] * v[b];
                }
                next[a] = s;
            }
            if (normalize(next) == 0) {
                return v;
            }
            double change = 0;
            for (int j = 0; j < f; j++) {
                change += Math.abs(Math.abs(next[j]) - Math.abs(v[j]));
            }
            System.arraycopy(next, 0, v, 0, f);
            if (change < 1e-10) {
                break;
            }
        }
        // Sign convention: the largest entry is positive, so the picture does not flip between runs.
        int big = 0;
        for (int j = 1; j < f; j++) {
            big = Math.abs(v[j]) > Math.abs(v[big]) ? j : big;
        }
        if (v[big] < 0) {
            for (int j = 0; j < f; j++) {
                v[j] = -v[j];
            }
        }
        return v;
    }

    private static double normalize(double[] v) {
        double n = 0;
        for (double d : v) {
            n += d * d;
        }
        n = Math.sqrt(n);
        if (n > 0) {
            for (int j = 0; j < v.length; j++) {
                v[j] /= n;
            }
        }
        return n;
    }

    private static double rayleigh(double[][] cov, double[] v) {
        double s = 0;
        for (int a = 0; a < v.length; a++) {
            for (int b = 0; b < v.length; b++) {
                s += v[a] * cov[a][b] * v[b];
            }
        }
        return s;
    }

    /** Component c of one row. */
    public double project(float[] x, int row, int f, int c) {
        double s = 0;
        for (int j = 0; j < f; j++) {
            s += (x[row * f + j] - mean[j]) / scale[j] * components[c][j];
        }
        return s;
    }

    /** Unit direction of component c in standardized feature space. */
    public double[] component(int c) {
        return components[c].clone();
    }

    /** The column means the components are centred on. */
    public double[] mean() {
        return mean.clone();
    }

    /** The column standard deviations the components are scaled by. */
    public double[] scale() {
        return scale.clone();
    }

    /** Share of the total (standardized) variance that component c explains. */
    public double explained(int c) {
        return explained[c];
    }
}
