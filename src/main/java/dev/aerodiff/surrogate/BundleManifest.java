package dev.aerodiff.surrogate;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.aerodiff.data.FieldScaling;
import dev.aerodiff.nn.UNetConfig;
import java.util.List;
import java.util.Map;

/**
 * The self-description of a model bundle ({@code manifest.json}): everything needed to rebuild
 * the network, map fields in and out, and know how the model was made.
 *
 * @param format          bundle format version
 * @param aerodiffVersion version that wrote the bundle
 * @param method          "ddpm" or "flow"
 * @param parameterization what the network predicts (EPSILON, VELOCITY, ...)
 * @param schedule        noise schedule name
 * @param network         U-Net shape
 * @param gridX           grid x coordinates (chords)
 * @param gridY           grid y coordinates (chords)
 * @param channels        output channel names
 * @param units           raw units of each channel
 * @param scaling         field and condition scaling
 * @param trainingConditions the airfoils and ranges of the training conditions; null in bundles
 *                        written before AeroDiff recorded them
 * @param provenance      how it was trained: data file and SHA-256, command, seed, steps, wall time
 * @param sampler         the sampler a validation chose for it; null where none was recorded
 */
public record BundleManifest(int format, String aerodiffVersion, String method, String parameterization,
                             String schedule, UNetConfig network, double[] gridX, double[] gridY,
                             List<String> channels, List<String> units, FieldScaling scaling,
                             TrainingConditions trainingConditions, Map<String, Object> provenance,
                             @JsonInclude(JsonInclude.Include.NON_NULL) RecommendedSampler sampler) {
}
