package dev.aerodiff.cli;

import dev.aerodiff.io.FileDigest;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Which model a run samples, as a spread calibration records it: its name, made of the bundles' file
 * names as the commands name a model, and its content, the same name made of each bundle's SHA-256
 * instead, which a renamed or moved copy keeps and retrained weights change.
 *
 * @param name    e.g. "averaged-seed1+seed2"
 * @param content e.g. "averaged-" followed by the two bundles' SHA-256 joined by "+"
 */
record ModelIdentity(String name, String content) {
    /**
     * @param bundles the --model bundles
     * @param combine how the command names a model from its bundles' names (mixture, average, guidance)
     * @return the model's identity
     */
    static ModelIdentity of(List<Path> bundles, Function<List<String>, String> combine) {
        return new ModelIdentity(combine.apply(bundles.stream().map(EvaluationOutput::modelName).toList()),
                combine.apply(bundles.stream().map(FileDigest::sha256).toList()));
    }
}
