package io.fashionae.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fashionae.testing.Requirements;
import io.fashionae.testing.Tags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engines share the file, end to end: a run on the native engine killed mid-epoch resumes on
 * the dl4j engine, as a user moving a checkpoint to a machine without oneDNN would, and ends with
 * the losses of a run that was never interrupted (within the engines' rounding).
 */
@Tag(Tags.SLOW)
class CrossEngineResumeCliTest {

    @Test
    void aRunKilledOnTheNativeEngineResumesOnTheDl4jEngineAndEndsAsAnUninterruptedOne(@TempDir Path tmp)
            throws Exception {
        Path data = Requirements.fashionMnist();
        Path straight = tmp.resolve("straight");
        Path broken = tmp.resolve("broken");
        assertThat(KillAndResumeTest.finish(KillAndResumeTest.start(straight, args(data, straight, "native", false))))
                .isZero();

        Process killed = KillAndResumeTest.start(broken, args(data, broken, "native", false));
        KillAndResumeTest.awaitCheckpoint(killed, broken, 6);
        killed.destroyForcibly();
        assertThat(KillAndResumeTest.finish(killed)).isEqualTo(137);

        Process resumed = KillAndResumeTest.start(broken, args(data, broken, "dl4j", true));
        assertThat(KillAndResumeTest.finish(resumed))
                .as(Files.readString(broken.resolve("err.txt")))
                .isZero();
        assertThat(Files.readString(broken.resolve("out.txt"))).contains("Engine: dl4j", "Resuming from");

        JsonNode expected = metrics(straight);
        JsonNode actual = metrics(broken);
        assertThat(actual.get("backend").get("engine").asText()).isEqualTo("dl4j");
        for (int epoch = 0; epoch < 2; epoch++) {
            for (String loss : List.of("train_loss", "val_loss")) {
                double want = expected.get("epochs").get(epoch).get(loss).asDouble();
                assertThat(actual.get("epochs").get(epoch).get(loss).asDouble())
                        .as("epoch %d %s", epoch + 1, loss)
                        .isCloseTo(want, within(1e-3 * want));
            }
        }
    }

    private static List<String> args(Path data, Path dir, String engine, boolean resume) {
        List<String> args = new ArrayList<>(KillAndResumeTest.trainArgs(data, dir));
        args.add("--engine");
        args.add(engine);
        if (resume) {
            args.add("--resume");
        }
        return args;
    }

    private static JsonNode metrics(Path dir) throws java.io.IOException {
        return new ObjectMapper()
                .readTree(dir.resolve("reports").resolve("metrics.json").toFile());
    }
}
