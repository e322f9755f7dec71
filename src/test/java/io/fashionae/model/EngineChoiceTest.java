package io.fashionae.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fashionae.config.Engine;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EngineChoiceTest {

    @Test
    void autoPicksTheNativeKitOnLibnd4jsOneDnnBuild() {
        EngineChoice choice = EngineChoice.resolve(Engine.AUTO, true, "linux-x86_64-onednn-avx2");
        assertThat(choice.engine()).isEqualTo(Engine.NATIVE);
        assertThat(choice.describe())
                .isEqualTo("Engine: native (auto: libnd4j's oneDNN build (linux-x86_64-onednn-avx2) on the CPU)");
    }

    @Test
    void autoPicksDl4jsLayersOnEveryOtherBuild() {
        for (String build : new String[] {"linux-x86_64", "macosx-arm64", "windows-x86_64", "linux-arm64", "unknown"}) {
            EngineChoice choice = EngineChoice.resolve(Engine.AUTO, true, build);
            assertThat(choice.engine()).as(build).isEqualTo(Engine.DL4J);
            assertThat(choice.reason()).isEqualTo("auto: libnd4j build " + build + " has no oneDNN");
        }
    }

    @Test
    void autoPicksDl4jsLayersOnCuda() {
        EngineChoice choice = EngineChoice.resolve(Engine.AUTO, false, "linux-x86_64-cudnn");
        assertThat(choice.engine()).isEqualTo(Engine.DL4J);
        assertThat(choice.reason()).contains("CUDA");
    }

    @Test
    void anEngineAskedForIsTheOneRunWithTheReasonSaid() {
        EngineChoice choice = EngineChoice.resolve(Engine.NATIVE, true, "linux-x86_64");
        assertThat(choice.engine()).isEqualTo(Engine.NATIVE);
        assertThat(choice.reason()).isEqualTo("asked for with --engine; libnd4j linux-x86_64 on the CPU");
    }

    @Test
    void aChoiceIsNeverAuto() {
        assertThatThrownBy(() -> new EngineChoice(Engine.AUTO, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theClassifierIsReadFromTheFolderJavaCppUnpackedLibnd4jInto() {
        assertThat(NativeBuild.classifierOf(Arrays.asList(
                        null,
                        "/root/.javacpp/cache/openblas.jar/org/bytedeco/openblas/linux-x86_64/libopenblas.so",
                        "/root/.javacpp/cache/nd4j-native-1.0.0-M2.1-linux-x86_64-onednn-avx2.jar/org/nd4j/"
                                + "linalg/cpu/nativecpu/bindings/linux-x86_64-onednn-avx2/libnd4jcpu.so")))
                .isEqualTo("linux-x86_64-onednn-avx2");
        assertThat(NativeBuild.classifierOf(java.util.List.of("/usr/lib/libc.so")))
                .isEqualTo("unknown");
    }
}
