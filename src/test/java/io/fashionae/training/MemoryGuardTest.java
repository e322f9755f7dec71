package io.fashionae.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryGuardTest {
    private static final long MB = 1L << 20;

    /** Replays resident sizes, one per reading, and records what the guard asked for. */
    private static final class Scripted {
        final long[] rss;
        int next;
        final List<String> calls = new ArrayList<>();

        Scripted(long... rssMb) {
            rss = rssMb;
        }

        MemoryGuard guard() {
            return new MemoryGuard(
                    () -> rss[Math.min(next++, rss.length - 1)] * MB,
                    () -> calls.add("gc@" + next),
                    () -> calls.add("trim@" + next));
        }
    }

    @Test
    void collectsOnlyOnceMemoryHasGrownByTheHeadroomThenTrimsOnTheNextStep() {
        // Readings: first step 600 MB, budget 856. 700 and 850 ask nothing; 900 asks for a
        // collection; the next step trims and sets the budget from what is resident after the
        // trim (700 + 256 = 956); 940 asks nothing, 957 asks again.
        Scripted s = new Scripted(600, 700, 850, 900, 720, 700, 940, 957);
        MemoryGuard guard = s.guard();
        for (int step = 0; step < 6; step++) {
            guard.afterStep();
        }
        assertThat(s.calls).containsExactly("gc@4", "trim@5");
        assertThat(guard.collections()).isEqualTo(1);
        guard.afterStep();
        assertThat(guard.collections()).isEqualTo(2);
    }

    @Test
    void theBudgetNeverFallsBelowTheFirstStepsLevelPlusTheHeadroom() {
        // After a collection memory is lower than at the start: the budget stays at 600 + 256.
        Scripted s = new Scripted(600, 900, 300, 300, 850, 857);
        MemoryGuard guard = s.guard();
        for (int step = 0; step < 4; step++) {
            guard.afterStep();
        }
        assertThat(guard.collections()).isEqualTo(1);
        guard.afterStep(); // 857 > 856
        assertThat(guard.collections()).isEqualTo(2);
    }

    @Test
    void withoutAResidentSizeItNeverCollects() {
        Scripted s = new Scripted(0);
        MemoryGuard guard = s.guard();
        for (int step = 0; step < 100; step++) {
            guard.afterStep();
        }
        assertThat(s.calls).isEmpty();
    }
}
