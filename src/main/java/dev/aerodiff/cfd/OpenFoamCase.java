package dev.aerodiff.cfd;

import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Grid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes an OpenFOAM (v1912, ESI line) case for one airfoil condition: incompressible steady RANS
 * with simpleFoam and the Spalart-Allmaras model, freestream boundary conditions on a circular far
 * field, a no-slip wall with Spalding's wall function, a {@code forceCoeffs} function object for
 * lift and drag every iteration, and a {@code sets} function object that samples p and U at the
 * grid points at every snapshot iteration.
 */
public final class OpenFoamCase {
    /** Patch names shared with {@link GmshGeometry}. */
    static final String WALL = "airfoil";
    static final String FARFIELD = "farfield";
    static final String SIDES = "frontAndBack";
    /** Directory of the sampled snapshots: postProcessing/{@value}/ITERATION/cloud_{p,U}.xy. */
    static final String SAMPLE_FUNCTION = "grid";
    /** Spalart-Allmaras freestream nuTilda / nu for fully turbulent inflow. */
    private static final double NU_TILDA_RATIO = 4.0;
    private static final String HEADER = "FoamFile { version 2.0; format ascii; class %s; object %s; }%n";

    private OpenFoamCase() {
    }

    /**
     * @param dir       the case directory (created)
     * @param shape     the airfoil; its mesh script goes to {@code airfoil.geo}
     * @param condition angle of attack and Reynolds number
     * @param mesh      mesh sizes
     * @param solver    iterations and snapshot window
     * @param grid      where fields are sampled (chord units, at mid-span z = 0.5)
     */
    public static void write(Path dir, AirfoilShape shape, FlowCondition condition, MeshSettings mesh,
                             SolverSettings solver, Grid grid) throws IOException {
        Files.createDirectories(dir.resolve("system"));
        Files.createDirectories(dir.resolve("constant"));
        Files.createDirectories(dir.resolve("0"));
        Files.writeString(dir.resolve("airfoil.geo"), GmshGeometry.script(shape, mesh));
        double speed = condition.freestreamSpeed();
        double a = Math.toRadians(condition.angleOfAttackDeg());
        String u = vector(speed * Math.cos(a), speed * Math.sin(a));
        double nuTilda = NU_TILDA_RATIO * solver.nu();
        double chi3 = Math.pow(NU_TILDA_RATIO, 3);
        double nut = nuTilda * chi3 / (chi3 + Math.pow(7.1, 3));

        write(dir, "0/U", "volVectorField", "dimensions [0 1 -1 0 0 0 0];\ninternalField uniform " + u + ";\n"
                + boundary("type freestreamVelocity; freestreamValue uniform " + u + ";", "type noSlip;"));
        write(dir, "0/p", "volScalarField", "dimensions [0 2 -2 0 0 0 0];\ninternalField uniform 0;\n"
                + boundary("type freestreamPressure; freestreamValue uniform 0;", "type zeroGradient;"));
        write(dir, "0/nuTilda", "volScalarField", "dimensions [0 2 -1 0 0 0 0];\ninternalField uniform "
                + num(nuTilda) + ";\n" + boundary("type freestream; freestreamValue uniform " + num(nuTilda) + ";",
                "type fixedValue; value uniform 0;"));
        write(dir, "0/nut", "volScalarField", "dimensions [0 2 -1 0 0 0 0];\ninternalField uniform " + num(nut)
                + ";\n" + boundary("type freestream; freestreamValue uniform " + num(nut) + ";",
                "type nutUSpaldingWallFunction; value uniform 0;"));
        write(dir, "constant/transportProperties", "dictionary",
                "transportModel Newtonian;\nnu " + num(solver.nu()) + ";\n");
        write(dir, "constant/turbulenceProperties", "dictionary",
                "simulationType RAS;\nRAS { RASModel SpalartAllmaras; turbulence on; printCoeffs off; }\n");
        write(dir, "system/fvSchemes", "dictionary", """
                ddtSchemes { default steadyState; }
                gradSchemes { default Gauss linear; grad(U) cellLimited Gauss linear 1;
                              grad(nuTilda) cellLimited Gauss linear 1; }
                divSchemes { default none; div(phi,U) bounded Gauss linearUpwind grad(U);
                             div(phi,nuTilda) bounded Gauss linearUpwind grad(nuTilda);
                             div((nuEff*dev2(T(grad(U))))) Gauss linear; }
                laplacianSchemes { default Gauss linear limited corrected 0.5; }
                interpolationSchemes { default linear; }
                snGradSchemes { default limited corrected 0.5; }
                wallDist { method meshWave; }
                """);
        // residualControl far below reach: the solver never stops early (the published recipe)
        write(dir, "system/fvSolution", "dictionary", """
                solvers {
                  p { solver GAMG; tolerance 1e-7; relTol 0.1; smoother GaussSeidel; }
                  "(U|nuTilda)" { solver smoothSolver; smoother GaussSeidel; nSweeps 2; tolerance 1e-8; relTol 0.1; }
                }
                SIMPLE { nNonOrthogonalCorrectors 0; consistent no;
                         residualControl { p 1e-20; U 1e-20; nuTilda 1e-20; } }
                relaxationFactors { fields { p 0.3; } equations { U 0.7; nuTilda 0.7; } }
                """);
        write(dir, "system/controlDict", "dictionary", controlDict(condition, speed, a, solver, grid));
    }

    private static String controlDict(FlowCondition condition, double speed, double a, SolverSettings solver,
                                      Grid grid) {
        StringBuilder points = new StringBuilder();
        for (int j = 0; j < grid.ny(); j++) {
            for (int i = 0; i < grid.nx(); i++) {
                points.append(String.format(Locale.ROOT, "(%.8g %.8g 0.5) ", grid.x(i), grid.y(j)));
            }
            points.append('\n');
        }
        return String.format(Locale.ROOT, """
                application simpleFoam;
                startFrom startTime; startTime 0; stopAt endTime; endTime %d; deltaT 1;
                writeControl timeStep; writeInterval %d; purgeWrite 1;
                writeFormat binary; writePrecision 8; writeCompression off; timeFormat general; timePrecision 8;
                runTimeModifiable false;
                functions {
                  forceCoeffs { type forceCoeffs; libs ("libforces.so"); writeControl timeStep; writeInterval 1;
                    log false; patches (%s); rho rhoInf; rhoInf 1; CofR (0.25 0 0);
                    liftDir %s; dragDir %s; pitchAxis (0 0 1); magUInf %s; lRef %s; Aref %s; }
                  %s { type sets; libs ("libsampling.so"); writeControl timeStep; writeInterval %d; timeStart %d;
                    interpolationScheme cellPoint; setFormat raw; fields (p U);
                    sets ( cloud { type cloud; axis xyz; points (
                %s ); } ); }
                }
                """, solver.iterations(), solver.iterations(), WALL, vector(-Math.sin(a), Math.cos(a)),
                vector(Math.cos(a), Math.sin(a)), num(speed), num(solver.chord()), num(solver.chord()),
                SAMPLE_FUNCTION, solver.snapshotEvery(), solver.snapshotStart(), points);
    }

    private static String boundary(String farfield, String wall) {
        return "boundaryField {\n  " + FARFIELD + " { " + farfield + " }\n  " + WALL + " { " + wall + " }\n  "
                + SIDES + " { type empty; }\n}\n";
    }

    private static void write(Path dir, String file, String foamClass, String body) throws IOException {
        String object = file.substring(file.lastIndexOf('/') + 1);
        Files.writeString(dir.resolve(file), String.format(Locale.ROOT, HEADER, foamClass, object) + body);
    }

    private static String vector(double x, double y) {
        return "(" + num(x) + " " + num(y) + " 0)";
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.10g", v);
    }
}
