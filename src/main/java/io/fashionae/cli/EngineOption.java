package io.fashionae.cli;

import io.fashionae.config.Engine;
import io.fashionae.model.EngineChoice;
import picocli.CommandLine.Option;

/** {@code --engine}, shared by every command that builds or loads a DL4J model. */
final class EngineOption {
    @Option(
            names = "--engine",
            paramLabel = "ENGINE",
            defaultValue = "auto",
            description = "Layers that compute the network: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); "
                    + "native is the project's layers on libnd4j's oneDNN ops (fast, Linux x86-64), dl4j is "
                    + "DL4J's own layers (every platform, CUDA); auto picks native where libnd4j's oneDNN "
                    + "build loaded, dl4j otherwise. Model files are the same with either.")
    Engine engine;

    /** The engine resolved on this process's backend, with the reason. */
    EngineChoice resolve() {
        return EngineChoice.resolve(engine);
    }
}
