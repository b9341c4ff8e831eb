package dev.aerodiff.nn;

import java.util.Arrays;
import java.util.Objects;

/**
 * Shape of the conditional U-Net denoiser (DDPM style, as in Liu & Thuerey's airfoil surrogates):
 * noisy fields concatenated with condition channels, a sinusoidal time embedding added in every
 * residual block, GroupNorm + SiLU residual blocks, self-attention at chosen levels and in the
 * middle, stride-2 convolutions down and nearest upsampling + convolution up.
 *
 * @param inChannels        channels of noisy fields plus condition (3 + 3)
 * @param outChannels       predicted channels (3)
 * @param base              channels at the first level; the time embedding has 4 x base
 * @param mult              channel multiplier per level (its length is the number of levels)
 * @param resBlocksPerLevel residual blocks per level on the way down (one more on the way up)
 * @param attentionLevels   levels with self-attention after each residual block
 * @param conditionEmbedding unless null, the operating point read from the condition channels (angle
 *                           of attack and log speed) is expanded into sinusoids of these periods,
 *                           embedded and added to the time embedding, so that every residual block
 *                           sees it (see {@link UNet}); null in bundles made before it existed
 */
public record UNetConfig(int inChannels, int outChannels, int base, int[] mult, int resBlocksPerLevel,
                         int[] attentionLevels, ConditionEmbedding conditionEmbedding) {

    /** Checks sizes and copies the arrays. */
    public UNetConfig {
        if (inChannels < 1 || outChannels < 1 || base < 8 || base % 8 != 0 || mult.length < 1
                || resBlocksPerLevel < 1) {
            throw new IllegalArgumentException("invalid U-Net shape: in " + inChannels + ", out " + outChannels
                    + ", base " + base + " (a multiple of 8), " + mult.length + " levels, " + resBlocksPerLevel
                    + " blocks per level");
        }
        mult = mult.clone();
        attentionLevels = attentionLevels.clone();
    }

    /** A network that sees the condition through its input channels only. */
    public UNetConfig(int inChannels, int outChannels, int base, int[] mult, int resBlocksPerLevel,
                      int[] attentionLevels) {
        this(inChannels, outChannels, base, mult, resBlocksPerLevel, attentionLevels, null);
    }

    /** @return this shape with the given condition embedding, or none for null */
    public UNetConfig withConditionEmbedding(ConditionEmbedding embedding) {
        return new UNetConfig(inChannels, outChannels, base, mult, resBlocksPerLevel, attentionLevels, embedding);
    }

    /** @return the peer network of the PyTorch benchmark: 15,477,411 parameters */
    public static UNetConfig peer() {
        return new UNetConfig(6, 3, 32, new int[] {1, 2, 4, 8}, 2, new int[] {3});
    }

    /** @return the default for training on a 2-core machine: widths 16-32-64, attention in the middle only */
    public static UNetConfig small() {
        return new UNetConfig(6, 3, 16, new int[] {1, 2, 4}, 1, new int[0]);
    }

    @Override
    public int[] mult() {
        return mult.clone();
    }

    @Override
    public int[] attentionLevels() {
        return attentionLevels.clone();
    }

    /** @return width of the time embedding */
    public int timeEmbeddingDim() {
        return 4 * base;
    }

    /** @return true if level {@code level} has attention */
    public boolean hasAttention(int level) {
        return Arrays.stream(attentionLevels).anyMatch(l -> l == level);
    }

    /** @return the factor by which the resolution must be divisible (2^(levels-1)) */
    public int resolutionMultiple() {
        return 1 << (mult.length - 1);
    }

    /**
     * @return GroupNorm groups for {@code channels}: the largest divisor of c up to min(32, c/4)
     *         from 32 channels on, else up to 8 (so 32 for 128 channels, 24 for 144 = 96 + 48 at a
     *         skip connection of base 24, where 32 groups would not divide the channels)
     */
    public static int groups(int channels) {
        int groups = channels >= 32 ? Math.min(32, channels / 4) : Math.min(8, channels);
        while (channels % groups != 0) {
            groups--;
        }
        return groups;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UNetConfig c && inChannels == c.inChannels && outChannels == c.outChannels
                && base == c.base && Arrays.equals(mult, c.mult) && resBlocksPerLevel == c.resBlocksPerLevel
                && Arrays.equals(attentionLevels, c.attentionLevels)
                && Objects.equals(conditionEmbedding, c.conditionEmbedding);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mult) * 31 + base;
    }

    @Override
    public String toString() {
        return "UNetConfig[in=" + inChannels + ", out=" + outChannels + ", base=" + base + ", mult="
                + Arrays.toString(mult) + ", blocks=" + resBlocksPerLevel + ", attention="
                + Arrays.toString(attentionLevels) + (conditionEmbedding != null ? ", " + conditionEmbedding : "")
                + "]";
    }
}
