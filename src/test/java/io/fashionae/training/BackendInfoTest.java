package io.fashionae.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fashionae.config.Engine;
import org.junit.jupiter.api.Test;

class BackendInfoTest {

    /** The build's default CPU natives are the oneDNN ones the native convolution layers are fast with. */
    @Test
    void theCpuBackendRunsTheOneDnnBuildOfLibnd4j() {
        BackendInfo info = BackendInfo.current(Engine.NATIVE);
        assumeTrue(info.backend().equals("CpuBackend"), "runs on the CPU backend only, not " + info.backend());
        assertThat(info.natives()).startsWith("linux-x86_64").contains("onednn");
        assertThat(info.describe()).contains("(" + info.natives() + ")");
    }
}
