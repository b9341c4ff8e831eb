package dev.aerodiff.metrics;

/**
 * An optimal plan of a transportation problem, listed by its positive flows: {@code amounts[k]}
 * units go from supply node {@code rows[k]} to demand node {@code cols[k]}.
 *
 * @param rows       supply node of each flow
 * @param cols       demand node of each flow
 * @param amounts    positive integer amount of each flow
 * @param totalCost  {@code sum_k c[rows[k]][cols[k]] * amounts[k]}
 * @param totalFlow  {@code sum_k amounts[k]}, the total supply
 */
public record TransportPlan(int[] rows, int[] cols, long[] amounts, double totalCost, long totalFlow) {

    /** @return cost per unit of flow, {@code totalCost / totalFlow}: W_p^p for uniform masses */
    public double costPerUnit() {
        return totalCost / totalFlow;
    }
}
