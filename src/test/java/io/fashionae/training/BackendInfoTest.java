package io.fashionae.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fashionae.config.Engine;
import org.junit.jupiter.api.Test;

class BackendInfoTest {

    /**
     * On Linux x86-64 the build's default CPU natives (the linux-x86_64 profile's) are the oneDNN
     * ones the native convolution layers are fast with.
     */
    @Test
    void theCpuBackendRunsTheOneDnnBuildOfLibnd4jOnLinuxX86() {
        BackendInfo info = BackendInfo.current(Engine.NATIVE);
        assumeTrue(info.backend().equals("CpuBackend"), "runs on the CPU backend only, not " + info.backend());
        assumeTrue(
                System.getProperty("os.name").equals("Linux")
                        && System.getProperty("os.arch").equals("amd64")
                        && System.getProperty("nd4j.classifier") == null,
                "the linux-x86_64 profile's natives, not overridden with -Dnd4j.classifier");
        assertThat(info.natives()).startsWith("linux-x86_64").contains("onednn");
        assertThat(info.describe()).contains("(" + info.natives() + ")");
    }
}
