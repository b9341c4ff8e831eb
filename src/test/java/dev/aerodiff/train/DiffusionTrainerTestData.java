package dev.aerodiff.train;

import dev.aerodiff.data.DatasetMetadata;
import dev.aerodiff.data.InMemoryFieldDataset;
import dev.aerodiff.field.FieldUnits;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Grid;
import dev.aerodiff.field.Mask;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A small synthetic training set on a 16 x 16 grid for network tests. */
public final class DiffusionTrainerTestData {
    private static final int RES = 16;

    private DiffusionTrainerTestData() {
    }

    /** Two conditions with smooth fields plus snapshot-to-snapshot noise. */
    public static InMemoryFieldDataset synthetic() {
        return synthetic(2, 10);
    }

    /** One condition per angle of attack (degrees), with smooth fields plus snapshot-to-snapshot noise. */
    public static InMemoryFieldDataset synthetic(double... angles) {
        Random r = new Random(5);
        boolean[] solid = new boolean[RES * RES];
        for (int i = 5; i < 10; i++) {
            solid[8 * RES + i] = true;
        }
        Mask mask = new Mask(RES, RES, solid);
        List<FlowCase> cases = new ArrayList<>();
        for (double aoa : angles) {
            FlowCondition c = new FlowCondition("naca0012", aoa, 1e6, 10);
            int samples = 4;
            float[] v = new float[samples * 3 * RES * RES];
            for (int s = 0; s < samples; s++) {
                for (int ch = 0; ch < 3; ch++) {
                    for (int cell = 0; cell < RES * RES; cell++) {
                        double x = (cell % RES) / (double) RES;
                        double y = (cell / RES) / (double) RES;
                        double base = ch == 0 ? 50 * Math.sin(3 * x + aoa / 10) * y : ch == 1 ? 10 + x : aoa / 10 * y;
                        v[(s * 3 + ch) * RES * RES + cell] = (float) (base + 0.2 * r.nextGaussian());
                    }
                }
            }
            cases.add(new FlowCase(c, mask, FieldUnits.PHYSICAL, samples, v, null));
        }
        return new InMemoryFieldDataset(Grid.uniform(RES, RES, -0.5, 1.5, -1, 1), cases,
                new DatasetMetadata("synthetic", "", ""));
    }

}
