package dev.aerodiff.cfd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aerodiff.data.DatasetMetadata;
import dev.aerodiff.data.InMemoryFieldDataset;
import dev.aerodiff.field.FieldUnits;
import dev.aerodiff.field.FlowCase;
import dev.aerodiff.field.FlowCondition;
import dev.aerodiff.field.Grid;
import dev.aerodiff.field.Mask;
import dev.aerodiff.io.NetcdfDatasetWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resuming: finished and failed cases in the work directory are not run again. */
class DatasetGeneratorTest {

    @Test
    void reusesFinishedCasesAndSkipsFailedOnes(@TempDir Path work) throws Exception {
        Grid grid = Grid.uniform(4, 4, -0.5, 1.5, -1, 1);
        SolverSettings solver = new SolverSettings(100, 50, 50, 1e-5, 1);
        ConditionList.Entry done = new ConditionList.Entry("naca0012", 2, 1e6);
        ConditionList.Entry failed = new ConditionList.Entry("naca2412", 4, 1e6);
        FlowCondition cond = new FlowCondition("naca0012", 2, 1e6, solver.freestreamSpeed(1e6));
        float[] values = new float[2 * 3 * 16];
        java.util.Arrays.fill(values, 3f);
        FlowCase fc = new FlowCase(cond, Mask.allFluid(4, 4), FieldUnits.PHYSICAL, 2, values, new int[] {50, 100});
        Path doneDir = work.resolve(done.id());
        NetcdfDatasetWriter.write(new InMemoryFieldDataset(grid, List.of(fc), new DatasetMetadata("", "", "")),
                doneDir.resolve(DatasetGenerator.SAMPLES), i -> { });
        Files.writeString(doneDir.resolve(DatasetGenerator.TIMING), "{\"seconds\": 12.5, \"cells\": 1000}");
        Files.createDirectories(work.resolve(failed.id()));
        Files.writeString(work.resolve(failed.id()).resolve(DatasetGenerator.FAILED), "diverged: test\n");

        // no OpenFOAM is needed: neither case runs
        CaseSimulation sim = new CaseSimulation(new OpenFoamRunner(work.resolve("no-bashrc")),
                MeshSettings.standard(), solver, grid);
        DatasetGenerator gen = new DatasetGenerator(work, sim, solver, new AirfoilLibrary(List.of()), 1, false);
        List<String> seen = new ArrayList<>();
        List<DatasetGenerator.Outcome> outcomes = gen.run(List.of(done, failed),
                (o, n, total) -> seen.add(o.entry().id() + ":" + o.status()));
        assertEquals("cached", outcomes.get(0).status());
        assertEquals(12.5, outcomes.get(0).seconds());
        assertEquals(1000, outcomes.get(0).cells());
        assertEquals("skipped-failed", outcomes.get(1).status());
        assertEquals("diverged: test", outcomes.get(1).detail());
        assertEquals(2, seen.size());
        List<FlowCase> cases = gen.collect(outcomes);
        assertEquals(1, cases.size());
        assertEquals(3f, cases.get(0).value(1, dev.aerodiff.field.Channel.UY, 5));
    }
}
