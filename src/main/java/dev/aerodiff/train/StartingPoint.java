package dev.aerodiff.train;

import java.util.Objects;

/**
 * The model bundle whose averaged weights a training run started from instead of random ones
 * (fine-tuning): kept in the run's checkpoints and recorded in the bundle it writes, so that the run
 * can be resumed and trained again from the same weights.
 *
 * @param bundle the bundle as the run was given it
 * @param sha256 the SHA-256 of that file when the run started
 */
public record StartingPoint(String bundle, String sha256) {
    /** Checks that both are given. */
    public StartingPoint {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(sha256, "sha256");
    }
}
