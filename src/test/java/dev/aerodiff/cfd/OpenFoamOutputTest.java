package dev.aerodiff.cfd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Grid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads files that OpenFOAM v1912 wrote for a NACA 0012 case at 4 degrees, Re 1e6, sampled on an
 * 8x8 grid at iterations 40 and 60 (src/test/resources/openfoam/naca0012-res8).
 */
class OpenFoamOutputTest {
    private static final Path CASE = Path.of("src/test/resources/openfoam/naca0012-res8");
    private static final Grid GRID = Grid.uniform(8, 8, -0.5, 1.5, -1, 1);
    private static final FlowCondition CONDITION = new FlowCondition("naca0012", 4, 1e6, 10);

    @Test
    void readsSampledSnapshotsOntoTheGrid() throws IOException {
        FlowCase c = SnapshotReader.read(CASE, CONDITION, NacaAirfoils.create("naca0012", 120), GRID,
                new int[] {40, 60});
        assertEquals(2, c.samples());
        assertArrayEquals(new int[] {40, 60}, c.iterations());
        // OpenFOAM dropped the 3 points inside the airfoil, (0.25, 0), (0.5, 0), (0.75, 0); the leading
        // edge (0, 0) lies on the contour and counts as solid too
        assertEquals(4, c.mask().solidCount());
        int y0 = 4 * 8;
        for (int i = 2; i <= 5; i++) {
            assertTrue(c.mask().isSolid(y0 + i), "x index " + i);
        }
        // first row of cloud_p.xy at iteration 40: (-0.5, -1) p = 1.7281448
        assertEquals(1.7281448f, c.value(0, Channel.P, 0), 1e-6);
        // far upstream the flow is close to the freestream (10 m/s at 4 degrees)
        assertEquals(10 * Math.cos(Math.toRadians(4)), c.value(1, Channel.UX, 0), 1.0);
        double[] lift = c.coefficients().lift();
        assertTrue(lift[1] > 0 && lift[1] < 1, "positive lift at 4 degrees, got " + lift[1]);
    }

    @Test
    void missingSnapshotIsAClearFailure() {
        CaseFailedException e = assertThrows(CaseFailedException.class, () -> SnapshotReader.read(CASE, CONDITION,
                NacaAirfoils.create("naca0012", 120), GRID, new int[] {40, 80}));
        assertTrue(e.getMessage().contains("missing sampled field") && e.getMessage().contains("80"), e.getMessage());
    }

    @Test
    void setsWallAndEmptyPatchTypesInTheBoundaryFile(@TempDir Path dir) throws IOException {
        Path poly = dir.resolve("constant/polyMesh");
        Files.createDirectories(poly);
        Files.copy(CASE.resolve("boundary"), poly.resolve("boundary"));
        PolyMeshBoundary.setPatchTypes(dir);
        String text = Files.readString(poly.resolve("boundary"));
        assertTrue(text.matches("(?s).*airfoil\\s*\\{\\s*type\\s+wall;\\s*physicalType\\s+wall;.*"), text);
        assertTrue(text.matches("(?s).*frontAndBack\\s*\\{\\s*type\\s+empty;.*"), text);
        assertTrue(text.matches("(?s).*farfield\\s*\\{\\s*type\\s+patch;.*"), text);
        assertThrows(CaseFailedException.class, () -> PolyMeshBoundary.setType(text, "inlet", "patch"));
    }

    @Test
    void checkMeshVerdicts() throws IOException {
        assertNull(CaseSimulation.meshProblem(Files.readString(CASE.resolve("log.checkMesh"))));
        String skew = "    ***Max skewness = 4.4867959, 1 highly skew faces detected\nFailed 1 mesh checks.\n";
        assertNull(CaseSimulation.meshProblem(skew), "moderate skewness is tolerated");
        String bad = " ***Zero or negative cell volume detected.  Minimum negative volume: -1e-9\n"
                + "Failed 1 mesh checks.\n";
        assertTrue(CaseSimulation.meshProblem(bad).contains("negative cell volume"));
        assertTrue(CaseSimulation.meshProblem("***Max skewness = 40.2, 7 highly skew faces\nFailed 1 mesh checks.")
                .contains("40.2"));
    }

    /** Head and tail of the log of a simpleFoam run that diverged (NACA 0012, 22 degrees, Re 1e7). */
    @Test
    void aDivergedRunIsReportedWithTheIterationItReached(@TempDir Path dir) throws IOException {
        Path log = Path.of("src/test/resources/openfoam/log.simpleFoam-diverged");
        assertEquals("floating-point exception at iteration 100 (the solution diverged; see log.simpleFoam-diverged)",
                OpenFoamRunner.failureReason(log));
        Path plain = dir.resolve("log.gmsh");
        Files.writeString(plain, "Info    : Meshing 1D...\n\nError   : no curve loop\nAbort\n");
        assertEquals("Info    : Meshing 1D... | Error   : no curve loop | Abort", OpenFoamRunner.failureReason(plain));
    }
}
