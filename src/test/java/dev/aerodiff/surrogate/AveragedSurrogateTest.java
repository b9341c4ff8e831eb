package dev.aerodiff.surrogate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.cfd.AirfoilLibrary;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.sampling.SamplerSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Network-by-network averages of the shipped bundles: what they draw, what they cost, what they refuse. */
class AveragedSurrogateTest {
    private static final AirfoilLibrary SHAPES = new AirfoilLibrary(List.of());
    private static final SamplerSpec SAMPLER = SamplerSpec.parse("ddim:4:1");
    private static final Path STALL_FLOW = Path.of("examples/stall-flow-matching.aerodiff");
    private static final FlowCondition A = new FlowCondition("naca0012", 19, 2e6, 10);
    private static final FlowCondition B = new FlowCondition("naca2412", 17, 5e6, 10);

    private static List<Surrogate.Request> requests(Surrogate s) {
        return List.of(new Surrogate.Request(A, s.mask(A.airfoil()), 3, 7),
                new Surrogate.Request(B, s.mask(B.airfoil()), 2, 8));
    }

    @Test
    void anAverageOfOneNetworkWithItselfDrawsWhatItDrawsAloneForTwiceTheEvaluations() {
        Surrogate one = Surrogate.load(STALL_FLOW, SHAPES);
        Surrogate again = Surrogate.load(STALL_FLOW, SHAPES);
        List<Ensemble> alone = one.predict(requests(one), SAMPLER, i -> { });
        AveragedSurrogate average = AveragedSurrogate.of(List.of(one, again));
        List<Integer> done = new java.util.ArrayList<>();
        List<Ensemble> averaged = average.predict(requests(one), SAMPLER, done::add);
        assertEquals(List.of(4), done, "one batch of all 5 samples");
        assertEquals(List.of(one, again), average.members());
        for (int k = 0; k < 2; k++) {
            float[] x = alone.get(k).samples().values();
            float[] y = averaged.get(k).samples().values();
            assertEquals(x.length, y.length);
            double largest = 0;
            double scale = 0;
            for (int i = 0; i < x.length; i++) {
                largest = Math.max(largest, Math.abs(x[i] - y[i]));
                scale = Math.max(scale, Math.abs(x[i]));
            }
            assertTrue(scale > 0 && largest <= 1e-4 * scale, "request " + k + ": differs by " + largest);
            assertEquals(2 * alone.get(k).nfe(), averaged.get(k).nfe(), "every network counts");
            assertEquals(1, averaged.get(k).members(), "one model, not a mixture");
            assertEquals(alone.get(k).seed(), averaged.get(k).seed());
        }
    }

    @Test
    void refusesBundlesThatScaleOtherwiseOrWereTrainedWithAnotherMethod() {
        Surrogate stall = Surrogate.load(STALL_FLOW, SHAPES);
        Surrogate rans = Surrogate.load(Path.of("examples/flow-matching.aerodiff"), SHAPES);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AveragedSurrogate.of(List.of(stall, rans)));
        assertTrue(e.getMessage().contains("examples/flow-matching.aerodiff scales its fields")
                && e.getMessage().contains("an average needs"), e.getMessage());
        Surrogate ddpm = Surrogate.load(Path.of("examples/stall-ddpm.aerodiff"), SHAPES);
        e = assertThrows(IllegalArgumentException.class, () -> AveragedSurrogate.of(List.of(stall, ddpm)));
        assertTrue(e.getMessage().contains("an average needs one training method"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AveragedSurrogate.of(List.of()));
        assertTrue(EnsemblePredictor.load(List.of(STALL_FLOW, STALL_FLOW), SHAPES, true) instanceof AveragedSurrogate);
        assertTrue(EnsemblePredictor.load(List.of(STALL_FLOW, STALL_FLOW), SHAPES, false) instanceof SurrogateMixture);
        assertTrue(EnsemblePredictor.load(List.of(STALL_FLOW), SHAPES, true) instanceof Surrogate);
    }

    @Test
    void extrapolationJoinsTheMembersReasons() {
        Surrogate stall = Surrogate.load(STALL_FLOW, SHAPES);
        FlowCondition tenDegrees = new FlowCondition("naca0012", 10, 2e6, 10);
        assertEquals(stall.extrapolation(tenDegrees), AveragedSurrogate.of(List.of(stall, stall))
                .extrapolation(tenDegrees));
    }
}
