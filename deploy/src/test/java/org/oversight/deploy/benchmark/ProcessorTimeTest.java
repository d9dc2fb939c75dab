package org.oversight.deploy.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessorTimeTest {

    @Test
    void threadsAreSortedByWhatTheyDoFromTheirKernelNames() {
        assertThat(ProcessorTime.kindOf("http-nio-54381-")).isEqualTo(ProcessorTime.REQUESTS);
        assertThat(ProcessorTime.kindOf("WorkPackage[pro")).isEqualTo(ProcessorTime.PROJECTIONS);
        assertThat(ProcessorTime.kindOf("Coordinator[pro")).isEqualTo(ProcessorTime.PROJECTIONS);
        assertThat(ProcessorTime.kindOf("C2 CompilerThre")).isEqualTo(ProcessorTime.COMPILER);
        assertThat(ProcessorTime.kindOf("GC Thread#1")).isEqualTo(ProcessorTime.GARBAGE_COLLECTOR);
        assertThat(ProcessorTime.kindOf("G1 Conc#0")).isEqualTo(ProcessorTime.GARBAGE_COLLECTOR);
        assertThat(ProcessorTime.kindOf("scheduling-1")).isEqualTo(ProcessorTime.OTHER);
    }

    @Test
    void userAndSystemTicksAreReadAfterTheNameEvenWhenTheNameHasSpacesAndParentheses() {
        String stat = "4242 (C2 (Compiler) x) S 1 4242 4242 0 -1 4194560 10 0 0 0 250 31 0 0 20 0 1 0 100 0 0";

        assertThat(ProcessorTime.ticksOf(stat)).isEqualTo(281);
    }

    @Test
    void aSnapshotOfThisProcessCountsItsOwnThreadsAndTheDifferenceIsPerOperation() {
        long pid = ProcessHandle.current().pid();
        Map<String, Long> before = ProcessorTime.read(pid, Path.of("/nonexistent"));
        long spin = 0;
        for (long i = 0; i < 300_000_000L; i++) {
            spin += i % 7;
        }
        Map<String, Long> after = ProcessorTime.read(pid, Path.of("/nonexistent"));

        assertThat(spin).isPositive();
        assertThat(after.values().stream().mapToLong(Long::longValue).sum())
                .isGreaterThan(before.values().stream().mapToLong(Long::longValue).sum());
        assertThat(after.get(ProcessorTime.DATABASE)).isZero();
        assertThat(ProcessorTime.perOperation(Map.of("other", 10L), Map.of("other", 30L), 4))
                .containsEntry("other", 50.0);
    }
}
