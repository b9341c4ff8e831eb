package dev.aerodiff.nn;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reverse-mode differentiation of eagerly executed ND4J ops: each op records, as it runs, how to
 * carry its output's gradient back to its inputs, and {@link #backward} replays those records in
 * reverse order.
 *
 * <p>Memory is released as soon as it is no longer needed, not when the garbage collector finds
 * it: an op's record names the values it keeps for its gradient ({@link #keep}), a value goes
 * back to the {@link ArrayPool} once the last record that kept it has run, and a gradient once
 * the op that produced its value has carried it back. So the peak is the values kept at the end
 * of the forward pass, where SameDiff keeps every input of every op until that op's gradient has run.
 */
final class Tape {
    /** A value in the computation, with its accumulated gradient. */
    static final class Node {
        final INDArray value;
        private final boolean owned;
        private INDArray grad;
        private int keeps;
        private boolean released;

        private Node(INDArray value, boolean owned) {
            this.value = value;
            this.owned = owned;
        }
    }

    /**
     * How one op carries its output's gradient back: it adds the input gradients with
     * {@link #accumulate} and owns {@code outputGrad} (passes it on or frees it).
     */
    @FunctionalInterface
    interface Backward {
        void run(INDArray outputGrad);
    }

    private record Record(String op, Node output, Backward backward, Node[] kept, INDArray[] scratch) {
    }

    private final List<Record> records = new ArrayList<>();
    private final OpTimer timer;
    private final ArrayPool pool;

    /**
     * @param timer receives op times, or null
     * @param pool  where arrays that fall out of use go, and where ops take new ones
     */
    Tape(OpTimer timer, ArrayPool pool) {
        this.timer = timer;
        this.pool = pool;
    }

    /** @return a float array of this shape from the pool, contents undefined */
    INDArray take(long... shape) {
        return pool.take(shape);
    }

    /** @return a start time for {@link #record} (0 when ops are not timed) */
    long clock() {
        return timer == null ? 0 : System.nanoTime();
    }

    /** Reports the time since {@code started} ({@link #clock()}) as one execution of {@code op}. */
    void timed(String op, long started) {
        if (timer != null) {
            timer.add(op, System.nanoTime() - started);
        }
    }

    /** @return a node for an input that needs no gradient and never goes to the pool */
    Node input(INDArray value) {
        return new Node(value, false);
    }

    /**
     * Records an op.
     *
     * @param op       the op's name, for the timer; null for an op that times its parts itself
     * @param started  {@link #clock()} when the op began
     * @param output   the op's result, owned by the tape from now on
     * @param backward adds the input gradients (via {@link #accumulate}) given the output's
     * @param kept     nodes whose values {@code backward} reads; kept alive until it has run
     * @param scratch  other arrays that {@code backward} reads, freed after it has run
     * @return the output node
     */
    Node record(String op, long started, INDArray output, Backward backward, Node[] kept, INDArray... scratch) {
        if (op != null) {
            timed(op, started);
        }
        Node out = new Node(output, true);
        for (Node k : kept) {
            k.keeps++;
        }
        records.add(new Record(op, out, backward, kept, scratch));
        return out;
    }

    /**
     * Marks the value of {@code node} as taken over by an op that wrote its result into it, in
     * place: it goes back to the pool with that op's output, not with {@code node}.
     */
    static void handOver(Node node) {
        node.released = true;
    }

    /** @return nodes as an array, for {@link #record} */
    static Node[] keep(Node... nodes) {
        return nodes;
    }

    /**
     * Adds {@code g} to the gradient of {@code node}, taking ownership of {@code g}: it must not be
     * used by the caller afterwards and must not be a view of an array that lives on. Inputs take
     * no gradient ({@code g} is freed).
     */
    void accumulate(Node node, INDArray g) {
        if (!node.owned) {
            free(g);
        } else if (node.grad == null) {
            node.grad = g;
        } else {
            node.grad.addi(g);
            free(g);
        }
    }

    /**
     * Runs the records backwards from {@code output}, whose gradient is {@code seed} (taken over),
     * freeing values and gradients as they fall out of use; the tape is empty afterwards.
     *
     * @param trimEvery hand glibc's free memory back to the system before every this many records
     *                  ({@link NativeGarbage#trimMalloc}), or 0 for never
     */
    void backward(Node output, INDArray seed, int trimEvery) {
        accumulate(output, seed);
        for (int k = records.size() - 1; k >= 0; k--) {
            if (trimEvery > 0 && k % trimEvery == 0) {
                NativeGarbage.trimMalloc();
            }
            Record r = records.get(k);
            INDArray g = r.output.grad;
            r.output.grad = null;
            if (g != null) {
                long started = clock();
                r.backward.run(g);
                if (r.op != null) {
                    timed(r.op + "_bp", started);
                }
            }
            for (INDArray s : r.scratch) {
                free(s);
            }
            for (Node n : r.kept) {
                if (--n.keeps == 0) {
                    release(n);
                }
            }
            if (r.output.keeps == 0) {
                release(r.output);
            }
        }
        records.clear();
    }

    private void release(Node n) {
        if (n.owned && !n.released) {
            free(n.value);
        }
        n.released = true;
    }

    /** Frees {@code a}, which nothing uses any more: back to the pool ({@link ArrayPool#give}). */
    void free(INDArray a) {
        pool.give(a);
    }
}
