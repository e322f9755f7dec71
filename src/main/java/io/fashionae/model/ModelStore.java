package io.fashionae.model;

import io.fashionae.common.AtomicFiles;
import io.fashionae.common.Json;
import io.fashionae.common.Sha256;
import io.fashionae.common.UserException;
import io.fashionae.config.Engine;
import io.fashionae.config.ModelConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Saves and loads {@code autoencoder.zip}: DL4J's ModelSerializer format (configuration,
 * parameters and Adam state) plus one entry of ours, {@code fashionae-model-config.json}, so the
 * file says which architecture it holds. The configuration names DL4J's own layer classes whatever
 * engine trained the model ({@link Autoencoder#portableGraph}); loading puts the model on the
 * engine asked for.
 *
 * <p>Saving goes through a temporary file and a rename. Loading refuses a file that is not a zip,
 * lacks DL4J's entries or our config, or holds entries we never write: DL4J deserialises some
 * optional entries (normalizers, custom objects) with Java serialisation, which we never trust.
 */
public final class ModelStore {
    /** Our entry in the zip. */
    // Flat name: DL4J's reader rejects any directory entry in the zip.
    public static final String CONFIG_ENTRY = "fashionae-model-config.json";
    /** Optional entry: the training settings, as provenance for exports. */
    public static final String TRAINING_ENTRY = "fashionae-training-config.json";
    /** Optional entry: where a checkpoint's run stood (written by the training package). */
    public static final String CHECKPOINT_ENTRY = "fashionae-checkpoint.json";
    /**
     * Optional entry: the SHA-256 (hex) of {@value #COEFFICIENTS}'s bytes, checked on load, so that
     * parameters changed or damaged after saving are refused instead of silently used (the zip's
     * CRC does not help: a rewritten entry has a matching CRC). Files saved before it existed load
     * without the check.
     */
    public static final String PARAMS_SHA256_ENTRY = "fashionae-coefficients.sha256";

    private static final String COEFFICIENTS = "coefficients.bin";
    private static final Set<String> ALLOWED = Set.of(
            "configuration.json",
            COEFFICIENTS,
            "updaterState.bin",
            "noParams.marker",
            CONFIG_ENTRY,
            TRAINING_ENTRY,
            CHECKPOINT_ENTRY,
            PARAMS_SHA256_ENTRY);
    private static final Set<String> REQUIRED = Set.of("configuration.json", "coefficients.bin", CONFIG_ENTRY);

    private ModelStore() {}

    /** Writes {@code model} with its updater state to {@code target}, atomically. */
    public static void save(Autoencoder model, Path target) throws IOException {
        save(model, null, target);
    }

    /** Writes {@code model}, its updater state and the training settings (may be null) atomically. */
    public static void save(Autoencoder model, Object trainingConfig, Path target) throws IOException {
        save(model, trainingConfig, null, target);
    }

    /**
     * Writes {@code model}, its updater state, the training settings and a checkpoint's state (both
     * may be null) atomically: a reader, or a crash at any moment, sees the old file or the new one.
     */
    public static void save(Autoencoder model, Object trainingConfig, Object checkpointState, Path target)
            throws IOException {
        write(snapshot(model), trainingConfig, checkpointState, target);
    }

    /**
     * The model serialised once, to be written to several files ({@link #write}): at an epoch's end
     * the model file and the checkpoint hold the same bytes of DL4J's.
     */
    public static Snapshot snapshot(Autoencoder model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // DL4J's own layers whatever the engine that trained it: any DL4J program, and either
        // engine, restores the file (the parameter layout is the same in both kits).
        ModelSerializer.writeModel(model.portableGraph(), bytes, true);
        return new Snapshot(model.config(), bytes.toByteArray());
    }

    /**
     * A model serialised by DL4J (configuration, parameters, Adam state) with its architecture.
     *
     * @param config the architecture
     * @param dl4jZip DL4J's zip
     */
    public record Snapshot(ModelConfig config, byte[] dl4jZip) {}

    /**
     * Writes {@code snapshot} with our entries (the architecture, the parameters' SHA-256, the
     * training settings and a checkpoint's state, both may be null) to {@code target}, atomically.
     */
    public static void write(Snapshot snapshot, Object trainingConfig, Object checkpointState, Path target)
            throws IOException {
        AtomicFiles.write(target, tmp -> {
            Files.write(tmp, snapshot.dl4jZip());
            try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + tmp.toUri()), Map.of())) {
                Files.writeString(zip.getPath(CONFIG_ENTRY), Json.write(snapshot.config()), StandardCharsets.UTF_8);
                try (InputStream in = Files.newInputStream(zip.getPath(COEFFICIENTS))) {
                    Files.writeString(
                            zip.getPath(PARAMS_SHA256_ENTRY), Sha256.of(in) + "\n", StandardCharsets.US_ASCII);
                }
                if (trainingConfig != null) {
                    Files.writeString(zip.getPath(TRAINING_ENTRY), Json.write(trainingConfig), StandardCharsets.UTF_8);
                }
                if (checkpointState != null) {
                    Files.writeString(
                            zip.getPath(CHECKPOINT_ENTRY), Json.write(checkpointState), StandardCharsets.UTF_8);
                }
            }
        });
    }

    /** The training settings stored in {@code file} as JSON, or null when it has none. */
    public static String readTrainingConfigJson(Path file) {
        return read(file).trainingJson();
    }

    /**
     * Reads a model written by {@link #save} onto {@code engine}'s layers (a concrete engine).
     *
     * @throws UserException when the file is missing or is not a FashionAE model
     */
    public static Autoencoder load(Path file, boolean withUpdater, Engine engine) {
        return read(file).restore(withUpdater, engine);
    }

    /** The architecture stored in {@code file}, validated. */
    public static ModelConfig readConfig(Path file) {
        return read(file).config();
    }

    /**
     * Reads {@code file} once into memory and checks it: a zip with DL4J's entries and ours and
     * nothing else, whose parameters match the SHA-256 stored when it was saved (when it has one).
     *
     * @throws UserException when the file is missing or is not a FashionAE model
     */
    public static StoredModel read(Path file) {
        byte[] bytes = readBytes(file);
        Map<String, byte[]> entries = unzip(bytes, file);
        checkEntries(entries.keySet(), file);
        checkParameters(entries, file);
        ModelConfig config;
        try {
            config = Json.read(text(entries.get(CONFIG_ENTRY)), ModelConfig.class);
        } catch (IOException | RuntimeException e) {
            throw notAModel(
                    file,
                    "its " + CONFIG_ENTRY + " cannot be read (" + e.getClass().getSimpleName() + ")",
                    e);
        }
        Map<String, String> json = new HashMap<>();
        for (String name : List.of(TRAINING_ENTRY, CHECKPOINT_ENTRY)) {
            if (entries.containsKey(name)) {
                json.put(name, text(entries.get(name)));
            }
        }
        return new StoredModel(file, config, json, Sha256.of(bytes), bytes);
    }

    /** DL4J's graph from a file's bytes, already checked by {@link #read}. */
    static ComputationGraph restoreGraph(Path file, byte[] bytes, boolean withUpdater) {
        try {
            return ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(bytes), withUpdater);
        } catch (IOException | RuntimeException e) {
            throw notAModel(file, "DL4J cannot restore it (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static byte[] readBytes(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserException(
                    "model file " + file + " not found", "train first with 'make train', or pass --model FILE");
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserException("model file " + file + " not found", "train first with 'make train'", e);
        } catch (IOException e) {
            throw notAModel(file, "cannot read it: " + e.getMessage(), e);
        }
    }

    /** Every entry of the zip in {@code bytes}, by name; directories are refused (DL4J never writes them). */
    private static Map<String, byte[]> unzip(byte[] bytes, Path file) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.isDirectory() || !ALLOWED.contains(entry.getName())) {
                    throw notAModel(
                            file, "unexpected entry '" + entry.getName() + "' (FashionAE never writes it)", null);
                }
                entries.put(entry.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw notAModel(file, "not a zip file", e);
        }
        if (entries.isEmpty()) {
            throw notAModel(file, "not a zip file", null);
        }
        return entries;
    }

    /** Refuses a file whose parameters do not match the SHA-256 stored when it was saved (when it has one). */
    private static void checkParameters(Map<String, byte[]> entries, Path file) {
        byte[] stored = entries.get(PARAMS_SHA256_ENTRY);
        if (stored == null) {
            return;
        }
        String expected = new String(stored, StandardCharsets.US_ASCII).trim();
        String actual = Sha256.of(entries.get(COEFFICIENTS));
        if (!actual.equalsIgnoreCase(expected)) {
            throw new UserException(
                    file + ": its parameters (" + COEFFICIENTS + ") do not match the SHA-256 stored when it was "
                            + "saved (" + abbreviate(expected) + ", now " + abbreviate(actual)
                            + "): the file was changed or damaged",
                    "use an intact copy of the model, or train again");
        }
    }

    private static String abbreviate(String hex) {
        return hex.length() > 12 ? hex.substring(0, 12) + "..." : hex;
    }

    private static void checkEntries(Set<String> names, Path file) {
        for (String required : REQUIRED) {
            if (!names.contains(required)) {
                throw notAModel(file, "missing entry '" + required + "'", null);
            }
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static UserException notAModel(Path file, String why, Throwable cause) {
        return new UserException(
                file + " is not a FashionAE model: " + why,
                "pass a models/autoencoder.zip written by 'fashionae train'",
                cause);
    }
}
