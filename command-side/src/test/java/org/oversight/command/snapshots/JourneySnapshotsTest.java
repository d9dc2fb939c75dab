package org.oversight.command.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JourneySnapshotsTest {

    @Test
    void theEventsBetweenSnapshotsAreBounded() {
        assertThat(JourneySnapshots.bounded(10)).isEqualTo(10);
        assertThat(JourneySnapshots.bounded(50)).isEqualTo(50);
        assertThat(JourneySnapshots.bounded(10_000)).isEqualTo(10_000);
        assertThatThrownBy(() -> JourneySnapshots.bounded(9)).hasMessageContaining("between 10 and 10000");
        assertThatThrownBy(() -> JourneySnapshots.bounded(10_001)).hasMessageContaining("between 10 and 10000");
        assertThatThrownBy(() -> JourneySnapshots.bounded(0)).isInstanceOf(IllegalStateException.class);
    }
}
