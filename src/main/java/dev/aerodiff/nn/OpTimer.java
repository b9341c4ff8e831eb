package dev.aerodiff.nn;

/** Receives the wall time of each op of an eagerly run network ({@link TapeUNet}) as it runs. */
@FunctionalInterface
public interface OpTimer {
    /**
     * @param op    the op's name; the gradient of an op is its name with {@code _bp}
     * @param nanos wall time of one execution
     */
    void add(String op, long nanos);
}
