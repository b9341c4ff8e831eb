package dev.aerodiff.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FieldUnits;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Mask;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Members drawing Gaussian fields with known means: the estimate against the spread of those means. */
class MemberDisagreementTest {
    private static final int SIDE = 32;

    /**
     * @param offsets each member's mean, the same at every cell and channel
     * @param counts  each member's number of samples
     * @return the members' samples one after another, unit-variance noise around their means
     */
    private static FlowCase members(double[] offsets, int[] counts, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int per = Channel.count() * SIDE * SIDE;
        int total = Arrays.stream(counts).sum();
        float[] values = new float[total * per];
        int at = 0;
        for (int k = 0; k < offsets.length; k++) {
            for (int s = 0; s < counts[k] * per; s++) {
                values[at++] = (float) (offsets[k] + random.nextGaussian());
            }
        }
        return new FlowCase(new FlowCondition("naca0012", 4, 1e6, 10), Mask.allFluid(SIDE, SIDE),
                FieldUnits.DIMENSIONLESS, total, values, null);
    }

    @Test
    void membersDrawingOneDistributionScoreAboutZeroWithFewSamplesEach() {
        FlowCase same = members(new double[] {0, 0, 0}, new int[] {3, 3, 4}, 1);
        double d = MemberDisagreement.of(same, new int[] {0, 3, 6, 10});
        // the members' means alone differ by about 0.5 here (unit noise over 3 samples)
        assertTrue(d < 0.05, "disagreement " + d);
    }

    @Test
    void membersWithOtherMeansScoreTheSpreadOfThoseMeans() {
        // means -1 and +1: their std (ddof 0) is 1
        double two = MemberDisagreement.of(members(new double[] {-1, 1}, new int[] {3, 2}, 2), new int[] {0, 3, 5});
        assertEquals(1, two, 0.05);
        // means 0, 0, 3: std sqrt(2)
        double three = MemberDisagreement.of(members(new double[] {0, 0, 3}, new int[] {4, 4, 4}, 3),
                new int[] {0, 4, 8, 12});
        assertEquals(Math.sqrt(2), three, 0.05);
    }

    @Test
    void undefinedForOneMemberOrASingleSampleAndRefusesBadStarts() {
        FlowCase five = members(new double[] {0, 1}, new int[] {2, 3}, 4);
        assertTrue(Double.isNaN(MemberDisagreement.of(five, new int[] {0, 5})));
        assertTrue(Double.isNaN(MemberDisagreement.of(five, new int[] {0, 1, 5})));
        assertThrows(IllegalArgumentException.class, () -> MemberDisagreement.of(five, new int[] {0, 4}));
        assertThrows(IllegalArgumentException.class, () -> MemberDisagreement.of(five, new int[] {0, 3, 2, 5}));
    }
}
