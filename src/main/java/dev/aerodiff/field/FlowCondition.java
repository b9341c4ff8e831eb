package dev.aerodiff.field;

/**
 * The operating point of one airfoil simulation: what a surrogate is conditioned on.
 *
 * @param airfoil          airfoil name, e.g. "naca0012" or a UIUC database name such as "raf30"
 * @param angleOfAttackDeg angle of attack in degrees (freestream direction against the chord line)
 * @param reynolds         chord Reynolds number U c / nu
 * @param freestreamSpeed  magnitude of the freestream velocity U in m/s
 */
public record FlowCondition(String airfoil, double angleOfAttackDeg, double reynolds, double freestreamSpeed) {

    /**
     * @throws IllegalArgumentException if the name is blank or a number is not finite or not positive
     */
    public FlowCondition {
        if (airfoil == null || airfoil.isBlank()) {
            throw new IllegalArgumentException("airfoil name is empty");
        }
        if (!Double.isFinite(angleOfAttackDeg) || Math.abs(angleOfAttackDeg) > 90) {
            throw new IllegalArgumentException("angle of attack must be finite and within +-90 deg, got "
                    + angleOfAttackDeg);
        }
        if (!(reynolds > 0) || !Double.isFinite(reynolds)) {
            throw new IllegalArgumentException("Reynolds number must be positive and finite, got " + reynolds);
        }
        if (!(freestreamSpeed > 0) || !Double.isFinite(freestreamSpeed)) {
            throw new IllegalArgumentException("freestream speed must be positive and finite, got "
                    + freestreamSpeed);
        }
    }

    /**
     * Recovers a condition from freestream velocity components.
     *
     * @param ux    freestream x velocity (m/s)
     * @param uy    freestream y velocity (m/s)
     * @param chord chord length (m)
     * @param nu    kinematic viscosity (m2/s)
     * @return the condition with U = |(ux, uy)|, angle atan2(uy, ux) and Re = U c / nu
     */
    public static FlowCondition fromFreestream(String airfoil, double ux, double uy, double chord, double nu) {
        double speed = Math.hypot(ux, uy);
        return new FlowCondition(airfoil, Math.toDegrees(Math.atan2(uy, ux)), speed * chord / nu, speed);
    }

    /** @return freestream x velocity U cos(alpha) */
    public double freestreamUx() {
        return freestreamSpeed * Math.cos(Math.toRadians(angleOfAttackDeg));
    }

    /** @return freestream y velocity U sin(alpha) */
    public double freestreamUy() {
        return freestreamSpeed * Math.sin(Math.toRadians(angleOfAttackDeg));
    }

    /**
     * @return the operating point as text, airfoil name in lower case and angle and Reynolds number
     *         to six significant digits: equal for the same condition simulated twice
     */
    public String key() {
        return String.format(java.util.Locale.ROOT, "%s %.6g %.6g", airfoil.toLowerCase(java.util.Locale.ROOT),
                angleOfAttackDeg, reynolds);
    }

    /** @return a short label such as "raf30 aoa=20.0 Re=1.05e+07" */
    public String label() {
        return String.format(java.util.Locale.ROOT, "%s aoa=%.2f Re=%.3g", airfoil, angleOfAttackDeg, reynolds);
    }
}
