package dev.aerodiff.surrogate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.cfd.AirfoilLibrary;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.sampling.SamplerSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Equal mixtures of the shipped bundles: which member draws which sample, with which noise. */
class SurrogateMixtureTest {
    private static final AirfoilLibrary SHAPES = new AirfoilLibrary(List.of());
    private static final SamplerSpec SAMPLER = SamplerSpec.parse("ddim:4:1");
    private static final Surrogate RANS = Surrogate.load(Path.of("examples/flow-matching.aerodiff"), SHAPES);
    private static final Surrogate STALL = Surrogate.load(Path.of("examples/stall-flow-matching.aerodiff"), SHAPES);
    private static final FlowCondition A = new FlowCondition("naca0012", 17, 2e6, 10);
    private static final FlowCondition B = new FlowCondition("naca2412", 8, 3e6, 10);

    private static List<Surrogate.Request> requests() {
        return List.of(new Surrogate.Request(A, RANS.mask(A.airfoil()), 5, 7),
                new Surrogate.Request(B, RANS.mask(B.airfoil()), 3, 8));
    }

    /** Fails unless the samples {@code from..to-1} of {@code whole} equal those of {@code part}, to rounding. */
    private static void assertSamples(Ensemble whole, int from, int to, Ensemble part, int partFrom, String what) {
        int per = whole.samples().values().length / whole.samples().samples();
        float[] x = Arrays.copyOfRange(whole.samples().values(), from * per, to * per);
        float[] y = Arrays.copyOfRange(part.samples().values(), partFrom * per, (partFrom + to - from) * per);
        double largest = 0;
        double scale = 0;
        for (int i = 0; i < x.length; i++) {
            largest = Math.max(largest, Math.abs(x[i] - y[i]));
            scale = Math.max(scale, Math.abs(x[i]));
        }
        assertTrue(scale > 0 && largest <= 1e-4 * scale, what + ": differs by " + largest + " of " + scale);
    }

    @Test
    void aBundleMixedWithItselfDrawsWhatItDrawsAlone() {
        List<Ensemble> alone = RANS.predict(requests(), SAMPLER, i -> { });
        List<Ensemble> mixed = SurrogateMixture.of(List.of(RANS, RANS, RANS)).predict(requests(), SAMPLER, i -> { });
        for (int k = 0; k < 2; k++) {
            assertEquals(alone.get(k).samples().samples(), mixed.get(k).samples().samples());
            assertEquals(alone.get(k).nfe(), mixed.get(k).nfe());
            assertEquals(alone.get(k).seed(), mixed.get(k).seed());
            assertSamples(mixed.get(k), 0, alone.get(k).samples().samples(), alone.get(k), 0, "request " + k);
        }
    }

    @Test
    void anEnsembleSmallerThanTheMixtureLeavesTheFirstMembersOut() {
        List<Surrogate.Request> one = List.of(new Surrogate.Request(A, RANS.mask(A.airfoil()), 1, 7));
        Ensemble alone = RANS.predict(one, SAMPLER, i -> { }).get(0);
        Ensemble mixed = SurrogateMixture.of(List.of(STALL, RANS)).predict(one, SAMPLER, i -> { }).get(0);
        assertEquals(1, mixed.samples().samples());
        assertSamples(mixed, 0, 1, alone, 0, "the last member draws the only sample");
    }

    @Test
    void eachMemberDrawsItsShareWithThoseSamplesNoise() {
        List<Integer> done = new ArrayList<>();
        List<Ensemble> mixed = SurrogateMixture.of(List.of(RANS, STALL)).predict(requests(), SAMPLER, done::add);
        assertEquals(List.of(2, 7), done, "3 of the 8 samples drawn when the first member is done, then all");
        List<Ensemble> rans = RANS.predict(requests(), SAMPLER, i -> { });
        List<Ensemble> stall = STALL.predict(requests(), SAMPLER, i -> { });
        assertSamples(mixed.get(0), 0, 2, rans.get(0), 0, "the first member's 2 of 5");
        assertSamples(mixed.get(0), 2, 5, stall.get(0), 2, "the second member's 3 of 5");
        assertSamples(mixed.get(1), 0, 1, rans.get(1), 0, "the first member's 1 of 3");
        assertSamples(mixed.get(1), 1, 3, stall.get(1), 1, "the second member's 2 of 3");
        assertEquals(A, mixed.get(0).samples().condition());
        double apart = 0;
        float[] r = rans.get(0).samples().values();
        float[] s = stall.get(0).samples().values();
        for (int i = 0; i < r.length; i++) {
            apart = Math.max(apart, Math.abs(r[i] - s[i]));
        }
        assertTrue(apart > 0.01, "the members predict different fields: " + apart);
    }

    @Test
    void bundlesThatPredictOtherFieldsDisagreeAndABundleWithItselfDoesNot() {
        List<Surrogate.Request> six = List.of(new Surrogate.Request(A, RANS.mask(A.airfoil()), 6, 3));
        Ensemble self = SurrogateMixture.of(List.of(RANS, RANS)).predict(six, SAMPLER, i -> { }).get(0);
        Ensemble other = SurrogateMixture.of(List.of(RANS, STALL)).predict(six, SAMPLER, i -> { }).get(0);
        assertEquals(2, other.members());
        assertEquals(List.of(0, 3, 6), Arrays.stream(other.memberStarts()).boxed().toList());
        assertTrue(other.memberDisagreement() > 0.02, "the stall bundle's field at 17 degrees differs from the"
                + " attached-flow bundle's: " + other.memberDisagreement());
        assertTrue(self.memberDisagreement() < 0.2 * other.memberDisagreement(), "one bundle twice: "
                + self.memberDisagreement() + " against " + other.memberDisagreement());
        assertTrue(Double.isNaN(RANS.predict(six, SAMPLER, i -> { }).get(0).memberDisagreement()), "one bundle");
    }

    @Test
    void sharesCoverEverySampleOnceAndTheLastIsNeverEmpty() {
        assertEquals(List.of(0, 2, 5, 7, 10), List.of(SurrogateMixture.shareStart(10, 0, 4),
                SurrogateMixture.shareStart(10, 1, 4), SurrogateMixture.shareStart(10, 2, 4),
                SurrogateMixture.shareStart(10, 3, 4), SurrogateMixture.shareStart(10, 4, 4)));
        for (int size = 1; size <= 5; size++) {
            for (int n = 1; n <= 7; n++) {
                assertTrue(SurrogateMixture.shareStart(n, size - 1, size) < n, n + " samples, " + size + " members");
                assertEquals(n, SurrogateMixture.shareStart(n, size, size));
            }
        }
    }

    @Test
    void extrapolationJoinsTheMembersReasons() {
        FlowCondition tenDegrees = new FlowCondition("naca0012", 10, 2e6, 10);
        assertEquals(List.of(), RANS.extrapolation(tenDegrees).orElseThrow());
        List<String> stallReasons = STALL.extrapolation(tenDegrees).orElseThrow();
        assertTrue(!stallReasons.isEmpty(), "10 degrees is below the stall data");
        assertEquals(stallReasons, SurrogateMixture.of(List.of(RANS, STALL, STALL)).extrapolation(tenDegrees)
                .orElseThrow());
    }

    @Test
    void refusesBundlesTrainedWithAnotherMethod() {
        Surrogate ddpm = Surrogate.load(Path.of("examples/ddpm.aerodiff"), SHAPES);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SurrogateMixture.of(List.of(RANS, ddpm)));
        assertTrue(e.getMessage().contains("examples/ddpm.aerodiff was trained with ddpm")
                && e.getMessage().contains("examples/flow-matching.aerodiff with flow"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SurrogateMixture.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> EnsemblePredictor.load(List.of(), SHAPES));
        assertTrue(EnsemblePredictor.load(List.of(Path.of("examples/flow-matching.aerodiff")), SHAPES)
                instanceof Surrogate);
    }
}
