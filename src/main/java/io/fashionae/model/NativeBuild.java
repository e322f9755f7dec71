package io.fashionae.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.factory.Nd4j;

/** Which build of libnd4j this process runs: its classifier, as Maven names it. */
public final class NativeBuild {
    /** JavaCPP unpacks each native build of ND4J into a folder named after its classifier. */
    private static final Pattern NATIVE_BUILD = Pattern.compile("/bindings/([A-Za-z0-9_-]+)/[^/]*nd4j[^/]*$");

    private NativeBuild() {}

    /**
     * The classifier of the libnd4j library JavaCPP loaded, e.g. {@code linux-x86_64-onednn-avx2},
     * loading ND4J's backend first if needed; {@code unknown} when no loaded library says.
     */
    public static String classifier() {
        Nd4j.getBackend();
        return classifierOf(Loader.getLoadedLibraries().values());
    }

    /** The classifier named by the first of {@code libraryPaths} that is a libnd4j build, or {@code unknown}. */
    static String classifierOf(Iterable<String> libraryPaths) {
        for (String path : libraryPaths) {
            Matcher m = NATIVE_BUILD.matcher(path == null ? "" : path);
            if (m.find()) {
                return m.group(1);
            }
        }
        return "unknown";
    }

    /** Whether a classifier names a libnd4j build with oneDNN inside ({@code -onednn}, {@code -onednn-avx2}, ...). */
    public static boolean hasOneDnn(String classifier) {
        return classifier.contains("onednn");
    }
}
