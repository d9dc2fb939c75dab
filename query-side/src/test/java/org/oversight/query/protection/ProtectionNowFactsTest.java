package org.oversight.query.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oversight.events.protection.CategoryOfAbuse;

/**
 * A caseload's summary of a child's plans, worked out from the record the clocks read: the open plan, and when the
 * latest plan ended whichever order the plans ended in. {@code DueItemsInChunksIT} compares it with the query it
 * stands in for on generated services.
 */
class ProtectionNowFactsTest {

    @Test
    void theOpenPlanAndTheLatestEnding() {
        ProtectionRecord.Plan open = plan("p3", LocalDate.of(2026, 1, 5), null);
        ProtectionRecord.Plan second = plan("p2", LocalDate.of(2024, 2, 29), LocalDate.of(2024, 12, 31));
        ProtectionRecord.Plan first = plan("p1", LocalDate.of(2020, 3, 1), LocalDate.of(2025, 1, 2));
        ProtectionNow.Facts facts = ProtectionNow.Facts.of(new ProtectionRecord(List.of(), List.of(),
                List.of(open, second, first), List.of()));
        assertThat(facts.openPlan()).contains(open);
        assertThat(facts.latestEndedOn()).isEqualTo(LocalDate.of(2025, 1, 2));
    }

    @Test
    void aChildWhosePlansHaveAllEndedHasNoOpenPlan() {
        ProtectionRecord.Plan ended = plan("p1", LocalDate.of(2024, 2, 29), LocalDate.of(2025, 3, 31));
        ProtectionNow.Facts facts = ProtectionNow.Facts.of(new ProtectionRecord(List.of(), List.of(), List.of(ended),
                List.of()));
        assertThat(facts.openPlan()).isEmpty();
        assertThat(facts.latestEndedOn()).isEqualTo(LocalDate.of(2025, 3, 31));
    }

    @Test
    void noPlanNoFacts() {
        ProtectionNow.Facts facts = ProtectionNow.Facts.of(new ProtectionRecord(List.of(), List.of(), List.of(),
                List.of()));
        assertThat(facts.openPlan()).isEmpty();
        assertThat(facts.latestEndedOn()).isNull();
    }

    private static ProtectionRecord.Plan plan(String id, LocalDate start, LocalDate end) {
        return new ProtectionRecord.Plan(id, start, CategoryOfAbuse.NEG, CategoryOfAbuse.NEG, 0, null, 0, end,
                end == null ? null : "NO_LONGER_AT_RISK");
    }
}
