package dev.aerodiff.metrics;

/**
 * An optimal one-to-one matching of the rows and columns of a square cost matrix.
 *
 * @param columnOfRow {@code columnOfRow[i]} is the column matched to row {@code i}; a permutation
 * @param totalCost   the sum of the matched costs, {@code sum_i c[i][columnOfRow[i]]}
 */
public record Assignment(int[] columnOfRow, double totalCost) {

    /** @return the mean matched cost, {@code totalCost / n}: W_p^p between equal-size clouds */
    public double meanCost() {
        return totalCost / columnOfRow.length;
    }
}
