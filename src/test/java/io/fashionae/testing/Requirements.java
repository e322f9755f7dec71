package io.fashionae.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.fashionae.data.idx.DataLocator;
import io.fashionae.data.idx.DataSource;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine (the real Fashion-MNIST, a browser), and what happens when
 * it is not there: on a developer's machine the test is skipped with the reason; under CI
 * ({@code CI=true}, which {@code .ci/run} sets) it fails naming what is missing, because a CI run
 * that skips its end-to-end tests would pass green without having run them.
 */
public final class Requirements {
    /** The variable CI services set, and {@code .ci/run} too. */
    public static final String CI_VARIABLE = "CI";

    private Requirements() {}

    /**
     * Skips (or, under CI, fails) the calling test unless {@code present}; {@code missing} says what
     * and how to get it.
     */
    public static void require(boolean present, String missing) {
        require(present, missing, System.getenv());
    }

    /** As {@link #require(boolean, String)}, deciding "under CI" from {@code env}. */
    public static void require(boolean present, String missing, Map<String, String> env) {
        if (present) {
            return;
        }
        if ("true".equalsIgnoreCase(env.getOrDefault(CI_VARIABLE, "").strip())) {
            fail(CI_VARIABLE + "=true and this test cannot run: " + missing);
        }
        Assumptions.abort(missing);
    }

    /**
     * The real Fashion-MNIST folder, found as the CLI finds it without downloading
     * ({@code $FASHION_MNIST_DIR}, {@code ./data/fashion-mnist}, Debian's folder); required.
     */
    public static Path fashionMnist() {
        String env = System.getenv(DataLocator.ENV_VAR);
        Path data = Stream.of(env == null ? null : Path.of(env), DataLocator.LOCAL_DIR, DataLocator.SYSTEM_DIR)
                .filter(p -> p != null && DataSource.isComplete(p))
                .findFirst()
                .orElse(null);
        require(data != null, "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
        return data;
    }
}
