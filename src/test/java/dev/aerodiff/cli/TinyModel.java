package dev.aerodiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aerodiff.io.NetcdfDatasetWriter;
import dev.aerodiff.train.DiffusionTrainerTestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tiny bundles trained by the {@code train} command on the synthetic data set, for the command tests. */
final class TinyModel {
    private TinyModel() {
    }

    /** @return {@link DiffusionTrainerTestData#synthetic()} written to {@code dir/data.nc} */
    static Path syntheticData(Path dir) throws IOException {
        Path data = dir.resolve("data.nc");
        NetcdfDatasetWriter.write(DiffusionTrainerTestData.synthetic(), data, i -> { });
        return data;
    }

    /**
     * Trains a U-Net of base 8 and two levels at batch 4 from {@code dir/NAME.json}.
     *
     * @return {@code dir/NAME.aerodiff}
     */
    static Path train(Path dir, Path data, String name, String method, int steps, int seed) throws IOException {
        Path config = dir.resolve(name + ".json");
        Files.writeString(config, """
                {"method": "%s", "steps": %d, "batch_size": 4, "seed": %d,
                 "network": {"base": 8, "mult": [1, 2], "res_blocks": 1, "attention_levels": []}}
                """.formatted(method, steps, seed));
        Path bundle = dir.resolve(name + ".aerodiff");
        CliRun r = CliRun.of("train", "--config", config.toString(), "--data", data.toString(), "--out",
                bundle.toString());
        assertEquals(0, r.exitCode(), r.err());
        return bundle;
    }
}
