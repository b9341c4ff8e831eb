package dev.aerodiff.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.diffusion.Denoiser;
import dev.aerodiff.diffusion.Parameterization;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LockstepRowsTest {

    /** Returns 2 x + t + condition per row and records each call's batch size and thread. */
    private static final class Recording implements Denoiser {
        final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        final List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
        int failOnCall = -1;

        @Override
        public Parameterization parameterization() {
            return Parameterization.X0;
        }

        @Override
        public INDArray evaluate(INDArray xt, double[] t, INDArray condition) {
            if (batchSizes.size() == failOnCall) {
                throw new IllegalStateException("network failed");
            }
            batchSizes.add((int) xt.size(0));
            threads.add(Thread.currentThread());
            INDArray out = xt.mul(2);
            for (int b = 0; b < t.length; b++) {
                out.putScalar(b, 0, out.getDouble(b, 0) + t[b] + condition.getDouble(b, 0));
            }
            return out;
        }
    }

    /** Row r makes calls(r) calls, each on its own value, and keeps the sum of the answers. */
    private static double[] solve(Recording denoiser, int rows, int[] calls) {
        double[] sums = new double[rows];
        LockstepRows.run(denoiser, rows, (row, view) -> {
            for (int k = 0; k < calls[row]; k++) {
                INDArray x = Nd4j.createFromArray(new double[][] {{row + 0.5 * k}});
                INDArray condition = Nd4j.createFromArray(new double[][] {{1000.0 * row}});
                sums[row] += view.evaluate(x, new double[] {0.01 * k}, condition).getDouble(0, 0);
            }
        });
        return sums;
    }

    private static double expected(int row, int calls) {
        double sum = 0;
        for (int k = 0; k < calls; k++) {
            sum += 2 * (row + 0.5 * k) + 0.01 * k + 1000.0 * row;
        }
        return sum;
    }

    @Test
    void eachRowGetsItsOwnAnswersFromBatchedCalls() {
        Recording d = new Recording();
        int rows = 10;
        int[] calls = new int[rows];
        for (int r = 0; r < rows; r++) {
            calls[r] = r % 4 + 1;
        }
        double[] sums = solve(d, rows, calls);
        for (int r = 0; r < rows; r++) {
            assertEquals(expected(r, calls[r]), sums[r], 1e-12, "row " + r);
        }
        assertEquals(List.of(10, 7, 4, 2), d.batchSizes, "rounds shrink as rows finish");
        for (Thread th : d.threads) {
            assertSame(Thread.currentThread(), th, "only the calling thread evaluates");
        }
    }

    @Test
    void moreRowsThanRunAtOnceStartAsOthersFinish() {
        Recording d = new Recording();
        int rows = 150;
        int[] calls = new int[rows];
        java.util.Arrays.fill(calls, 3);
        double[] sums = solve(d, rows, calls);
        for (int r = 0; r < rows; r++) {
            assertEquals(expected(r, 3), sums[r], 1e-9, "row " + r);
        }
        assertEquals(3 * rows, d.batchSizes.stream().mapToInt(Integer::intValue).sum());
        assertTrue(d.batchSizes.stream().allMatch(b -> b <= LockstepRows.MAX_RUNNING), d.batchSizes.toString());
        assertEquals(LockstepRows.MAX_RUNNING, d.batchSizes.get(0));
    }

    @Test
    void aFailingSolveStopsTheOthersAndIsRethrown() {
        Recording d = new Recording();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LockstepRows.run(d, 200,
                (row, view) -> {
                    for (int k = 0; k < 20; k++) {
                        if (row == 5 && k == 2) {
                            throw new IllegalArgumentException("row 5 diverged");
                        }
                        view.evaluate(Nd4j.zeros(DataType.DOUBLE, 1, 1), new double[] {0}, Nd4j.zeros(DataType.DOUBLE,
                                1, 1));
                    }
                }));
        assertEquals("row 5 diverged", e.getMessage());
        assertTrue(d.batchSizes.size() <= 3, "the others stop at their next call: " + d.batchSizes);
    }

    @Test
    void aFailingDenoiserIsRethrown() {
        Recording d = new Recording();
        d.failOnCall = 2;
        int[] calls = new int[12];
        java.util.Arrays.fill(calls, 5);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> solve(d, 12, calls));
        assertEquals("network failed", e.getMessage());
    }
}
