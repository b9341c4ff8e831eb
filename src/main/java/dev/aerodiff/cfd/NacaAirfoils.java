package dev.aerodiff.cfd;

import java.util.Locale;

/**
 * NACA 4-digit and standard 5-digit airfoils from their defining equations (Abbott & von
 * Doenhoff), with a closed trailing edge (thickness coefficient -0.1036) and cosine point spacing.
 */
public final class NacaAirfoils {
    /** Standard 5-digit mean lines 210..250 (design lift 0.3): camber position p, m and k1. */
    private static final double[][] FIVE_DIGIT = {
        {0.05, 0.0580, 361.4}, {0.10, 0.1260, 51.64}, {0.15, 0.2025, 15.957}, {0.20, 0.2900, 6.643},
        {0.25, 0.3910, 3.230}};

    private NacaAirfoils() {
    }

    /** @return true if {@code name} is a NACA designation this class can build ("naca2412", "23012") */
    public static boolean isNaca(String name) {
        return name.toLowerCase(Locale.ROOT).replaceFirst("^naca", "").matches("\\d{4}|[1-9][1-5]0\\d{2}");
    }

    /**
     * @param designation "naca" optionally, then 4 digits (mpxx) or 5 digits (LPQxx, standard mean line)
     * @param pointsPerSide contour points on each surface, leading and trailing edge included
     * @return the contour, named "naca" + digits
     * @throws IllegalArgumentException for a designation that is not a supported NACA airfoil
     */
    public static AirfoilShape create(String designation, int pointsPerSide) {
        String digits = designation.toLowerCase(Locale.ROOT).replaceFirst("^naca", "");
        if (!isNaca(digits)) {
            throw new IllegalArgumentException("'" + designation + "' is not a NACA 4-digit (e.g. naca2412) or standard"
                    + " 5-digit (e.g. naca23012) designation");
        }
        if (pointsPerSide < 5) {
            throw new IllegalArgumentException("need at least 5 points per side, got " + pointsPerSide);
        }
        double thickness = Integer.parseInt(digits.substring(digits.length() - 2)) / 100.0;
        if (thickness <= 0) {
            throw new IllegalArgumentException("'" + designation + "' has zero thickness");
        }
        CamberLine camber = digits.length() == 4 ? fourDigitCamber(digits) : fiveDigitCamber(digits);
        int n = pointsPerSide;
        double[] xs = new double[2 * n - 2];
        double[] ys = new double[2 * n - 2];
        int k = 0;
        for (int i = n - 1; i >= 0; i--) { // upper surface, trailing edge to leading edge
            double[] p = surfacePoint(i, n, thickness, camber, +1);
            xs[k] = p[0];
            ys[k++] = p[1];
        }
        for (int i = 1; i < n - 1; i++) { // lower surface, leading edge to trailing edge (exclusive)
            double[] p = surfacePoint(i, n, thickness, camber, -1);
            xs[k] = p[0];
            ys[k++] = p[1];
        }
        return new AirfoilShape("naca" + digits, xs, ys);
    }

    /** Mean line y_c(x) and its slope. */
    private interface CamberLine {
        double y(double x);

        double slope(double x);
    }

    private static double[] surfacePoint(int i, int n, double t, CamberLine camber, int side) {
        double x = 0.5 * (1 - Math.cos(Math.PI * i / (n - 1)));
        double yt = 5 * t * (0.2969 * Math.sqrt(x) - 0.1260 * x - 0.3516 * x * x + 0.2843 * x * x * x
                - 0.1036 * x * x * x * x);
        double theta = Math.atan(camber.slope(x));
        return new double[] {x - side * yt * Math.sin(theta), camber.y(x) + side * yt * Math.cos(theta)};
    }

    private static CamberLine fourDigitCamber(String digits) {
        double m = (digits.charAt(0) - '0') / 100.0;
        double p = (digits.charAt(1) - '0') / 10.0;
        if (m == 0 || p == 0) {
            return new CamberLine() {
                public double y(double x) {
                    return 0;
                }

                public double slope(double x) {
                    return 0;
                }
            };
        }
        return new CamberLine() {
            public double y(double x) {
                return x < p ? m / (p * p) * (2 * p * x - x * x)
                        : m / ((1 - p) * (1 - p)) * (1 - 2 * p + 2 * p * x - x * x);
            }

            public double slope(double x) {
                return x < p ? 2 * m / (p * p) * (p - x) : 2 * m / ((1 - p) * (1 - p)) * (p - x);
            }
        };
    }

    private static CamberLine fiveDigitCamber(String digits) {
        double designLift = 0.15 * (digits.charAt(0) - '0');
        double[] row = FIVE_DIGIT[digits.charAt(1) - '1'];
        double m = row[1];
        double k1 = row[2] * designLift / 0.3;
        return new CamberLine() {
            public double y(double x) {
                return x < m ? k1 / 6 * (x * x * x - 3 * m * x * x + m * m * (3 - m) * x) : k1 * m * m * m / 6 * (1 - x);
            }

            public double slope(double x) {
                return x < m ? k1 / 6 * (3 * x * x - 6 * m * x + m * m * (3 - m)) : -k1 * m * m * m / 6;
            }
        };
    }
}
