package dev.aerodiff.surrogate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.cfd.AirfoilLibrary;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Mask;
import dev.aerodiff.sampling.SamplerSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/** Ensembles predicted together, in batches that mix conditions, against each predicted alone. */
class SurrogateTest {
    private static final Path BUNDLE = Path.of("examples/flow-matching.aerodiff");

    @Test
    void stackedEnsemblesEqualEachPredictedAlone() {
        Surrogate surrogate = Surrogate.load(BUNDLE, new AirfoilLibrary(List.of()));
        SamplerSpec sampler = SamplerSpec.parse("ddim:4:1");
        FlowCondition a = new FlowCondition("naca0012", 4, 1e6, 10);
        FlowCondition b = new FlowCondition("naca2412", 8, 3e6, 10);
        List<Surrogate.Request> requests = List.of(
                new Surrogate.Request(a, surrogate.mask(a.airfoil()), 3, 5),
                new Surrogate.Request(b, surrogate.mask(b.airfoil()), 2, 6));
        List<Integer> finished = new ArrayList<>();
        List<Ensemble> together = surrogate.predict(requests, sampler, finished::add);
        assertEquals(List.of(4), finished, "5 samples fit one batch");
        for (int k = 0; k < requests.size(); k++) {
            Surrogate.Request r = requests.get(k);
            Ensemble alone = surrogate.predict(r.condition(), r.mask(), r.count(), sampler, r.seed(), i -> { });
            Ensemble stacked = together.get(k);
            assertEquals(r.condition(), stacked.samples().condition());
            assertEquals(r.count(), stacked.samples().samples());
            assertEquals(alone.nfe(), stacked.nfe());
            assertEquals(r.seed(), stacked.seed());
            float[] x = alone.samples().values();
            float[] y = stacked.samples().values();
            double largest = 0;
            double scale = 0;
            for (int i = 0; i < x.length; i++) {
                largest = Math.max(largest, Math.abs(x[i] - y[i]));
                scale = Math.max(scale, Math.abs(x[i]));
            }
            assertTrue(largest <= 1e-4 * scale, "request " + k + ": differs by " + largest + " of " + scale);
        }
        double apart = 0;
        float[] first = together.get(0).samples().values();
        float[] second = together.get(1).samples().values();
        for (int i = 0; i < second.length; i++) {
            apart = Math.max(apart, Math.abs(first[i] - second[i]));
        }
        assertTrue(apart > 0.01, "the conditions give different fields");
    }

    @Test
    void perRequestNamesEachRequestOnceAllItsSamplesAreDrawn() {
        Mask fluid = Mask.allFluid(2, 2);
        FlowCondition c = new FlowCondition("naca0012", 4, 1e6, 10);
        List<Surrogate.Request> requests = List.of(new Surrogate.Request(c, fluid, 3, 1),
                new Surrogate.Request(c, fluid, 2, 2), new Surrogate.Request(c, fluid, 4, 3));
        List<Integer> done = new ArrayList<>();
        IntConsumer progress = Surrogate.perRequest(requests, done::add);
        progress.accept(1);   // batches of 2 samples: 0-1, 2-3, 4-5, 6-7, 8
        assertEquals(List.of(), done);
        progress.accept(3);
        assertEquals(List.of(0), done);
        progress.accept(5);
        assertEquals(List.of(0, 1), done);
        progress.accept(7);
        progress.accept(8);
        assertEquals(List.of(0, 1, 2), done);
    }

    @Test
    void rejectsEmptyRequests() {
        Surrogate surrogate = Surrogate.load(BUNDLE, new AirfoilLibrary(List.of()));
        assertThrows(IllegalArgumentException.class, () -> surrogate.predict(List.of(), SamplerSpec.parse("euler:2"),
                i -> { }));
        FlowCondition a = new FlowCondition("naca0012", 4, 1e6, 10);
        assertThrows(IllegalArgumentException.class, () -> new Surrogate.Request(a, surrogate.mask("naca0012"), 0, 1));
    }
}
