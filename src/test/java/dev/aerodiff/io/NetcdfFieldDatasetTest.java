package dev.aerodiff.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aerodiff.TestData;
import dev.aerodiff.data.DatasetStatistics;
import dev.aerodiff.field.Channel;
import dev.aerodiff.field.FlowCase;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads files written by xarray (NetCDF-4 with string variables and fill values, and NetCDF-3). */
class NetcdfFieldDatasetTest {

    @ParameterizedTest
    @ValueSource(strings = {"xarray-nc4.nc", "xarray-nc3.nc"})
    void readsShapeConditionsAndNames(String name) {
        try (NetcdfFieldDataset ds = NetcdfFieldDataset.open(TestData.FIXTURES.resolve(name))) {
            assertEquals(3, ds.caseCount());
            assertEquals(5, ds.samplesPerCase());
            assertEquals(12, ds.grid().nx());
            assertEquals(10, ds.grid().ny());
            assertEquals("naca2412", ds.condition(1).airfoil());
            assertEquals(8.0, ds.condition(1).angleOfAttackDeg());
            assertEquals(45.0, ds.condition(1).freestreamSpeed());
            assertEquals("xarray-written test fixture", ds.metadata().title());
            FlowCase c2 = ds.readCase(2);
            assertEquals(11, c2.mask().solidCount());
            // the solid cells were written as fill values (NaN) and read as zero
            int solidCell = 4 * 12 + 3;
            assertTrue(c2.mask().isSolid(solidCell));
            assertEquals(0f, c2.value(0, Channel.P, solidCell));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"xarray-nc4.nc", "xarray-nc3.nc"})
    void statisticsMatchNumpy(String name) throws IOException {
        JsonNode expected = new ObjectMapper().readTree(TestData.FIXTURES.resolve("xarray-expected.json").toFile());
        try (NetcdfFieldDataset ds = NetcdfFieldDataset.open(TestData.FIXTURES.resolve(name))) {
            DatasetStatistics s = DatasetStatistics.compute(ds, i -> { });
            for (Channel ch : Channel.ALL) {
                double std = expected.get("mean_std").get(ch.variableName()).asDouble();
                double mean = expected.get("mean_mean").get(ch.variableName()).asDouble();
                assertEquals(std, s.meanStd()[ch.ordinal()], 1e-6 * Math.abs(std), ch + " mean_std");
                assertEquals(mean, s.meanMean()[ch.ordinal()], 1e-6 * Math.abs(mean) + 1e-9, ch + " mean_mean");
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not-netcdf.nc|not a NetCDF file (expected NetCDF-3 or NetCDF-4/HDF5)",
        "missing-ux.nc|missing variable 'ux'; expected ux(case, sample, y, x)",
        "wrong-shape.nc|variable 'p' has dimensions (case, sample, x, y), expected (case, sample, y, x)",
        "empty-case.nc|dimension 'sample' has length 0",
        "no-such-file.nc|no such file"})
    void rejectsBadFilesOnOpen(String name, String message) {
        Path file = TestData.FIXTURES.resolve(name);
        DataFileException e = assertThrows(DataFileException.class, () -> NetcdfFieldDataset.open(file).close());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void rejectsNonFiniteFluidValuesWhenTheCaseIsRead(int caseIndex) {
        try (NetcdfFieldDataset ds = NetcdfFieldDataset.open(TestData.FIXTURES.resolve("nonfinite-fluid.nc"))) {
            if (caseIndex == 0) {
                assertEquals(5, ds.readCase(0).samples(), "other cases stay readable");
                return;
            }
            DataFileException e = assertThrows(DataFileException.class, () -> ds.readCase(1));
            assertTrue(e.getMessage().contains("variable 'ux' holds Infinity in a fluid cell: case 1 (naca2412"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("sample 3, y index 0"), e.getMessage());
        }
    }
}
