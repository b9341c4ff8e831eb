package dev.aerodiff.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aerodiff.data.FieldScaling;
import dev.aerodiff.io.AtomicFile;
import dev.aerodiff.io.DataFileException;
import dev.aerodiff.nn.UNet;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;

/**
 * A resumable snapshot of a training run in one zip, written atomically: {@code trainer.json}
 * (format version, step, hyper-parameters, field scaling, resolution, the loss record),
 * {@code model.sdz} (the
 * SameDiff graph with its weights), {@code optimizer/adam} (Adam's moments of all weights, as
 * {@link FlatAdamW} keeps them) and {@code ema/NAME} (the averaged weights). Format 1, written when
 * SameDiff ran the optimizer, kept Adam's state inside {@code model.sdz}; it is read from there.
 */
public final class TrainingCheckpoint {
    /** Format version written into {@code trainer.json}. */
    public static final int FORMAT = 2;
    private static final String ADAM = "optimizer/adam";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrainingCheckpoint() {
    }

    /**
     * Record written as trainer.json; {@code loss} is absent (null) in checkpoints written before it
     * was kept, {@code startingPoint} in those of runs that started from random weights.
     */
    record State(int format, int step, int resolution, TrainerConfig config, FieldScaling scaling,
                 LossHistory.Saved loss, @JsonInclude(JsonInclude.Include.NON_NULL) StartingPoint startingPoint) {
    }

    /**
     * @param trainer the run
     * @param file    the checkpoint zip; replaced only when complete
     */
    public static void save(DiffusionTrainer trainer, Path file) {
        AtomicFile.write(file, tmp -> {
            Path graph = Files.createTempFile(tmp.getParent(), ".graph", ".sdz");
            try {
                UNet net = trainer.network();
                net.graph().save(graph.toFile(), true);
                try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
                    zip.putNextEntry(new ZipEntry("trainer.json"));
                    zip.write(JSON.writeValueAsBytes(new State(FORMAT, trainer.completedSteps(),
                            net.resolution(), trainer.config(), trainer.scaling(), trainer.lossHistory().saved(),
                            trainer.startingPoint())));
                    zip.putNextEntry(new ZipEntry("model.sdz"));
                    Files.copy(graph, zip);
                    zip.putNextEntry(new ZipEntry(ADAM));
                    Nd4j.write(trainer.optimizerState(), new DataOutputStream(zip));
                    for (Map.Entry<String, INDArray> e : trainer.emaWeights().entrySet()) {
                        zip.putNextEntry(new ZipEntry("ema/" + e.getKey()));
                        Nd4j.write(e.getValue(), new DataOutputStream(zip));
                    }
                }
            } finally {
                Files.deleteIfExists(graph);
            }
        });
    }

    /**
     * @param file a checkpoint written by {@link #save}
     * @return the trainer, ready to continue at the saved step
     * @throws DataFileException if the file is not a checkpoint of a known format
     */
    public static DiffusionTrainer load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataFileException(file, "no such checkpoint");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry stateEntry = zip.getEntry("trainer.json");
            if (stateEntry == null || zip.getEntry("model.sdz") == null) {
                throw new DataFileException(file, "not a training checkpoint (trainer.json or model.sdz missing)");
            }
            State state;
            try (InputStream in = zip.getInputStream(stateEntry)) {
                state = JSON.readValue(in, State.class);
            }
            if (state.format() > FORMAT) {
                throw new DataFileException(file, "checkpoint format " + state.format() + " is newer than this version"
                        + " supports (" + FORMAT + ")");
            }
            Path graph = Files.createTempFile("aerodiff-checkpoint", ".sdz");
            SameDiff sd;
            try {
                try (InputStream in = zip.getInputStream(zip.getEntry("model.sdz"))) {
                    Files.copy(in, graph, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                sd = SameDiff.load(graph.toFile(), true);
            } finally {
                Files.deleteIfExists(graph);
            }
            UNet net = UNet.wrap(sd, state.config().network(), state.resolution());
            Map<String, INDArray> ema = new LinkedHashMap<>();
            for (SDVariable v : net.weights()) {
                ZipEntry e = zip.getEntry("ema/" + v.name());
                if (e == null) {
                    throw new DataFileException(file, "averaged weights of " + v.name() + " missing");
                }
                try (InputStream in = zip.getInputStream(e)) {
                    ema.put(v.name(), Nd4j.read(new DataInputStream(in)));
                }
            }
            LossHistory losses;
            try {
                losses = state.loss() == null ? new LossHistory(LossHistory.DEFAULT_EVERY, state.step())
                        : new LossHistory(state.loss());
            } catch (IllegalArgumentException e) {
                throw new DataFileException(file, "trainer.json: " + e.getMessage(), e);
            }
            return new DiffusionTrainer(state.config(), state.scaling(), net, ema, optimizerState(zip, file, net),
                    state.step(), losses, state.startingPoint());
        } catch (IOException e) {
            throw new DataFileException(file, "cannot read checkpoint: " + e.getMessage(), e);
        }
    }

    private static INDArray optimizerState(ZipFile zip, Path file, UNet net) throws IOException {
        ZipEntry entry = zip.getEntry(ADAM);
        if (entry != null) {
            try (InputStream in = zip.getInputStream(entry)) {
                return Nd4j.read(new DataInputStream(in));
            }
        }
        Map<String, GradientUpdater> updaters = net.graph().getUpdaterMap();
        if (updaters == null) {
            throw new DataFileException(file, "holds no optimizer state (" + ADAM + " missing, none in model.sdz)");
        }
        Map<String, Map<String, INDArray>> moments = new LinkedHashMap<>();
        List<String> names = net.weights().stream().map(SDVariable::name).toList();
        for (String name : names) {
            GradientUpdater<?> u = updaters.get(name);
            if (u == null || u.getState() == null || !u.getState().containsKey("M")) {
                throw new DataFileException(file, "no Adam state for weight " + name + " in model.sdz");
            }
            moments.put(name, u.getState());
        }
        return FlatAdamW.stateOf(moments, names);
    }
}
