package dev.aerodiff.sampling;

/**
 * A numerical failure during sampling, such as values that stop being finite; names the sampler,
 * the time and the step.
 */
public class SamplingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param sampler sampler name
     * @param t       time at which it failed
     * @param step    step index, or -1 if not stepping on a grid
     * @param problem what went wrong
     */
    public SamplingException(String sampler, double t, int step, String problem) {
        super(sampler + ": " + problem + " near t = " + t + (step >= 0 ? " (step " + step + ")" : ""));
    }
}
