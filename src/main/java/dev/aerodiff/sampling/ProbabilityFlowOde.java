package dev.aerodiff.sampling;

import dev.aerodiff.diffusion.BatchArrays;
import dev.aerodiff.diffusion.Conversions;
import dev.aerodiff.diffusion.Denoiser;
import dev.aerodiff.diffusion.NoiseLevel;
import dev.aerodiff.diffusion.NoiseSchedule;
import dev.aerodiff.diffusion.Parameterization;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The probability-flow ODE of a denoiser as a Hipparchus {@link OrdinaryDifferentialEquation},
 * the third level above a raw network and a {@link Denoiser}. The state is a batch [B, ...]
 * flattened in C order to B*D doubles; each right-hand side evaluation is one batched denoiser
 * call. Two choices of variables:
 * <ul>
 *   <li>{@link Variables#STATE}: tau = t, state x, dx/dt = E[alpha' x_0 + sigma' eps | x].</li>
 *   <li>{@link Variables#SCALED}: tau = s = sigma/alpha, state y = x/alpha,
 *       dy/ds = E[eps | x = alpha y] (Karras et al., 2022), where trajectories are nearly straight
 *       lines (exactly so for a one-point data set); needs alpha &gt; 0 over the interval.</li>
 * </ul>
 * The integrator sees tau through an affine map onto u in [0, units]: tau(u) = tau_start +
 * (tau_stop - tau_start) u / units, so that fixed-step methods with unit steps land exactly on
 * the end. {@link #evaluations()} counts the denoiser calls made through this equation; it equals
 * the integrator's own count (starter steps of multistep methods included).
 */
public final class ProbabilityFlowOde implements OrdinaryDifferentialEquation {

    /** Independent and dependent variables of the ODE. */
    public enum Variables {
        /** t and x. */
        STATE,
        /** s = sigma/alpha and y = x/alpha. */
        SCALED
    }

    /**
     * The time interval, traversed from {@code start} to {@code stop} as u goes from 0 to units.
     *
     * @param start time at u = 0
     * @param stop  time at u = units
     * @param units length of the integration interval in u, &gt;= 1
     */
    public record Interval(double start, double stop, int units) {
    }

    private final NoiseSchedule schedule;
    private final Variables variables;
    private final long[] shape;
    private final DataType type;
    private final ModelEvaluator model;
    private final String sampler;
    private final double tauStart;
    private final double tauPerUnit;

    /**
     * @param sampler   name used in error messages
     * @param denoiser  the model
     * @param schedule  its schedule
     * @param condition conditioning [B, ...] or null
     * @param shape     batch shape [B, ...]
     * @param type      data type handed to the denoiser
     * @param variables the variables
     * @param interval  the time interval and its length in u
     */
    public ProbabilityFlowOde(String sampler, Denoiser denoiser, NoiseSchedule schedule, INDArray condition,
            long[] shape, DataType type, Variables variables, Interval interval) {
        this.schedule = schedule;
        this.variables = variables;
        this.shape = shape.clone();
        this.type = type;
        this.model = new ModelEvaluator(sampler, denoiser, condition);
        this.sampler = sampler;
        this.tauStart = tau(interval.start());
        this.tauPerUnit = (tau(interval.stop()) - tauStart) / interval.units();
    }

    @Override
    public int getDimension() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return Math.toIntExact(n);
    }

    @Override
    public double[] computeDerivatives(double u, double[] state) {
        double t = time(u);
        NoiseLevel level = schedule.level(t);
        double[] x = values(state, t);
        INDArray batch = Nd4j.createFromArray(x).reshape('c', shape);
        double[] prediction = BatchArrays.toFlat(model.raw(type == DataType.DOUBLE ? batch : batch.castTo(type),
                level));
        Conversions.LinearForm drift = Conversions.form(model.parameterization(),
                variables == Variables.SCALED ? Parameterization.EPSILON : Parameterization.VELOCITY, level);
        double a = drift.state() * tauPerUnit;
        double b = drift.prediction() * tauPerUnit;
        double[] out = new double[x.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = a * x[i] + b * prediction[i];
            if (!Double.isFinite(out[i])) {
                throw new SamplingException(sampler, t, -1, "the ODE drift is not finite (alpha = " + level.alpha()
                        + ", sigma = " + level.sigma() + " for a " + model.parameterization() + " denoiser)");
            }
        }
        return out;
    }

    private double tau(double t) {
        return variables == Variables.SCALED ? schedule.level(t).ratio() : t;
    }

    /**
     * @param u the integrator's independent variable
     * @return the time t at u
     */
    public double time(double u) {
        double tau = tauStart + tauPerUnit * u;
        return variables == Variables.SCALED ? schedule.timeAtRatio(tau) : tau;
    }

    /**
     * @param x a batch [B, ...] at time t
     * @param t the time
     * @return the ODE state: x, or y = x/alpha(t), flattened
     */
    public double[] toState(INDArray x, double t) {
        double[] state = BatchArrays.toFlat(x);
        if (variables == Variables.SCALED) {
            double alpha = schedule.alpha(t);
            for (int i = 0; i < state.length; i++) {
                state[i] /= alpha;
            }
        }
        return state;
    }

    /**
     * @param state an ODE state
     * @param t     its time
     * @return the batch x [B, ...] in the denoiser's data type
     */
    public INDArray toBatch(double[] state, double t) {
        INDArray x = Nd4j.createFromArray(values(state, t)).reshape('c', shape);
        return type == DataType.DOUBLE ? x : x.castTo(type);
    }

    /** x as doubles: the state itself, or alpha(t) y */
    private double[] values(double[] state, double t) {
        if (variables != Variables.SCALED) {
            return state;
        }
        double alpha = schedule.alpha(t);
        double[] x = new double[state.length];
        for (int i = 0; i < state.length; i++) {
            x[i] = alpha * state[i];
        }
        return x;
    }

    /** @return denoiser calls made so far */
    public int evaluations() {
        return model.calls();
    }
}
