package dev.aerodiff.sampling;

import dev.aerodiff.diffusion.BatchArrays;
import dev.aerodiff.diffusion.Denoiser;
import dev.aerodiff.diffusion.Parameterization;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs independent solves, one per row of a batch, side by side, and gathers their denoiser calls
 * into batched ones. Each solve runs in a thread of its own with a {@link Denoiser} view that only
 * sees its row; a call blocks until every running solve has called too (or finished), then the
 * thread that called {@link #run} evaluates all waiting rows as one batch and hands each its rows
 * back. The denoiser treats rows independently, so every solve gets what it would get alone: the
 * results equal those of solving the rows one after another, while the network sees batches. Used
 * by adaptive ODE samplers, where every sample takes its own steps.
 *
 * <p>At most {@link #MAX_RUNNING} solves run at once; the next row starts when one finishes. Only
 * the calling thread touches the denoiser, so a network that keeps per-thread state (SameDiff
 * sessions) sees one thread.
 */
final class LockstepRows {

    /** Solves running at once, and so the largest gathered batch. */
    static final int MAX_RUNNING = 64;

    /** One row's solve. */
    @FunctionalInterface
    interface RowSolve {
        /**
         * @param row      the row index
         * @param denoiser the denoiser to call, with this row's inputs only
         */
        void run(int row, Denoiser denoiser);
    }

    /** A pending call of one solve. */
    private static final class Call {
        private final INDArray xt;
        private final double[] t;
        private final INDArray condition;
        private INDArray result;

        Call(INDArray xt, double[] t, INDArray condition) {
            this.xt = xt;
            this.t = t;
            this.condition = condition;
        }
    }

    private final Denoiser denoiser;
    private final RowSolve solve;
    private final int rows;
    private final Object lock = new Object();
    private final List<Call> waiting = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private int nextRow;
    private int running;
    private long batchedCalls;
    /** The first failure, of a solve or of the denoiser; it stops every solve. */
    private Throwable failure;

    /** Ends a solve that waits for a call when another solve or the denoiser has failed. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("stopped by a failure elsewhere in the batch", null, false, false);
        }
    }

    private LockstepRows(Denoiser denoiser, int rows, RowSolve solve) {
        this.denoiser = denoiser;
        this.rows = rows;
        this.solve = solve;
    }

    /**
     * @param denoiser the model, called from the current thread only
     * @param rows     number of rows, &gt;= 1
     * @param solve    the solve of one row, run in its own thread
     * @return the number of batched denoiser calls made
     * @throws RuntimeException the first failure of a solve or of the denoiser, rethrown
     */
    static long run(Denoiser denoiser, int rows, RowSolve solve) {
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be >= 1, got " + rows);
        }
        LockstepRows run = new LockstepRows(denoiser, rows, solve);
        run.coordinate();
        return run.batchedCalls;
    }

    private void coordinate() {
        boolean interrupted = false;
        synchronized (lock) {
            while (nextRow < rows && running < MAX_RUNNING) {
                startNext();
            }
            while (running > 0) {
                if (failure != null || waiting.size() < running) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                        fail(new IllegalStateException("sampling was interrupted"));
                    }
                    continue;
                }
                evaluateWaiting();
            }
        }
        for (Thread th : threads) {
            try {
                th.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    /** Evaluates every waiting call as one batch; called with the lock held, all solves waiting. */
    private void evaluateWaiting() {
        try {
            INDArray[] xs = new INDArray[waiting.size()];
            INDArray[] conditions = new INDArray[waiting.size()];
            double[] times = new double[waiting.stream().mapToInt(c -> c.t.length).sum()];
            int filled = 0;
            for (int i = 0; i < xs.length; i++) {
                Call c = waiting.get(i);
                xs[i] = c.xt;
                conditions[i] = c.condition;
                System.arraycopy(c.t, 0, times, filled, c.t.length);
                filled += c.t.length;
            }
            INDArray x = xs.length == 1 ? xs[0] : Nd4j.concat(0, xs);
            INDArray condition = conditions[0] == null ? null
                    : conditions.length == 1 ? conditions[0] : Nd4j.concat(0, conditions);
            INDArray out = denoiser.evaluate(x, times, condition);
            batchedCalls++;
            long first = 0;
            for (Call c : waiting) {
                long size = c.xt.size(0);
                c.result = BatchArrays.rows(out, first, first + size); // a view: each solve touches only its rows
                first += size;
            }
        } catch (RuntimeException | Error e) {
            fail(e); // every solve stops at its next call; run() rethrows e once they have
        }
        waiting.clear();
        lock.notifyAll();
    }

    /** Records the first failure and wakes every waiting solve; called with the lock held. */
    private void fail(Throwable e) {
        if (failure == null) {
            failure = e;
        }
        lock.notifyAll();
    }

    /** Starts the solve of the next row; called with the lock held. */
    private void startNext() {
        int row = nextRow++;
        running++;
        Thread th = new Thread(() -> solveRow(row), "aerodiff-row-" + row);
        th.setDaemon(true);
        threads.add(th);
        th.start();
    }

    private void solveRow(int row) {
        Throwable error = null;
        try {
            solve.run(row, view());
        } catch (Stopped e) {
            // another failure is already recorded
        } catch (Throwable e) {
            error = e;
        }
        synchronized (lock) {
            running--;
            if (error != null) {
                fail(error);
            }
            if (nextRow < rows && failure == null) {
                startNext();
            }
            lock.notifyAll();
        }
    }

    private Denoiser view() {
        return new Denoiser() {
            @Override
            public Parameterization parameterization() {
                return denoiser.parameterization();
            }

            @Override
            public INDArray evaluate(INDArray xt, double[] t, INDArray condition) {
                return submit(new Call(xt, t, condition));
            }
        };
    }

    /** Queues a call and waits for its result; called from a solve's thread. */
    private INDArray submit(Call call) {
        synchronized (lock) {
            if (failure != null) {
                throw new Stopped();
            }
            waiting.add(call);
            lock.notifyAll();
            while (call.result == null) {
                if (failure != null) {
                    waiting.remove(call);
                    throw new Stopped();
                }
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    waiting.remove(call);
                    fail(new IllegalStateException("sampling was interrupted"));
                    throw new Stopped();
                }
            }
            return call.result;
        }
    }
}
