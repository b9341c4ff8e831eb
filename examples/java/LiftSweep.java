// Lift and drag beyond stall, with their spread, over a sweep of angles of attack: how a design
// loop calls AeroDiff from Java. It loads the shipped mesh-pooled flow pair as one mixture, asks
// for every angle's ensemble in one call (their samples share network batches) and prints, per
// angle, the mean and standard deviation of the pressure lift and drag coefficients over the
// ensemble, and whether the condition lies outside the training conditions.
//
// From the repository root, after `mvn -q -B package -DskipTests`:
//
//     java -cp target/aerodiff.jar examples/java/LiftSweep.java [AIRFOIL [RE [SAMPLES [SEED]]]]
//
// (defaults: naca2415, 4e6, 10 samples, seed 0; angles 16 to 22 degrees, the training range).
import dev.aerodiff.cfd.AirfoilLibrary;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.ForceCoefficients;
import dev.aerodiff.sampling.SamplerSpec;
import dev.aerodiff.surrogate.Ensemble;
import dev.aerodiff.surrogate.EnsemblePredictor;
import dev.aerodiff.surrogate.Surrogate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

public final class LiftSweep {
    /** Kinematic viscosity (m2/s) and chord (m) of the shipped data sets: Re = U c / nu. */
    private static final double NU = 1e-5;
    private static final double CHORD = 1.0;

    public static void main(String[] args) {
        String airfoil = args.length > 0 ? args[0] : "naca2415";
        double reynolds = args.length > 1 ? Double.parseDouble(args[1]) : 4e6;
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 0;

        EnsemblePredictor surrogate = EnsemblePredictor.load(
                List.of(Path.of("examples/stall-pooled-flow-seed1.aerodiff"),
                        Path.of("examples/stall-pooled-flow-seed2.aerodiff")),
                new AirfoilLibrary(List.of()));
        SamplerSpec sampler = surrogate.defaultSampler();   // the one the bundles record

        List<Surrogate.Request> requests = new ArrayList<>();
        for (double aoa = 16; aoa <= 22; aoa += 1) {
            FlowCondition condition = new FlowCondition(airfoil, aoa, reynolds, reynolds * NU / CHORD);
            requests.add(new Surrogate.Request(condition, surrogate.mask(airfoil), samples, seed));
        }
        List<Ensemble> ensembles = surrogate.predict(requests, sampler, sample -> { });

        System.out.printf(Locale.ROOT, "%s at Re %.3g, %d samples each, sampler %s%n", airfoil, reynolds,
                samples, sampler);
        System.out.println("aoa_deg,lift_mean,lift_std,drag_mean,drag_std,outside_training");
        for (int k = 0; k < requests.size(); k++) {
            FlowCondition condition = requests.get(k).condition();
            ForceCoefficients forces = ensembles.get(k).pressureForces(surrogate.grid());
            boolean outside = surrogate.extrapolation(condition).map(r -> !r.isEmpty()).orElse(false);
            System.out.printf(Locale.ROOT, "%.1f,%.4f,%.4f,%.4f,%.4f,%b%n", condition.angleOfAttackDeg(),
                    forces.meanLift(), forces.stdLift(), forces.meanDrag(), forces.stdDrag(), outside);
        }
    }
}
