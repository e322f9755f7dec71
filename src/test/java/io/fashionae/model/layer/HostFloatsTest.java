package io.fashionae.model.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link HostFloats#forEachChunk}: every element once, in chunks that start where they should. */
class HostFloatsTest {

    @ParameterizedTest(name = "{0} floats in chunks of {1}")
    @CsvSource({"1, 4096", "4096, 4096", "10000, 4096", "1000000, 4096", "2000000, 8192", "777, 16"})
    void everyElementIsVisitedExactlyOnce(int n, int chunk) {
        AtomicIntegerArray visits = new AtomicIntegerArray(n);
        HostFloats.forEachChunk(n, chunk, (start, length, first, second) -> {
            assertThat(start % chunk).isZero();
            assertThat(length).isEqualTo(Math.min(chunk, n - start));
            assertThat(first).hasSize(chunk);
            assertThat(second).hasSize(chunk);
            for (int i = start; i < start + length; i++) {
                visits.incrementAndGet(i);
            }
        });
        for (int i = 0; i < n; i++) {
            assertThat(visits.get(i)).as("visits of %d", i).isEqualTo(1);
        }
    }
}
