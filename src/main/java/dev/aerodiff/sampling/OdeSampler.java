package dev.aerodiff.sampling;

import dev.aerodiff.diffusion.BatchArrays;
import dev.aerodiff.diffusion.Denoiser;
import dev.aerodiff.diffusion.NoiseLevel;
import dev.aerodiff.diffusion.NoiseSchedule;
import dev.aerodiff.diffusion.Parameterization;
import dev.aerodiff.diffusion.TimeGrid;
import java.util.Arrays;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.ODEIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Solves the probability-flow ODE ({@link ProbabilityFlowOde}) with a Hipparchus integrator from
 * t_0 to t_n of the grid; fixed-step methods take the grid's step count in equal steps of the
 * independent variable. Where sigma(t_n) = 0 it integrates to the schedule's
 * {@link NoiseSchedule#tMin()} and ends with the denoising step x = E[x_0 | x] (one more
 * evaluation). The reported NFE counts every denoiser call, starter steps included.
 *
 * <p>Batch modes: {@link Mode#BATCHED} integrates the batch as one ODE (one denoiser call per
 * evaluation, best throughput; adaptive step sizes are shared, so results depend on the batch's
 * composition). {@link Mode#PER_SAMPLE} integrates each sample alone, with its own steps, so
 * results do not depend on the batch; the samples' solves run side by side and their network
 * evaluations are gathered into batched calls ({@link LockstepRows}). It is the default for
 * adaptive methods. Fixed-step methods give the same result in both modes and default to batched.
 */
public final class OdeSampler implements Sampler {

    /** How a batch is integrated. */
    public enum Mode {
        /** One ODE for the whole batch. */
        BATCHED,
        /** One ODE per sample. */
        PER_SAMPLE
    }

    /**
     * @param tolerance      absolute and relative tolerance of adaptive methods, &gt; 0
     * @param variables      x and t, or the scaled y = x/alpha and s = sigma/alpha
     * @param mode           batch mode
     * @param maxEvaluations evaluation budget per solve
     */
    public record Options(double tolerance, ProbabilityFlowOde.Variables variables, Mode mode, int maxEvaluations) {
        /** Default tolerance of adaptive methods. */
        public static final double DEFAULT_TOLERANCE = 1e-5;

        /** @throws IllegalArgumentException for a non-positive tolerance or budget */
        public Options {
            if (!(tolerance > 0)) {
                throw new IllegalArgumentException("ODE tolerance must be > 0, got " + tolerance);
            }
            if (maxEvaluations < 1) {
                throw new IllegalArgumentException("evaluation budget must be >= 1, got " + maxEvaluations);
            }
        }

        /**
         * @param method the integrator
         * @return tolerance 1e-5, state variables, per-sample for adaptive methods, budget 100000
         */
        public static Options defaults(OdeMethod method) {
            return new Options(DEFAULT_TOLERANCE, ProbabilityFlowOde.Variables.STATE,
                    method.adaptive() ? Mode.PER_SAMPLE : Mode.BATCHED, 100_000);
        }

        /** @param value tolerance @return a copy with that tolerance */
        public Options withTolerance(double value) {
            return new Options(value, variables, mode, maxEvaluations);
        }

        /** @param value variables @return a copy with those variables */
        public Options withVariables(ProbabilityFlowOde.Variables value) {
            return new Options(tolerance, value, mode, maxEvaluations);
        }

        /** @param value mode @return a copy with that mode */
        public Options withMode(Mode value) {
            return new Options(tolerance, variables, value, maxEvaluations);
        }
    }

    private final OdeMethod method;
    private final Options options;

    /** @param method the integrator, with default options */
    public OdeSampler(OdeMethod method) {
        this(method, Options.defaults(method));
    }

    /**
     * @param method  the integrator
     * @param options tolerance, variables, batch mode and budget
     */
    public OdeSampler(OdeMethod method, Options options) {
        this.method = method;
        this.options = options;
    }

    /** @return the integrator */
    public OdeMethod method() {
        return method;
    }

    /** @return the options */
    public Options options() {
        return options;
    }

    @Override
    public String name() {
        return method.specName();
    }

    @Override
    public Samples sample(Denoiser denoiser, NoiseSchedule schedule, TimeGrid grid, INDArray xInit,
            INDArray condition, NoiseSource noise, SamplingListener listener) {
        NoiseLevel end = schedule.level(grid.end());
        boolean denoise = end.isClean();
        double tStop = denoise ? schedule.tMin() : grid.end();
        if (!(tStop < grid.start())) {
            throw new IllegalArgumentException(name() + ": the grid starts at t = " + grid.start()
                    + ", not above the stop time " + tStop);
        }
        if (options.variables() == ProbabilityFlowOde.Variables.SCALED && !(schedule.alpha(grid.start()) > 0)) {
            throw new IllegalArgumentException(name() + " in scaled variables needs alpha > 0 at the start; "
                    + schedule.name() + " has alpha(" + grid.start() + ") = 0: start the grid below it");
        }
        listener.start(name(), grid, xInit.size(0));
        long batch = xInit.size(0);
        INDArray x;
        int nfe = 0;
        long calls = 0;
        if (options.mode() == Mode.BATCHED) {
            ProbabilityFlowOde ode = equation(denoiser, schedule, condition, xInit, grid, tStop);
            x = solve(ode, xInit, grid, tStop, listener);
            nfe = ode.evaluations();
            calls = nfe;
        } else {
            INDArray[] rows = new INDArray[Math.toIntExact(batch)];
            int[] evaluations = new int[rows.length];
            SamplingListener shared = listener == SamplingListener.NONE ? listener : new SynchronizedListener(listener);
            calls = LockstepRows.run(denoiser, rows.length, (b, rowDenoiser) -> {
                INDArray row = BatchArrays.rows(xInit, b, b + 1);
                ProbabilityFlowOde ode = equation(rowDenoiser, schedule, BatchArrays.rows(condition, b, b + 1), row,
                        grid, tStop);
                rows[b] = solve(ode, row, grid, tStop, shared);
                evaluations[b] = ode.evaluations();
            });
            nfe = Arrays.stream(evaluations).max().orElse(0);
            x = Nd4j.concat(0, rows);
        }
        if (denoise) {
            ModelEvaluator model = new ModelEvaluator(name(), denoiser, condition);
            x = model.evaluate(x, schedule.level(tStop)).as(Parameterization.X0);
            nfe++;
            calls++;
        }
        Samples result = new Samples(x, nfe, calls);
        listener.finish(result);
        return result;
    }

    private ProbabilityFlowOde equation(Denoiser denoiser, NoiseSchedule schedule, INDArray condition, INDArray x,
            TimeGrid grid, double tStop) {
        return new ProbabilityFlowOde(name(), denoiser, schedule, condition, x.shape(), x.dataType(),
                options.variables(), new ProbabilityFlowOde.Interval(grid.start(), tStop, units(grid)));
    }

    private INDArray solve(ProbabilityFlowOde ode, INDArray x, TimeGrid grid, double tStop,
            SamplingListener listener) {
        int units = units(grid);
        ODEIntegrator integrator = method.create(units, grid.steps(), options.tolerance());
        integrator.setMaxEvaluations(options.maxEvaluations());
        integrator.addStepHandler(new ListenerAdapter(ode, listener));
        try {
            ODEStateAndDerivative last = integrator.integrate(ode, new ODEState(0, ode.toState(x, grid.start())),
                    units);
            return ode.toBatch(last.getPrimaryState(), tStop);
        } catch (MathRuntimeException e) {
            double t = ode.time(integrator.getStepStart() == null ? 0 : integrator.getStepStart().getTime());
            throw new SamplingException(name(), t, -1, "the integrator failed: " + e.getMessage());
        }
    }

    /** Length of the integration interval in u: one unit per step for fixed-step methods, else 1. */
    private int units(TimeGrid grid) {
        return method.adaptive() ? 1 : grid.steps();
    }

    /** Passes the steps of solves that run side by side to a listener one at a time. */
    private record SynchronizedListener(SamplingListener listener) implements SamplingListener {
        @Override
        public synchronized void step(StepInfo info) {
            listener.step(info);
        }
    }

    /** Reports each accepted integrator step to a {@link SamplingListener}. */
    private static final class ListenerAdapter implements ODEStepHandler {
        private final ProbabilityFlowOde ode;
        private final SamplingListener listener;
        private int index;

        ListenerAdapter(ProbabilityFlowOde ode, SamplingListener listener) {
            this.ode = ode;
            this.listener = listener;
        }

        @Override
        public void handleStep(ODEStateInterpolator interpolator) {
            if (listener == SamplingListener.NONE) {
                return;
            }
            double from = ode.time(interpolator.getPreviousState().getTime());
            ODEStateAndDerivative current = interpolator.getCurrentState();
            double to = ode.time(current.getTime());
            listener.step(new StepInfo(index++, from, to, ode.toBatch(current.getPrimaryState(), to),
                    ode.evaluations()));
        }
    }
}
