package io.fashionae.model;

import io.fashionae.config.Engine;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The engine a command runs, resolved from what was asked for, and why: {@code --engine auto}
 * becomes {@link Engine#NATIVE} or {@link Engine#DL4J} from the backend and the libnd4j build that
 * loaded.
 *
 * @param engine the kit that builds the network: never {@link Engine#AUTO}
 * @param reason one clause for the console and the run's records, e.g. "auto: libnd4j's oneDNN build
 *               (linux-x86_64-onednn-avx2) on the CPU"
 */
public record EngineChoice(Engine engine, String reason) {

    /** Validates that the choice is concrete. */
    public EngineChoice {
        if (engine == Engine.AUTO) {
            throw new IllegalArgumentException("an engine choice must be concrete, not auto");
        }
    }

    /** Resolves {@code requested} on this process's ND4J backend (loading it if needed). */
    public static EngineChoice resolve(Engine requested) {
        return resolve(requested, Nd4j.getEnvironment().isCPU(), NativeBuild.classifier());
    }

    /**
     * The rule itself: the native kit is fast where libnd4j runs oneDNN's kernels, which only its
     * {@code -onednn} CPU builds have; elsewhere its ops fall back to libnd4j's reference loops
     * (about 7x slower convolutions), and on CUDA DL4J's layers reach cuDNN through their own helpers.
     */
    static EngineChoice resolve(Engine requested, boolean cpu, String classifier) {
        if (requested != Engine.AUTO) {
            return new EngineChoice(requested, "asked for with --engine; " + describe(cpu, classifier));
        }
        if (cpu && NativeBuild.hasOneDnn(classifier)) {
            return new EngineChoice(Engine.NATIVE, "auto: libnd4j's oneDNN build (" + classifier + ") on the CPU");
        }
        String why = cpu
                ? "libnd4j build " + classifier + " has no oneDNN"
                : "the CUDA backend (DL4J's layers use cuDNN there)";
        return new EngineChoice(Engine.DL4J, "auto: " + why);
    }

    private static String describe(boolean cpu, String classifier) {
        return cpu ? "libnd4j " + classifier + " on the CPU" : "CUDA backend";
    }

    /** One line for the console: {@code Engine: native (auto: libnd4j's oneDNN build ...)}. */
    public String describe() {
        return "Engine: " + engine.label() + " (" + reason + ")";
    }
}
