package dev.aerodiff.metrics;

import java.util.Random;

/** Random point clouds and cost matrices for the tests. */
final class Clouds {
    private Clouds() {
    }

    static PointCloud gaussian(Random random, int n, int dim, double shift, double scale) {
        double[] x = new double[n * dim];
        for (int k = 0; k < x.length; k++) {
            x[k] = shift + scale * random.nextGaussian();
        }
        return new PointCloud(n, dim, x);
    }

    static PointCloud translated(PointCloud cloud, double[] t) {
        double[] x = cloud.coords();
        for (int k = 0; k < x.length; k++) {
            x[k] += t[k % cloud.dim()];
        }
        return new PointCloud(cloud.size(), cloud.dim(), x);
    }

    /** Each point of {@code cloud} repeated {@code times} times. */
    static PointCloud replicated(PointCloud cloud, int times) {
        int dim = cloud.dim();
        double[] x = new double[cloud.size() * times * dim];
        for (int i = 0; i < cloud.size(); i++) {
            for (int r = 0; r < times; r++) {
                for (int k = 0; k < dim; k++) {
                    x[(i * times + r) * dim + k] = cloud.coord(i, k);
                }
            }
        }
        return new PointCloud(cloud.size() * times, dim, x);
    }

    /** Random costs; with {@code integers}, small integers so that ties are common. */
    static CostMatrix costs(Random random, int rows, int cols, boolean integers) {
        double[] c = new double[rows * cols];
        for (int k = 0; k < c.length; k++) {
            c[k] = integers ? random.nextInt(4) : random.nextDouble() * 10;
        }
        return CostMatrix.of(rows, cols, c);
    }
}
