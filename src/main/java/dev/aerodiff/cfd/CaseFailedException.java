package dev.aerodiff.cfd;

/** A simulation case that could not be meshed, run or read, or whose solution diverged. */
public class CaseFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param reason what went wrong, for the report and the case's FAILED file */
    public CaseFailedException(String reason) {
        super(reason);
    }
}
