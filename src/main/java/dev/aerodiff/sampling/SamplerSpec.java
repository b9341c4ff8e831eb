package dev.aerodiff.sampling;

import dev.aerodiff.diffusion.NoiseSchedule;
import dev.aerodiff.diffusion.TimeGrid;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A sampler named by a string such as {@code ddim:50} or {@code ode-dopri5:1e-4}: the kind, then
 * optionally a step count (fixed-step kinds) or a tolerance (adaptive ODE kinds). Forms:
 * <pre>
 *   ddpm[:T]            ancestral DDPM through all T steps (default 200)
 *   ddim[:N[:ETA]]      DDIM, N steps (50), eta (0)
 *   euler[:N]           flow-matching Euler (20)         heun[:N]       Heun (10)
 *   ode-dopri5[:TOL]    Dormand-Prince 5(4) (1e-5)       ode-dop853[:TOL]  Dormand-Prince 8(5,3)
 *   ode-gbs[:TOL]       Gragg-Bulirsch-Stoer             ode-rk4[:N]    classical Runge-Kutta (40)
 *   ode-bs3[:TOL]       Bogacki-Shampine 3(2)            ode-heun2[:TOL]  Heun-Euler 2(1)
 *   ode-adams[:N]       Adams-Bashforth-Moulton, step at most span/N (40)
 *   sde-euler[:N]       reverse SDE, Euler-Maruyama (500)
 * </pre>
 * The ode kinds take a last field {@code :scaled} to integrate in y = x/alpha over s = sigma/alpha,
 * where trajectories are nearly straight ({@link ProbabilityFlowOde.Variables#SCALED}), e.g.
 * {@code ode-dopri5:1e-2:scaled} or {@code ode-rk4:scaled}. The fixed-step kinds but ddpm take a last
 * field {@code :rho=R} for steps of uneven length, t_i = t_max (1 - i/N)^R ({@link TimeGrid#power}):
 * R &gt; 1 crowds them toward the data, R &lt; 1 toward the noise, e.g. {@code ddim:20:1:rho=0.5};
 * the default R = 1 is equal steps.
 *
 * @param kind      the sampler family
 * @param steps     step count, or 0 where none applies
 * @param tolerance tolerance of adaptive ODE kinds, or 0 where none applies
 * @param eta       DDIM's eta (0 elsewhere)
 * @param variables the ODE kinds' variables (STATE elsewhere)
 * @param rho       the grid exponent of the fixed-step kinds but ddpm, &gt; 0 (1: equal steps; 1 elsewhere)
 */
public record SamplerSpec(Kind kind, int steps, double tolerance, double eta, ProbabilityFlowOde.Variables variables,
        double rho) {
    private static final String SCALED = "scaled";
    private static final String RHO = "rho=";

    /** Sampler families and their defaults. */
    public enum Kind {
        /** Ancestral DDPM. */
        DDPM("ddpm", 200, null),
        /** DDIM. */
        DDIM("ddim", 50, null),
        /** Flow-matching Euler. */
        EULER("euler", 20, null),
        /** Heun. */
        HEUN("heun", 10, null),
        /** Probability-flow ODE, Dormand-Prince 5(4). */
        ODE_DOPRI5("ode-dopri5", 0, OdeMethod.DOPRI5),
        /** Probability-flow ODE, Dormand-Prince 8(5,3). */
        ODE_DOP853("ode-dop853", 0, OdeMethod.DOP853),
        /** Probability-flow ODE, classical Runge-Kutta. */
        ODE_RK4("ode-rk4", 40, OdeMethod.RK4),
        /** Probability-flow ODE, Bogacki-Shampine 3(2). */
        ODE_BS3("ode-bs3", 0, OdeMethod.BS3),
        /** Probability-flow ODE, Heun-Euler 2(1). */
        ODE_HEUN2("ode-heun2", 0, OdeMethod.HEUN2),
        /** Probability-flow ODE, Gragg-Bulirsch-Stoer. */
        ODE_GBS("ode-gbs", 0, OdeMethod.GBS),
        /** Probability-flow ODE, Adams-Bashforth-Moulton. */
        ODE_ADAMS("ode-adams", 40, OdeMethod.ADAMS),
        /** Reverse SDE, Euler-Maruyama. */
        SDE_EULER("sde-euler", 500, null);

        private final String label;
        private final int defaultSteps;
        private final OdeMethod method;

        Kind(String label, int defaultSteps, OdeMethod method) {
            this.label = label;
            this.defaultSteps = defaultSteps;
            this.method = method;
        }

        /** @return the name in a spec string */
        public String label() {
            return label;
        }

        /** @return whether the kind takes a tolerance instead of a step count */
        public boolean takesTolerance() {
            return defaultSteps == 0;
        }

        /** @return whether the kind integrates the probability-flow ODE with a Hipparchus integrator */
        public boolean isOde() {
            return method != null;
        }

        /** @return whether the kind walks a grid of its own steps, which {@code :rho=R} may space */
        public boolean takesSpacing() {
            return !isOde() && this != DDPM;
        }

        String usage() {
            String spacing = takesSpacing() ? "[:rho=R]" : "";
            if (this == DDIM) {
                return label + "[:N[:ETA]]" + spacing;
            }
            return label + (takesTolerance() ? "[:TOL]" : this == DDPM ? "[:T]" : "[:N]") + (isOde() ? "[:scaled]" : "")
                    + spacing;
        }
    }

    /** @throws IllegalArgumentException for values out of range */
    public SamplerSpec {
        if (kind.takesTolerance() ? !(tolerance > 0) || steps != 0 : steps < 1) {
            throw new IllegalArgumentException("sampler " + kind.label() + ": "
                    + (kind.takesTolerance() ? "tolerance must be > 0, got " + tolerance : "steps must be >= 1, got "
                    + steps));
        }
        if (!(eta >= 0 && eta <= 1) || (eta != 0 && kind != Kind.DDIM)) {
            throw new IllegalArgumentException("eta applies to ddim only and must be in [0, 1], got " + eta);
        }
        if (variables != ProbabilityFlowOde.Variables.STATE && !kind.isOde()) {
            throw new IllegalArgumentException("scaled variables apply to the ode-* samplers only, not "
                    + kind.label());
        }
        if (!(rho > 0) || !Double.isFinite(rho) || (rho != 1 && !kind.takesSpacing())) {
            throw new IllegalArgumentException("rho applies to ddim, euler, heun and sde-euler only and must be a"
                    + " finite number > 0, got " + rho + " for " + kind.label());
        }
    }

    /** @return every valid form, for messages */
    public static String validForms() {
        return Arrays.stream(Kind.values()).map(Kind::usage).collect(Collectors.joining(", "));
    }

    /**
     * @param text a spec such as {@code ddim:50}
     * @return the spec
     * @throws IllegalArgumentException naming the valid forms if the text is not one
     */
    public static SamplerSpec parse(String text) {
        String[] fields = text.trim().toLowerCase(Locale.ROOT).split(":", -1);
        Kind kind = Arrays.stream(Kind.values()).filter(k -> k.label().equals(fields[0])).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown sampler '" + text + "'; valid: "
                        + validForms()));
        String last = fields[fields.length - 1];
        boolean scaled = kind.isOde() && fields.length > 1 && last.equals(SCALED);
        boolean spaced = fields.length > 1 && last.startsWith(RHO);
        String[] parts = scaled || spaced ? Arrays.copyOf(fields, fields.length - 1) : fields;
        ProbabilityFlowOde.Variables variables = scaled ? ProbabilityFlowOde.Variables.SCALED
                : ProbabilityFlowOde.Variables.STATE;
        int maxParts = kind == Kind.DDIM ? 3 : 2;
        if (parts.length > maxParts) {
            throw new IllegalArgumentException("sampler '" + text + "' has too many ':' fields; expected "
                    + kind.usage());
        }
        try {
            double rho = spaced ? Double.parseDouble(last.substring(RHO.length())) : 1;
            if (kind.takesTolerance()) {
                double tol = parts.length > 1 ? Double.parseDouble(parts[1]) : OdeSampler.Options.DEFAULT_TOLERANCE;
                return new SamplerSpec(kind, 0, tol, 0, variables, rho);
            }
            int steps = parts.length > 1 ? Integer.parseInt(parts[1]) : kind.defaultSteps;
            double eta = parts.length > 2 ? Double.parseDouble(parts[2]) : 0;
            return new SamplerSpec(kind, steps, 0, eta, variables, rho);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("sampler '" + text + "': expected " + kind.usage()
                    + " with a number after ':' and after 'rho='");
        }
    }

    /**
     * @param count a step count
     * @return this spec with that step count where a step count applies, else this spec
     */
    public SamplerSpec withSteps(int count) {
        return kind.takesTolerance() ? this : new SamplerSpec(kind, count, tolerance, eta, variables, rho);
    }

    /** @return the sampler */
    public Sampler sampler() {
        return switch (kind) {
            case DDPM -> new DdpmSampler();
            case DDIM -> new DdimSampler(eta);
            case EULER -> new EulerSampler();
            case HEUN -> new HeunSampler();
            case SDE_EULER -> new ReverseSdeSampler();
            default -> {
                OdeSampler.Options options = OdeSampler.Options.defaults(kind.method).withVariables(variables);
                yield new OdeSampler(kind.method, kind.takesTolerance() ? options.withTolerance(tolerance) : options);
            }
        };
    }

    /**
     * The time grid this sampler walks: t = k/T for DDPM, else steps from the schedule's
     * {@link NoiseSchedule#tMax()} to 0, equal ones unless rho says otherwise (adaptive kinds use
     * only the end points).
     *
     * @param schedule the schedule
     * @return the grid
     */
    public TimeGrid grid(NoiseSchedule schedule) {
        if (kind == Kind.DDPM) {
            return TimeGrid.discrete(steps);
        }
        if (rho != 1) {
            return TimeGrid.power(steps, schedule.tMax(), rho);
        }
        return TimeGrid.forSchedule(schedule, kind.takesTolerance() ? 1 : steps);
    }

    /**
     * @return the spec as text that {@link #parse} reads back, with whole numbers written without a
     *         fraction, e.g. {@code ddim:50}, {@code ddim:20:1:rho=0.5} or {@code ode-dopri5:1.0E-5:scaled}
     */
    @Override
    public String toString() {
        String suffix = variables == ProbabilityFlowOde.Variables.SCALED ? ":" + SCALED
                : rho != 1 ? ":" + RHO + number(rho) : "";
        if (kind.takesTolerance()) {
            return kind.label() + ":" + number(tolerance) + suffix;
        }
        return kind.label() + ":" + steps + (eta != 0 ? ":" + number(eta) : "") + suffix;
    }

    /** {@code 1} for 1.0, {@code 0.5} for 0.5, {@code 1.0E-5} for 1e-5: as the user would write it. */
    private static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
