package io.fashionae.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * What this build is: the project's version and the DL4J/ND4J and ONNX Runtime versions as the
 * pom declares them, and the git commit it was built from when there was one. Maven writes them
 * into {@code io/fashionae/version.properties} at build time (resource filtering), so the pom
 * stays the only place a version is written; they are read once, on first use.
 *
 * @param version            the project's version ({@code project.version})
 * @param dl4jVersion        Deeplearning4j's and ND4J's version (one release train)
 * @param onnxRuntimeVersion ONNX Runtime's version
 * @param gitCommit          the full commit id, empty when the build had no git repository
 */
public record BuildInfo(String version, String dl4jVersion, String onnxRuntimeVersion, Optional<String> gitCommit) {
    static final String RESOURCE = "/io/fashionae/version.properties";

    /** The build these classes come from. */
    public static BuildInfo current() {
        return Holder.CURRENT;
    }

    /**
     * Reads the filtered properties; a value Maven could not fill in (still {@code ${...}}) is
     * unknown: "unknown" for a version, empty for the commit.
     */
    static BuildInfo from(Properties p) {
        return new BuildInfo(
                known(p, "version").orElse("unknown"),
                known(p, "dl4j.version").orElse("unknown"),
                known(p, "onnxruntime.version").orElse("unknown"),
                known(p, "git.commit"));
    }

    private static Optional<String> known(Properties p, String key) {
        String value = p.getProperty(key, "").trim();
        return value.isEmpty() || value.startsWith("${") ? Optional.empty() : Optional.of(value);
    }

    private static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return from(p);
    }

    /** Lazy holder: the file is read the first time anyone asks, once. */
    private static final class Holder {
        static final BuildInfo CURRENT = load();
    }
}
