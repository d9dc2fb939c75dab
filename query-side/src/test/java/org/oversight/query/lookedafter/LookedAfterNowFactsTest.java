package org.oversight.query.lookedafter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.ReasonPeriodEnded;
import org.oversight.query.lookedafter.LookedAfterRecord.Action;
import org.oversight.query.lookedafter.LookedAfterRecord.ActionStatus;
import org.oversight.query.lookedafter.LookedAfterRecord.Period;
import org.oversight.query.lookedafter.LookedAfterRecord.Review;

/**
 * A caseload's summary of a child's care, worked out from the record the clocks read, by the rules of the query it
 * stands in for: only the current period's reviews and actions count, an action due today is not yet overdue, and
 * the latest ending of any period is kept. {@code DueItemsInChunksIT} compares the two on generated services.
 */
class LookedAfterNowFactsTest {

    private static final LocalDate TODAY = LocalDate.of(2028, 3, 1);

    @Test
    void theCurrentPeriodsLatestReviewAndOpenActionsAsAtToday() {
        Period earlier = new Period("p1", LocalDate.of(2024, 1, 10), LegalStatus.V2, LegalStatus.V2, "U1",
                LocalDate.of(2025, 6, 30), ReasonPeriodEnded.E13, List.of());
        Period current = new Period("p2", LocalDate.of(2027, 9, 1), LegalStatus.C2, LegalStatus.C2, "U1", null, null,
                List.of());
        // newest first, as the record is read; the earlier period's review and its action left open do not count
        List<Review> reviews = List.of(
                review("r3", "p2", LocalDate.of(2028, 2, 29), ParticipationCode.PN1, false),
                review("r2", "p2", LocalDate.of(2027, 9, 29), ParticipationCode.PN4, true),
                review("r1", "p1", LocalDate.of(2024, 2, 7), ParticipationCode.PN2, true));
        List<Action> actions = List.of(
                action("due-today", "r3", TODAY, ActionStatus.OPEN),
                action("due-yesterday", "r2", TODAY.minusDays(1), ActionStatus.OVERDUE),
                action("done", "r2", TODAY.minusDays(20), ActionStatus.COMPLETED),
                action("left-open-in-an-ended-period", "r1", LocalDate.of(2024, 5, 1), ActionStatus.OVERDUE));
        LookedAfterRecord record = record(List.of(current, earlier), reviews, actions, 2);

        LookedAfterNow.Facts facts = LookedAfterNow.Facts.of(record, TODAY);

        assertThat(facts.current()).contains(new LookedAfterSummary(LocalDate.of(2027, 9, 1),
                LocalDate.of(2028, 2, 29), ParticipationCode.PN1, false, 2, 1, 2));
        assertThat(facts.openActionsDueOn()).as("the open period's open actions, earliest first")
                .containsExactly(TODAY.minusDays(1), TODAY);
        assertThat(facts.latestEndedOn()).isEqualTo(LocalDate.of(2025, 6, 30));
    }

    @Test
    void aPeriodNotYetReviewedHasNoReviewAndNoWordOnTheChildsVoiceWhateverEarlierPeriodsHad() {
        Period current = new Period("p2", TODAY.minusDays(3), LegalStatus.C1, LegalStatus.C1, "U1", null, null,
                List.of());
        Period earlier = new Period("p1", LocalDate.of(2025, 1, 1), LegalStatus.V2, LegalStatus.V2, "U1",
                LocalDate.of(2026, 1, 1), ReasonPeriodEnded.E13, List.of());
        LookedAfterNow.Facts facts = LookedAfterNow.Facts.of(record(List.of(current, earlier),
                List.of(review("r1", "p1", LocalDate.of(2025, 1, 29), ParticipationCode.PN1, true)),
                List.of(action("a1", "r1", LocalDate.of(2025, 4, 1), ActionStatus.OVERDUE)), 0), TODAY);
        assertThat(facts.current()).contains(new LookedAfterSummary(TODAY.minusDays(3), null, null, null, 0, 0, 0));
        assertThat(facts.openActionsDueOn()).isEmpty();
        assertThat(facts.latestEndedOn()).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void aChildNoLongerLookedAfterHasNoCurrentPeriodButKeepsWhenTheLatestEnded() {
        Period first = new Period("p1", LocalDate.of(2020, 1, 1), LegalStatus.V2, LegalStatus.V2, "U1",
                LocalDate.of(2021, 12, 31), ReasonPeriodEnded.E13, List.of());
        Period second = new Period("p2", LocalDate.of(2023, 2, 1), LegalStatus.C2, LegalStatus.C2, "U1",
                LocalDate.of(2024, 2, 29), ReasonPeriodEnded.E13, List.of());
        LookedAfterNow.Facts facts = LookedAfterNow.Facts.of(record(List.of(second, first),
                List.of(review("r1", "p2", LocalDate.of(2023, 3, 1), ParticipationCode.PN1, true)),
                List.of(action("a1", "r1", LocalDate.of(2023, 6, 1), ActionStatus.OVERDUE)), 0), TODAY);
        assertThat(facts.current()).isEmpty();
        assertThat(facts.openActionsDueOn()).isEmpty();
        assertThat(facts.latestEndedOn()).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    private static LookedAfterRecord record(List<Period> periods, List<Review> reviews, List<Action> actions,
            int iroChanges) {
        return new LookedAfterRecord(TODAY, periods, reviews, actions, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), iroChanges);
    }

    private static Review review(String id, String periodId, LocalDate heldOn, ParticipationCode participation,
            boolean consulted) {
        return new Review(id, periodId, heldOn, participation, false, consulted, List.of(), List.of(), "IRO", null,
                null, null);
    }

    private static Action action(String id, String reviewId, LocalDate dueOn, ActionStatus status) {
        return new Action(id, reviewId, "An action", "Social worker", dueOn, dueOn.minusMonths(2), status,
                status == ActionStatus.COMPLETED ? dueOn : null, null, 0);
    }
}
