package io.fashionae.training;

import io.fashionae.common.ProcessMemory;
import io.fashionae.inference.NativeMemory;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a run's resident memory within a budget, acting only between steps.
 *
 * <p>Why it exists: a DL4J M2.1 training step leaves about 700 small native buffers (views, shape
 * information, op arguments; ~6 MB) that ND4J frees only after the GC has collected their Java
 * objects, and the Java heap grows so little that no collection comes by itself. A GC at an
 * arbitrary moment is not safe either: one that runs while a native op is executing can collect
 * an op's argument whose buffer the op is still reading (ND4J's deallocator thread then frees it
 * under the op: we saw a SIGSEGV in {@code sd::DataBuffer::primary()} during a broadcast, with a
 * small heap that made collections frequent). So the collection is asked for here, between two
 * steps, where no ND4J op is in flight, and only when the resident set has grown by
 * {@link #HEADROOM_BYTES} over what it was after the first step (or after the last collection):
 * memory decides, not a step count. The freed pages are then handed back to the operating system
 * ({@link NativeMemory#releaseFreed()}).
 */
final class MemoryGuard {
    /** Growth allowed before a collection: ~40 steps of DL4J's per-step buffers. */
    static final long HEADROOM_BYTES = 256L << 20;

    private static final Logger LOG = LoggerFactory.getLogger(MemoryGuard.class);

    private final LongSupplier residentBytes;
    private final Runnable collect;
    private final Runnable releaseFreed;

    /** Resident bytes that trigger a collection; negative until the first step. */
    private long budget = -1;
    /** The budget never falls below this: the first step's level plus the headroom. */
    private long floor;

    private boolean collectedLastStep;
    private int collections;

    /** The process's resident set, the JVM's collector and glibc's trim. */
    MemoryGuard() {
        this(ProcessMemory::rssBytes, System::gc, NativeMemory::releaseFreed);
    }

    /**
     * @param residentBytes the resident set now (0 where unknown)
     * @param collect       asks for a collection
     * @param releaseFreed  hands freed native pages back to the operating system
     */
    MemoryGuard(LongSupplier residentBytes, Runnable collect, Runnable releaseFreed) {
        this.residentBytes = residentBytes;
        this.collect = collect;
        this.releaseFreed = releaseFreed;
    }

    /** Called between two steps (never inside one). */
    void afterStep() {
        long rss = residentBytes.getAsLong();
        if (rss <= 0) {
            return; // no /proc here: nothing to measure against
        }
        if (budget < 0) {
            floor = rss + HEADROOM_BYTES;
            budget = floor;
        } else if (collectedLastStep) {
            // ND4J's deallocator has had a step's time to free what the collection found.
            releaseFreed.run();
            budget = Math.max(floor, residentBytes.getAsLong() + HEADROOM_BYTES);
            collectedLastStep = false;
        } else if (rss > budget) {
            collect.run();
            collections++;
            collectedLastStep = true;
            LOG.debug("Collection {} at {} MB resident", collections, rss >> 20);
        }
    }

    /** Collections asked for so far. */
    int collections() {
        return collections;
    }
}
