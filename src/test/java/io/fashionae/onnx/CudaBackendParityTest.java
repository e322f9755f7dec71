package io.fashionae.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fashionae.config.Engine;
import io.fashionae.training.BackendInfo;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ND4J CUDA against ND4J CPU: under {@code mvn -Pcuda test} on a machine with a GPU, the golden
 * model must give the outputs the CPU backend stored, on both engines (DL4J's layers first).
 * Everywhere else it is reported as skipped, with the reason.
 *
 * <p>Tolerance 1e-4 relative: cuDNN picks its own convolution algorithms (other summation
 * orders, possibly TF32-free but reassociated), so bit equality is not expected.
 */
class CudaBackendParityTest {

    @Test
    void cudaGivesTheCpuBackendsStoredOutputs(@TempDir java.nio.file.Path dir) throws Exception {
        BackendInfo backend = BackendInfo.current(Engine.NATIVE);
        assumeTrue(
                backend.backend().contains("Cublas"),
                "ND4J runs on " + backend.backend()
                        + ", not CUDA: run 'mvn -Pcuda test' on a machine with an NVIDIA GPU and CUDA 11.6"
                        + (backend.fallback().isEmpty() ? "" : " (" + backend.fallback() + ")"));
        GoldenRegressionTest.load(dir);
        var e = GoldenRegressionTest.expected;
        double tolEnc = 1e-4 * (1 + GoldenRegressionTest.maxAbs(e.encoded()));
        double tolDec = 1e-4 * (1 + GoldenRegressionTest.maxAbs(e.decoded()));
        // DL4J's own layers first (they reach cuDNN through DL4J's helpers; what auto picks on CUDA),
        // then the native ones, whose libnd4j ops may not all exist on CUDA: a failure there names it.
        for (Engine engine : List.of(Engine.DL4J, Engine.NATIVE)) {
            var m = GoldenRegressionTest.model.onEngine(engine);
            assertThat(GoldenRegressionTest.maxDiff(
                            GoldenModel.flat(m.encode(GoldenRegressionTest.images())), e.encoded()))
                    .as("%s engine, encoder", engine)
                    .isLessThan(tolEnc);
            assertThat(GoldenRegressionTest.maxDiff(
                            GoldenModel.flat(m.decode(GoldenRegressionTest.latents())), e.decoded()))
                    .as("%s engine, decoder", engine)
                    .isLessThan(tolDec);
        }
    }
}
