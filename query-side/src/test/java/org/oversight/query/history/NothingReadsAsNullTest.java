package org.oversight.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.oversight.events.escalation.DefaultEscalationPolicy;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.PeriodOfCareStarted;

/**
 * A fact an event may be recorded without reads as plain words in the history, never as the word "null" (the
 * demo pages are scanned for it too, in deploy's NoNullOnAnyDemoPageIT).
 */
class NothingReadsAsNullTest {

    private static final String CHILD = "5f0c1b6e-2c55-4c8e-9d63-0b3c4f2a1e01";
    private final PlainWords words = new PlainWords(new Directory(), new DefaultEscalationPolicy());

    @Test
    void aPeriodOfCareRecordedWithoutAPlacementSaysSo() {
        Description description = words.reading(CHILD).describe(new PeriodOfCareStarted(CHILD, "period-1",
                LocalDate.of(2026, 3, 3), LegalStatus.values()[0], null));

        assertThat(description.details()).containsExactly("Placement: not recorded");
    }
}
