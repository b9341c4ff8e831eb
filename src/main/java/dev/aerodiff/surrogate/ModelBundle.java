package dev.aerodiff.surrogate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aerodiff.data.NearestReference;
import dev.aerodiff.field.Channel;
import dev.aerodiff.field.Grid;
import dev.aerodiff.io.AtomicFile;
import dev.aerodiff.io.DataFileException;
import dev.aerodiff.nn.UNet;
import dev.aerodiff.train.DiffusionTrainer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained surrogate in one versioned zip file: {@code manifest.json} ({@link BundleManifest}),
 * {@code weights/NAME}, the exponential-moving-average weights of every network variable (ND4J
 * binary arrays), and for a network with the nearest-reference channels the training simulations'
 * moments, {@code reference/nearest} ({@link NearestReference#write}). Loading rebuilds the network
 * from the manifest and assigns the weights by name; no Java serialization is involved.
 */
public final class ModelBundle {
    /**
     * Newest bundle format this version reads and writes: 2 for a bundle with the nearest reference,
     * which older versions cannot use; bundles without it are written as format 1.
     */
    public static final int FORMAT = 2;
    private static final String MANIFEST_ENTRY = "manifest.json";
    private static final String REFERENCE_ENTRY = "reference/nearest";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final BundleManifest manifest;
    private final UNet network;
    private final NearestReference reference;

    private ModelBundle(BundleManifest manifest, UNet network, NearestReference reference) {
        this.manifest = manifest;
        this.network = network;
        this.reference = reference;
    }

    /**
     * Writes the averaged weights of a training run.
     *
     * @param trainer    the run
     * @param grid       the grid of its training data
     * @param conditions what it was trained on
     * @param reference  the training simulations' moments for a network with the nearest-reference
     *                   channels, else null
     * @param version    AeroDiff version
     * @param provenance how it was trained
     * @param file       the bundle; replaced only when complete
     * @throws IllegalArgumentException if the reference is missing or not needed
     */
    public static void write(DiffusionTrainer trainer, Grid grid, TrainingConditions conditions,
                             NearestReference reference, String version, Map<String, Object> provenance, Path file) {
        write(trainer, grid, conditions, reference, version, provenance, null, file);
    }

    /**
     * The same with the sampler to record, or null for none.
     *
     * @throws IllegalArgumentException if the reference is missing or not needed
     */
    public static void write(DiffusionTrainer trainer, Grid grid, TrainingConditions conditions,
                             NearestReference reference, String version, Map<String, Object> provenance,
                             RecommendedSampler sampler, Path file) {
        if (trainer.scaling().nearestReference() != (reference != null)) {
            throw new IllegalArgumentException(reference == null ? "the network takes the nearest-reference channels:"
                    + " the bundle needs the training simulations' moments" : "the network takes no nearest reference");
        }
        BundleManifest m = new BundleManifest(reference != null ? FORMAT : 1, version, trainer.config().objective().id(),
                trainer.config().output().name(),
                trainer.config().objective().schedule().toString(), trainer.config().network(), grid.x(), grid.y(),
                Channel.ALL.stream().map(Channel::variableName).toList(),
                Channel.ALL.stream().map(Channel::units).toList(), trainer.scaling(), conditions, provenance, sampler);
        AtomicFile.write(file, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(MANIFEST_ENTRY));
                zip.write(JSON.writeValueAsBytes(m));
                for (Map.Entry<String, INDArray> e : trainer.emaWeights().entrySet()) {
                    zip.putNextEntry(new ZipEntry("weights/" + e.getKey()));
                    Nd4j.write(e.getValue(), new DataOutputStream(zip));
                }
                if (reference != null) {
                    zip.putNextEntry(new ZipEntry(REFERENCE_ENTRY));
                    DataOutputStream data = new DataOutputStream(new BufferedOutputStream(zip));
                    reference.write(data);
                    data.flush();
                }
            }
        });
    }

    /**
     * @param file a bundle
     * @return the manifest and the network with the bundle's weights
     * @throws DataFileException for a missing, foreign, incomplete or newer-format file
     */
    public static ModelBundle read(Path file) {
        try (ZipFile zip = open(file)) {
            BundleManifest m = manifest(file, zip);
            UNet net = UNet.buildForInference(m.network(), m.gridX().length);
            for (SDVariable v : net.weights()) {
                ZipEntry we = zip.getEntry("weights/" + v.name());
                if (we == null) {
                    throw new DataFileException(file, "weights of " + v.name() + " missing");
                }
                try (InputStream in = zip.getInputStream(we)) {
                    INDArray w = Nd4j.read(new DataInputStream(in));
                    if (!java.util.Arrays.equals(w.shape(), v.getArr().shape())) {
                        throw new DataFileException(file, "weights of " + v.name() + " have shape "
                                + java.util.Arrays.toString(w.shape()) + ", the network needs "
                                + java.util.Arrays.toString(v.getArr().shape()));
                    }
                    v.getArr().assign(w);
                }
            }
            return new ModelBundle(m, net, m.scaling().nearestReference() ? reference(file, zip) : null);
        } catch (java.util.zip.ZipException e) {
            throw new DataFileException(file, "not an AeroDiff model bundle (not a zip file)", e);
        } catch (IOException e) {
            throw new DataFileException(file, "cannot read model bundle: " + e.getMessage(), e);
        }
    }

    /**
     * Reads only the manifest, without building the network or reading the weights.
     *
     * @param file a bundle
     * @return its manifest
     * @throws DataFileException for a missing, foreign, incomplete or newer-format file
     */
    public static BundleManifest readManifest(Path file) {
        try (ZipFile zip = open(file)) {
            return manifest(file, zip);
        } catch (IOException e) {
            throw new DataFileException(file, "cannot read model bundle: " + e.getMessage(), e);
        }
    }

    /**
     * Records in a bundle the sampler it is best sampled with, or removes that record. The weights,
     * the reference and every other manifest field are copied as they are; the file is replaced
     * only once the new one is complete.
     *
     * @param file    a bundle
     * @param sampler the recommendation, or null to remove it
     * @return the recommendation it replaces, or null where the bundle had none
     * @throws DataFileException for a missing, foreign, incomplete or newer-format file
     */
    public static RecommendedSampler recordSampler(Path file, RecommendedSampler sampler) {
        try (ZipFile zip = open(file)) {
            RecommendedSampler before = manifest(file, zip).sampler();
            ObjectNode manifest;
            try (InputStream in = zip.getInputStream(zip.getEntry(MANIFEST_ENTRY))) {
                manifest = (ObjectNode) JSON.readTree(in);
            }
            if (sampler == null) {
                manifest.remove("sampler");
            } else {
                manifest.set("sampler", JSON.valueToTree(sampler));
            }
            AtomicFile.write(file, tmp -> {
                try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream copy = new ZipOutputStream(out)) {
                    for (ZipEntry entry : Collections.list(zip.entries())) {
                        copy.putNextEntry(new ZipEntry(entry.getName()));
                        if (entry.getName().equals(MANIFEST_ENTRY)) {
                            copy.write(JSON.writeValueAsBytes(manifest));
                        } else {
                            try (InputStream in = zip.getInputStream(entry)) {
                                in.transferTo(copy);
                            }
                        }
                    }
                }
            });
            return before;
        } catch (IOException e) {
            throw new DataFileException(file, "cannot rewrite model bundle: " + e.getMessage(), e);
        }
    }

    private static NearestReference reference(Path file, ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(REFERENCE_ENTRY);
        if (entry == null) {
            throw new DataFileException(file, "the network takes the nearest-reference channels but "
                    + REFERENCE_ENTRY + " is missing");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return NearestReference.read(new DataInputStream(new BufferedInputStream(in)));
        } catch (IOException | IllegalArgumentException e) {
            throw new DataFileException(file, REFERENCE_ENTRY + " is damaged: " + e.getMessage(), e);
        }
    }

    private static ZipFile open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new DataFileException(file, "no such model bundle" + (file.toString().contains(",")
                    ? " (only predict, validate and quickstart take several bundles separated by commas)" : ""));
        }
        try {
            return new ZipFile(file.toFile());
        } catch (java.util.zip.ZipException e) {
            throw new DataFileException(file, "not an AeroDiff model bundle (not a zip file)", e);
        }
    }

    private static BundleManifest manifest(Path file, ZipFile zip) throws IOException {
        ZipEntry me = zip.getEntry(MANIFEST_ENTRY);
        if (me == null) {
            throw new DataFileException(file, "not an AeroDiff model bundle (manifest.json missing)");
        }
        BundleManifest m;
        try (InputStream in = zip.getInputStream(me)) {
            m = JSON.readValue(in, BundleManifest.class);
        }
        if (m.format() > FORMAT) {
            throw new DataFileException(file, "bundle format " + m.format() + " is newer than this AeroDiff reads ("
                    + FORMAT + "); written by AeroDiff " + m.aerodiffVersion());
        }
        if (m.format() < 1 || m.network() == null || m.scaling() == null || m.gridX() == null) {
            throw new DataFileException(file, "manifest.json is incomplete (format, network, scaling, grid needed)");
        }
        if (m.sampler() != null) {
            if (m.sampler().spec() == null) {
                throw new DataFileException(file, "manifest.json records a sampler without its spec");
            }
            try {
                m.sampler().sampler();
            } catch (IllegalArgumentException e) {
                throw new DataFileException(file, "manifest.json records the sampler '" + m.sampler().spec()
                        + "', which this AeroDiff cannot read: " + e.getMessage(), e);
            }
        }
        return m;
    }

    /** @return the manifest */
    public BundleManifest manifest() {
        return manifest;
    }

    /** @return the network with the bundle's weights */
    public UNet network() {
        return network;
    }

    /** @return the training simulations' moments, for a network with the nearest-reference channels */
    public Optional<NearestReference> reference() {
        return Optional.ofNullable(reference);
    }

    /** @return the grid the model was trained on */
    public Grid grid() {
        return new Grid(manifest.gridX(), manifest.gridY());
    }
}
