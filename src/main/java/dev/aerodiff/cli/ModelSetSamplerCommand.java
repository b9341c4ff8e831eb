package dev.aerodiff.cli;

import dev.aerodiff.sampling.SamplerSpec;
import dev.aerodiff.surrogate.ModelBundle;
import dev.aerodiff.surrogate.RecommendedSampler;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code aerodiff model set-sampler BUNDLE SPEC --reason TEXT}: records in a bundle the sampler that
 * a validation found best for it, so that predict, validate, quickstart and the other commands use it
 * when they are given none. The weights are left as they are.
 */
@Command(name = "set-sampler", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Record in a bundle the sampler to use when a command names none (predict, validate,"
                + " quickstart, calibrate, memorization, bench sample), with why it was chosen; 'none' removes"
                + " the record. The weights and the rest of the manifest are kept; the file's SHA-256 changes, so"
                + " a calibration fitted before no longer finds it.")
final class ModelSetSamplerCommand implements Runnable {
    /** SPEC that removes the record. */
    static final String NONE = "none";

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "Model bundle (.aerodiff), rewritten in place.")
    private Path file;

    @Parameters(index = "1", paramLabel = "SPEC", description = "Sampler, e.g. ode-bs3:1e-2 or ddim:50:1; 'none'"
            + " removes the record.")
    private String sampler;

    @Option(names = "--reason", paramLabel = "TEXT", description = "What measurement chose it and where it is"
            + " written, e.g. 'validation/stall-pooled: errors 0.28 / 0.32 of the spread'. Needed unless SPEC is"
            + " 'none'.")
    private String reason;

    @Override
    public void run() {
        RecommendedSampler record = null;
        if (!NONE.equals(sampler)) {
            SamplerSpec parsed = SamplerSpec.parse(sampler);
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("--reason is needed: say what measurement chose " + parsed
                        + " for " + file);
            }
            record = new RecommendedSampler(sampler.strip(), reason.strip(), AeroDiff.invocation(spec),
                    VersionProvider.version(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        }
        RecommendedSampler before = ModelBundle.recordSampler(file, record);
        PrintWriter out = spec.commandLine().getOut();
        String was = before == null ? NONE : before.spec();
        String now = record == null ? NONE : record.spec();
        if (common.json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("bundle", file.toString());
            result.put("sampler", now);
            result.put("previous_sampler", was);
            Json.print(out, result);
        } else {
            out.printf(Locale.ROOT, "%s: sampler %s (was %s)%n", file, now, was);
        }
    }
}
