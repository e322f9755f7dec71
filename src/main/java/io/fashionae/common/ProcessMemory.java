package io.fashionae.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's memory as the operating system sees it. ND4J keeps its arrays off the Java heap,
 * so the heap alone says little: the resident set (from {@code /proc/self/status}, Linux) counts
 * both.
 */
public final class ProcessMemory {
    private ProcessMemory() {}

    /** Resident set size now (VmRSS), in bytes; 0 where unknown. */
    public static long rssBytes() {
        return statusField("VmRSS:");
    }

    /** Peak resident set size so far (VmHWM), in bytes; 0 where unknown. */
    public static long peakRssBytes() {
        return statusField("VmHWM:");
    }

    /** Java heap in use now, in bytes. */
    public static long heapUsedBytes() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static long statusField(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
