package io.fashionae.model;

import io.fashionae.common.AtomicFiles;
import io.fashionae.common.Json;
import io.fashionae.common.UserException;
import io.fashionae.config.ModelConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Saves and loads {@code autoencoder.zip}: DL4J's ModelSerializer format (configuration,
 * parameters and Adam state) plus one entry of ours, {@code fashionae-model-config.json}, so the
 * file says which architecture it holds.
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
            "configuration.json", COEFFICIENTS, "updaterState.bin", "noParams.marker", CONFIG_ENTRY, TRAINING_ENTRY,
            CHECKPOINT_ENTRY, PARAMS_SHA256_ENTRY);
    private static final Set<String> REQUIRED = Set.of("configuration.json", "coefficients.bin", CONFIG_ENTRY);

    private ModelStore() {
    }

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
    public static void save(Autoencoder model, Object trainingConfig, Object checkpointState, Path target) throws IOException {
        AtomicFiles.write(target, tmp -> {
            ModelSerializer.writeModel(model.graph(), tmp.toFile(), true);
            try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + tmp.toUri()), Map.of())) {
                Files.writeString(zip.getPath(CONFIG_ENTRY), Json.write(model.config()), StandardCharsets.UTF_8);
                try (InputStream in = Files.newInputStream(zip.getPath(COEFFICIENTS))) {
                    Files.writeString(zip.getPath(PARAMS_SHA256_ENTRY), sha256(in) + "\n", StandardCharsets.US_ASCII);
                }
                if (trainingConfig != null) {
                    Files.writeString(zip.getPath(TRAINING_ENTRY), Json.write(trainingConfig), StandardCharsets.UTF_8);
                }
                if (checkpointState != null) {
                    Files.writeString(zip.getPath(CHECKPOINT_ENTRY), Json.write(checkpointState), StandardCharsets.UTF_8);
                }
            }
        });
    }

    /** The training settings stored in {@code file} as JSON, or null when it has none. */
    public static String readTrainingConfigJson(Path file) {
        return readEntry(file, TRAINING_ENTRY);
    }

    /** One of our JSON entries of {@code file} ({@link #TRAINING_ENTRY}, {@link #CHECKPOINT_ENTRY}), or null when absent. */
    public static String readEntry(Path file, String name) {
        return readEntries(file, name).get(name);
    }

    /** Several of our JSON entries of {@code file}, read in one pass; absent entries are left out of the map. */
    public static Map<String, String> readEntries(Path file, String... names) {
        Map<String, String> found = new java.util.HashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (String name : names) {
                ZipEntry entry = zip.getEntry(name);
                if (entry != null) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        found.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
            return found;
        } catch (IOException e) {
            throw notAModel(file, "cannot read it: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a model written by {@link #save}.
     *
     * @throws UserException when the file is missing or is not a FashionAE model
     */
    public static Autoencoder load(Path file, boolean withUpdater) {
        ModelConfig config = readConfig(file);
        try {
            ComputationGraph graph = ModelSerializer.restoreComputationGraph(file.toFile(), withUpdater);
            return Autoencoder.wrap(config, graph);
        } catch (IOException | RuntimeException e) {
            throw notAModel(file, "DL4J cannot restore it (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** The architecture stored in {@code file}, validated. */
    public static ModelConfig readConfig(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserException("model file " + file + " not found", "train first with 'make train', or pass --model FILE");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            checkEntries(zip, file);
            checkParameters(zip, file);
            ZipEntry entry = zip.getEntry(CONFIG_ENTRY);
            try (InputStream in = zip.getInputStream(entry)) {
                return Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), ModelConfig.class);
            }
        } catch (NoSuchFileException e) {
            throw new UserException("model file " + file + " not found", "train first with 'make train'", e);
        } catch (ZipException e) {
            throw notAModel(file, "not a zip file", e);
        } catch (IOException e) {
            throw notAModel(file, "cannot read it: " + e.getMessage(), e);
        }
    }

    /** Refuses a file whose parameters do not match the SHA-256 stored when it was saved (when it has one). */
    private static void checkParameters(ZipFile zip, Path file) throws IOException {
        ZipEntry stored = zip.getEntry(PARAMS_SHA256_ENTRY);
        if (stored == null) {
            return;
        }
        String expected;
        try (InputStream in = zip.getInputStream(stored)) {
            expected = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
        }
        String actual;
        try (InputStream in = zip.getInputStream(zip.getEntry(COEFFICIENTS))) {
            actual = sha256(in);
        }
        if (!actual.equalsIgnoreCase(expected)) {
            throw new UserException(file + ": its parameters (" + COEFFICIENTS + ") do not match the SHA-256 stored when it was "
                    + "saved (" + abbreviate(expected) + ", now " + abbreviate(actual) + "): the file was changed or damaged",
                    "use an intact copy of the model, or train again");
        }
    }

    private static String abbreviate(String hex) {
        return hex.length() > 12 ? hex.substring(0, 12) + "..." : hex;
    }

    private static String sha256(InputStream in) throws IOException {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static void checkEntries(ZipFile zip, Path file) {
        Set<String> seen = new java.util.HashSet<>();
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            if (entry.isDirectory()) {
                continue;
            }
            if (!ALLOWED.contains(entry.getName())) {
                throw notAModel(file, "unexpected entry '" + entry.getName() + "' (FashionAE never writes it)", null);
            }
            seen.add(entry.getName());
        }
        for (String required : REQUIRED) {
            if (!seen.contains(required)) {
                throw notAModel(file, "missing entry '" + required + "'", null);
            }
        }
    }

    private static UserException notAModel(Path file, String why, Throwable cause) {
        return new UserException(file + " is not a FashionAE model: " + why,
                "pass a models/autoencoder.zip written by 'fashionae train'", cause);
    }
}
