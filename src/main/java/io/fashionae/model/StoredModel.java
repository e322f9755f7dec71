package io.fashionae.model;

import io.fashionae.config.Engine;
import io.fashionae.config.ModelConfig;
import java.nio.file.Path;
import java.util.Map;

/**
 * A model file read once into memory by {@link ModelStore#read} and checked: its architecture, its
 * JSON entries, the SHA-256 of the whole file (provenance for exports) and its bytes, from which
 * DL4J's graph is restored without opening the file again.
 */
public final class StoredModel {
    private final Path file;
    private final ModelConfig config;
    private final Map<String, String> jsonEntries;
    private final String sha256;
    private final byte[] bytes;

    StoredModel(Path file, ModelConfig config, Map<String, String> jsonEntries, String sha256, byte[] bytes) {
        this.file = file;
        this.config = config;
        this.jsonEntries = Map.copyOf(jsonEntries);
        this.sha256 = sha256;
        this.bytes = bytes;
    }

    /** Where it was read from. */
    public Path file() {
        return file;
    }

    /** The architecture it holds. */
    public ModelConfig config() {
        return config;
    }

    /** The training settings it was saved with, as JSON, or null when it has none. */
    public String trainingJson() {
        return jsonEntries.get(ModelStore.TRAINING_ENTRY);
    }

    /** The state of the run a checkpoint was written at, as JSON, or null for a plain model file. */
    public String checkpointJson() {
        return jsonEntries.get(ModelStore.CHECKPOINT_ENTRY);
    }

    /** The SHA-256 of the whole file, as read. */
    public String sha256() {
        return sha256;
    }

    /**
     * The model, restored by DL4J from the bytes read, on {@code engine}'s layers whichever the file
     * names.
     *
     * @param withUpdater also restore the Adam state (to continue training)
     * @param engine      the kit to run it on (a concrete engine, not auto)
     * @throws io.fashionae.common.UserException when DL4J cannot restore it
     */
    public Autoencoder restore(boolean withUpdater, Engine engine) {
        return Autoencoder.wrap(config, ModelStore.restoreGraph(file, bytes, withUpdater))
                .onEngine(engine);
    }
}
