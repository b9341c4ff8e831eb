package dev.aerodiff.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import dev.aerodiff.nn.OpTimer;
import dev.aerodiff.nn.TapeUNet;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Where the time of a network execution goes, by op type: times every op from just before to just
 * after its execution and sums the times per op name ({@code conv2d}, {@code conv2d_bp},
 * {@code multiply_bp}, ...). For a SameDiff graph it is a listener ({@link SameDiff#addListeners}),
 * for an eagerly run network an {@link OpTimer}; {@link #of} attaches it for one execution. Time
 * outside the ops (graph scheduling, the optimizer) is the wall time minus {@link #opMillis()}.
 */
public final class OpProfile extends BaseListener implements OpTimer {
    /**
     * @param op      op name
     * @param calls   executions
     * @param millis  summed wall time
     */
    public record Row(String op, int calls, double millis) {
    }

    private final Map<String, long[]> byOp = new HashMap<>();
    private long started;
    private double wallMillis;
    private long minorFaults = -1;
    private double kernelMillis = -1;

    /**
     * @param sd   the graph the work executes
     * @param work one execution to profile (a forward pass, a training step)
     * @return the profile of that execution
     */
    public static OpProfile of(SameDiff sd, Runnable work) {
        OpProfile profile = new OpProfile();
        return profile.during(() -> sd.addListeners(profile), () -> sd.getListeners().remove(profile), work);
    }

    /**
     * @param net  the eagerly run network the work executes
     * @param work one execution to profile (a training step)
     * @return the profile of that execution, its gradients as ops of their own ({@code conv2d_bp}, ...)
     */
    public static OpProfile of(TapeUNet net, Runnable work) {
        OpProfile profile = new OpProfile();
        return profile.during(() -> net.timeOps(profile), () -> net.timeOps(null), work);
    }

    /** Times {@code work} with this profile attached (by {@code attach}, until {@code detach}). */
    private OpProfile during(Runnable attach, Runnable detach, Runnable work) {
        attach.run();
        try {
            time(work);
        } finally {
            detach.run();
        }
        return this;
    }

    private void time(Runnable work) {
        long[] before = ProcessCounters.read();
        long start = System.nanoTime();
        work.run();
        wallMillis = (System.nanoTime() - start) / 1e6;
        long[] after = ProcessCounters.read();
        if (before != null && after != null) {
            minorFaults = after[0] - before[0];
            kernelMillis = (after[1] - before[1]) * ProcessCounters.MILLIS_PER_TICK;
        }
    }

    @Override
    public boolean isActive(Operation operation) {
        return true;
    }

    @Override
    public void preOpExecution(SameDiff sd, At at, SameDiffOp op, OpContext opContext) {
        started = System.nanoTime();
    }

    @Override
    public void opExecution(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, OpContext opContext,
                            INDArray[] outputs) {
        add(op.getOp().opName(), System.nanoTime() - started);
    }

    @Override
    public void add(String op, long nanos) {
        long[] sum = byOp.computeIfAbsent(op, k -> new long[2]);
        sum[0]++;
        sum[1] += nanos;
    }

    /** @return one row per op name, slowest first */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        byOp.forEach((op, s) -> rows.add(new Row(op, (int) s[0], s[1] / 1e6)));
        rows.sort(Comparator.comparingDouble(Row::millis).reversed().thenComparing(Row::op));
        return rows;
    }

    /** @return wall time of the whole profiled execution */
    public double wallMillis() {
        return wallMillis;
    }

    /** @return page faults of the process that needed no disk read during the execution, or -1 where unknown */
    public long minorFaults() {
        return minorFaults;
    }

    /** @return CPU time the process spent in the kernel during the execution (all threads), or -1 where unknown */
    public double kernelMillis() {
        return kernelMillis;
    }

    /** @return summed time of all ops */
    public double opMillis() {
        return byOp.values().stream().mapToLong(s -> s[1]).sum() / 1e6;
    }
}
