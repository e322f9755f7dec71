package io.fashionae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fashionae.common.BuildInfo;
import org.junit.jupiter.api.Test;

class CliCommandsTest {

    @Test
    void helpListsTheSubcommands() {
        CliRunner r = CliRunner.run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("train", "summary", "data");
    }

    @Test
    void versionIsThePomsVersion() {
        CliRunner r = CliRunner.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).isEqualTo("fashionae " + BuildInfo.current().version());
    }

    @Test
    void trainHelpShowsTheSeedDefaults() {
        CliRunner r = CliRunner.run("train", "--help");
        assertThat(r.out()).contains("default: 3)", "default: 64)", "default: 5.0E-4)", "default: 32,64,128)");
    }

    @Test
    void summaryPrintsTheLayerTableAndTheSeedsParameterCount() {
        CliRunner r = CliRunner.run("summary");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .contains(
                        "encoder1_conv",
                        "[-1,32,16,16]",
                        "decoder3_crop",
                        "[-1,32,32,32]",
                        "Trainable params: 343,619",
                        "GELU erf",
                        "padding torch",
                        "Activation(GELU_ERF)");
    }

    @Test
    void summaryShowsDl4jsSamePaddingWhenAskedForWithoutTheCropLayers() {
        CliRunner r = CliRunner.run("summary", "--padding", "same");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .contains("padding same", "Trainable params: 343,619")
                .doesNotContain("_crop");
    }

    @Test
    void summaryShowsDl4jsSigmoidGeluWhenAskedFor() {
        CliRunner r = CliRunner.run("summary", "--gelu", "sigmoid");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("GELU sigmoid", "Activation(GELU)").doesNotContain("GELU_ERF");
    }

    @Test
    void summaryFollowsTheArchitectureOptions() {
        CliRunner r = CliRunner.run(
                "summary",
                "--layers",
                "2",
                "--kernels",
                "3,3",
                "--channels",
                "16,32",
                "--strides",
                "2,2",
                "--latent-dim",
                "8",
                "--no-batch-norm");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("[-1,32,8,8]", "[-1,8]", "batch norm off").doesNotContain("encoder1_bn");
    }
}
