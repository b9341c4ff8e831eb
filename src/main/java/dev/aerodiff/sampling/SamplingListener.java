package dev.aerodiff.sampling;

import dev.aerodiff.diffusion.TimeGrid;

/** Progress and per-step callbacks of a sampler run; every method is a no-op by default. */
public interface SamplingListener {

    /** A listener that does nothing. */
    SamplingListener NONE = new SamplingListener() {
    };

    /**
     * @param sampler the sampler's name
     * @param grid    the time grid
     * @param batch   B
     */
    default void start(String sampler, TimeGrid grid, long batch) {
    }

    /** @param info the step just finished */
    default void step(StepInfo info) {
    }

    /** @param result the finished run */
    default void finish(Samples result) {
    }
}
