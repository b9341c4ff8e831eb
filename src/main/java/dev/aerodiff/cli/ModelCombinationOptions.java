package dev.aerodiff.cli;

import dev.aerodiff.cfd.AirfoilShape;
import dev.aerodiff.surrogate.AveragedSurrogate;
import dev.aerodiff.surrogate.EnsemblePredictor;
import dev.aerodiff.surrogate.Surrogate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * How the commands that sample several --model bundles make one model of them: an equal mixture of
 * their samples (the default), their networks' average at every step ({@code --average}), or the
 * first network guided by the second ({@code --guidance W}).
 */
final class ModelCombinationOptions {
    @Option(names = "--average", description = EvaluationOutput.AVERAGE_HELP)
    private boolean average;

    @Option(names = "--guidance", paramLabel = "W", description = "With two bundles A,B, B a weaker version of A"
            + " trained on the same data (fewer steps or smaller widths): autoguidance (Karras et al. 2024), every"
            + " sampler step predicting W times A's prediction minus W - 1 times B's, which moves the samples away"
            + " from where B errs more than A; W >= 1, 1 is A alone. Evaluates both networks per step.")
    private Double guidance;

    /**
     * @param bundles the --model bundles
     * @param shapes  airfoil name to contour
     * @return one bundle's surrogate, or the bundles combined as the options say
     * @throws IllegalArgumentException if the options do not fit each other or the bundles
     */
    EnsemblePredictor load(List<Path> bundles, Function<String, AirfoilShape> shapes) {
        if (guidance == null) {
            return EnsemblePredictor.load(bundles, shapes, average);
        }
        if (average) {
            throw new IllegalArgumentException("--guidance and --average exclude each other: --guidance weighs two"
                    + " bundles W and 1 - W, --average all of them equally");
        }
        if (bundles.size() != 2) {
            throw new IllegalArgumentException("--guidance needs two bundles, --model A,B with B a weaker version of"
                    + " A; got " + bundles.size());
        }
        return AveragedSurrogate.guided(Surrogate.load(bundles.get(0), shapes), Surrogate.load(bundles.get(1), shapes),
                guidance);
    }

    /**
     * @param option the option that excludes both (e.g. "--nearest")
     * @throws IllegalArgumentException if --average or --guidance was given
     */
    void refuseWith(String option) {
        if (average || guidance != null) {
            throw new IllegalArgumentException((average ? "--average" : "--guidance") + " does not apply to "
                    + option + ": it combines the networks of several --model bundles");
        }
    }

    /** @return the model's name: the bundles' names, after "averaged-", or as "A-guided-W-by-B" */
    String name(List<Path> bundles) {
        return combine(bundles.stream().map(EvaluationOutput::modelName).toList());
    }

    /** @return the model's name and content ({@link ModelIdentity}) */
    ModelIdentity identity(List<Path> bundles) {
        return ModelIdentity.of(bundles, this::combine);
    }

    private String combine(List<String> bundleNames) {
        if (guidance != null) {
            return bundleNames.get(0) + "-guided-" + ModelInfoCommand.plain(guidance) + "-by-" + bundleNames.get(1);
        }
        return EvaluationOutput.combinedName(bundleNames, average);
    }

    /** @return how several bundles were combined: "mixture", "average" or "guidance" */
    String combination() {
        return guidance != null ? "guidance" : average ? "average" : "mixture";
    }

    /** @return W of --guidance, where given */
    OptionalDouble guidance() {
        return guidance != null ? OptionalDouble.of(guidance) : OptionalDouble.empty();
    }

    /** Adds {@code "average": true} or {@code "guidance": W} to a record, where given. */
    void record(Map<String, Object> header) {
        if (average) {
            header.put("average", true);
        }
        if (guidance != null) {
            header.put("guidance", guidance);
        }
    }
}
