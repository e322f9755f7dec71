package io.fashionae.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class BuildInfoTest {

    @Test
    void theVersionComesFromThePomThroughTheFilteredResource() {
        BuildInfo build = BuildInfo.current();
        assertThat(build.version()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(build.dl4jVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(build.onnxRuntimeVersion()).matches("\\d+\\.\\d+\\.\\d+");
        build.gitCommit().ifPresent(commit -> assertThat(commit).matches("[0-9a-f]{40}"));
    }

    @Test
    void aValueMavenCouldNotFillInIsUnknownNotAFailure() {
        Properties built = new Properties();
        built.setProperty("version", "1.2.3");
        built.setProperty("git.commit", "${git.commit.id}");
        BuildInfo info = BuildInfo.from(built);
        assertThat(info.version()).isEqualTo("1.2.3");
        assertThat(info.gitCommit()).isEmpty();
        assertThat(info.dl4jVersion()).isEqualTo("unknown");
    }

    @Test
    void aBuildFromAGitRepositoryRecordsItsCommit() {
        Properties built = new Properties();
        built.setProperty("git.commit", "354b7824373f8238a962e8714027e60f4768c387");
        assertThat(BuildInfo.from(built).gitCommit()).contains("354b7824373f8238a962e8714027e60f4768c387");
    }
}
