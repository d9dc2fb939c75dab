package org.oversight.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oversight.events.childcase.ChairAllocated;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.escalation.EscalationRaised;
import org.oversight.events.escalation.EscalationResolved;
import org.oversight.events.lookedafter.CarePlanActionAgreed;
import org.oversight.events.lookedafter.CarePlanActionCompleted;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.LegalStatusChanged;
import org.oversight.events.lookedafter.LookedAfterReviewHeld;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.PeriodOfCareStarted;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ChildProtectionPlanStarted;
import org.oversight.events.protection.ChildsView;
import org.oversight.events.protection.ConferenceDateCorrected;
import org.oversight.events.protection.ConferenceOutcome;
import org.oversight.events.protection.ConferenceType;
import org.oversight.events.protection.InitialConferenceHeld;
import org.oversight.events.protection.ReviewConferenceHeld;
import org.oversight.events.protection.Section47EnquiryStarted;
import org.oversight.events.protection.ViewsConveyed;
import org.oversight.query.clocks.StatutoryClock;
import org.oversight.query.clocks.TimelinePage;
import org.oversight.query.calendar.BankHolidays;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.events.escalation.DefaultEscalationPolicy;
import org.oversight.query.policy.PolicyHistory;

/**
 * A child's state rebuilt from stored events on days between them, in both views. The review conference of
 * 11 May 2026 was recorded late, on 1 June; the initial conference's date was corrected on 20 June: so on days in
 * between, the facts and what the record held differ.
 */
class AsAtReconstructionTest {

    private static final WorkingDayCalendar CALENDAR = BankHolidays.shipped().toCalendar();
    private static final String CHILD = "0b5c2f7e-8a55-4c1e-9d63-1b3c4f2a1e02";
    private static final PolicyHistory POLICY = PolicyHistory.defaults("DEMO-N");
    private static final Instant NOW = Instant.parse("2026-07-01T12:00:00Z");

    private final AsAtReconstruction reconstruction = new AsAtReconstruction(new Directory(),
            new DefaultEscalationPolicy());
    private final List<RecordedEvent> events = new ArrayList<>();

    AsAtReconstructionTest() {
        record(CHILD, new ChildRegistered(CHILD, "DEMO-N", "N1", "Nia", "Neglect", LocalDate.of(2015, 1, 1), null,
                LocalDate.of(2026, 2, 2)), "2026-02-02T09:00:00Z");
        record(CHILD, new ChairAllocated(CHILD, ChairRole.CP_CHAIR, "chair.brown", "Ben Brown",
                LocalDate.of(2026, 2, 2), null), "2026-02-02T09:05:00Z");
        String protection = "protection-" + CHILD;
        record(protection, new Section47EnquiryStarted(CHILD, "enq-1", LocalDate.of(2026, 2, 2)), "2026-02-02T10:00:00Z");
        record(protection, new InitialConferenceHeld(CHILD, "icpc", ConferenceType.INITIAL, LocalDate.of(2026, 2, 16),
                "enq-1", List.of("Police", "Health"), true, ConferenceOutcome.PLAN,
                new ChildsView(true, ViewsConveyed.ATTENDED_SPOKE_FOR_SELF), "chair.brown", "Ben Brown", List.of()),
                "2026-02-16T15:00:00Z");
        record(protection, new ChildProtectionPlanStarted(CHILD, "plan-1", LocalDate.of(2026, 2, 16), "icpc",
                CategoryOfAbuse.NEG, 0), "2026-02-16T15:00:00Z");
        // held on 11 May, recorded three weeks later
        record(protection, new ReviewConferenceHeld(CHILD, "rcpc", "plan-1", LocalDate.of(2026, 5, 11),
                List.of("Police", "Health"), true, true, CategoryOfAbuse.EMO, CategoryOfAbuse.NEG,
                new ChildsView(false, ViewsConveyed.NOT_CONVEYED), "chair.brown", "Ben Brown", List.of()),
                "2026-06-01T09:00:00Z");
        record(protection, new ConferenceDateCorrected(CHILD, "icpc", LocalDate.of(2026, 2, 16),
                LocalDate.of(2026, 2, 17), "The conference was on the Tuesday"), "2026-06-20T09:00:00Z");
        String care = "care-" + CHILD;
        record(care, new PeriodOfCareStarted(CHILD, "period-1", LocalDate.of(2026, 3, 2), LegalStatus.V2, "U1"),
                "2026-03-02T12:00:00Z");
        record(care, new LegalStatusChanged(CHILD, "period-1", LocalDate.of(2026, 3, 20), LegalStatus.V2,
                LegalStatus.C1), "2026-03-20T12:00:00Z");
        record(care, new LookedAfterReviewHeld(CHILD, "period-1", "review-1", LocalDate.of(2026, 3, 27),
                ParticipationCode.PN1, true, List.of("Stays with carers"), List.of(), "iro.ahmed", "Aisha Ahmed"),
                "2026-03-27T12:00:00Z");
        record(care, new CarePlanActionAgreed(CHILD, "action-1", "review-1", "Arrange a health assessment",
                "Social worker", LocalDate.of(2026, 4, 10), LocalDate.of(2026, 3, 27)), "2026-03-27T12:00:00Z");
        record(care, new CarePlanActionCompleted(CHILD, "action-1", LocalDate.of(2026, 4, 15)), "2026-04-15T12:00:00Z");
        String escalation = "escalation-1";
        record(escalation, new EscalationRaised(escalation, List.of(CHILD), "DEMO-N", "HEALTH", "A health assessment",
                true, "TEAM_MANAGER", LocalDate.of(2026, 4, 13), "iro.ahmed", "Aisha Ahmed"), "2026-04-13T12:00:00Z");
        record(escalation, new EscalationResolved(escalation, LocalDate.of(2026, 4, 16), "TEAM_MANAGER",
                "Assessment done", true), "2026-04-16T12:00:00Z");
    }

    @Test
    void aReviewRecordedLateIsInTheFactsOfTheDayButNotInTheRecordAsItStoodThen() {
        LocalDate day = LocalDate.of(2026, 5, 20);

        ChildState facts = reconstruction.factsOn(events, day, NOW, CALENDAR, POLICY);
        ChildState recorded = reconstruction.recordedAt(events, endOf(day), CALENDAR, POLICY);

        assertThat(facts.plans()).singleElement().satisfies(plan -> {
            assertThat(plan.latestCategory()).isEqualTo("Emotional abuse");
            assertThat(plan.reviewsHeld()).isEqualTo(1);
            assertThat(plan.initialCategory()).isEqualTo("Neglect");
            assertThat(plan.open()).isTrue();
        });
        assertThat(recorded.plans()).singleElement().satisfies(plan -> {
            assertThat(plan.latestCategory()).isEqualTo("Neglect");
            assertThat(plan.reviewsHeld()).isZero();
        });
        // the first review conference was due 3 months after the initial one: met in time in fact, overdue as recorded
        assertThat(status(facts, "First review conference")).isEqualTo(StatutoryClock.Status.HAPPENED_IN_TIME);
        assertThat(status(recorded, "First review conference")).isEqualTo(StatutoryClock.Status.OVERDUE);
        assertThat(facts.view()).isEqualTo("FACTS_ON");
        assertThat(facts.label()).isEqualTo("As the facts stood on 20 May 2026");
        assertThat(recorded.label()).isEqualTo("As the record stood at 20 May 2026 at 23:59");
        assertThat(recorded.eventsConsidered()).isLessThan(facts.eventsConsidered());
    }

    @Test
    void aCorrectionCountsInTheFactsAtOnceButInTheRecordOnlyFromWhenItWasRecorded() {
        LocalDate day = LocalDate.of(2026, 6, 10);

        assertThat(reconstruction.factsOn(events, day, NOW, CALENDAR, POLICY).plans().get(0).startDate())
                .isEqualTo(LocalDate.of(2026, 2, 17));
        assertThat(reconstruction.recordedAt(events, endOf(day), CALENDAR, POLICY).plans().get(0).startDate())
                .isEqualTo(LocalDate.of(2026, 2, 16));
        assertThat(reconstruction.recordedAt(events, endOf(LocalDate.of(2026, 6, 20)), CALENDAR, POLICY).plans().get(0)
                .startDate()).isEqualTo(LocalDate.of(2026, 2, 17));
    }

    @Test
    void beforeTheInitialConferenceTheEnquiryIsOpenAndItsClockRuns() {
        ChildState state = reconstruction.factsOn(events, LocalDate.of(2026, 2, 10), NOW, CALENDAR, POLICY);

        assertThat(state.plans()).isEmpty();
        assertThat(state.enquiries()).singleElement()
                .satisfies(e -> assertThat(e.standing()).isEqualTo("Open: no initial conference yet"));
        assertThat(status(state, "Initial child protection conference"))
                .isEqualTo(StatutoryClock.Status.DUE_WITHIN_20_WORKING_DAYS);
        assertThat(state.periods()).isEmpty();
        assertThat(state.chairs()).singleElement().satisfies(c -> assertThat(c.name()).isEqualTo("Ben Brown"));
    }

    @Test
    void theCareRecordStandsAsItDidOnEachDay() {
        ChildState march = reconstruction.factsOn(events, LocalDate.of(2026, 3, 10), NOW, CALENDAR, POLICY);
        assertThat(march.periods()).singleElement().satisfies(p -> {
            assertThat(p.legalStatus()).startsWith("Accommodated under section 20");
            assertThat(p.open()).isTrue();
        });
        assertThat(status(march, "First looked-after review")).isEqualTo(StatutoryClock.Status.DUE_WITHIN_20_WORKING_DAYS);

        ChildState overdueAction = reconstruction.factsOn(events, LocalDate.of(2026, 4, 14), NOW, CALENDAR, POLICY);
        assertThat(overdueAction.periods().get(0).legalStatus()).isEqualTo("Interim care order (C1)");
        assertThat(overdueAction.actions()).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo("Overdue"));
        assertThat(overdueAction.reviews()).singleElement()
                .satisfies(r -> assertThat(r.participation()).startsWith("PN1"));
        assertThat(overdueAction.openEscalations()).singleElement().satisfies(e -> {
            assertThat(e.level()).isEqualTo("Team manager");
            assertThat(e.concern()).isEqualTo("Health");
        });

        ChildState later = reconstruction.factsOn(events, LocalDate.of(2026, 4, 16), NOW, CALENDAR, POLICY);
        assertThat(later.actions()).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo("Completed on 15 April 2026"));
        assertThat(later.openEscalations()).isEmpty();
    }

    private static StatutoryClock.Status status(ChildState state, String clock) {
        return state.clocks().stream().filter(c -> c.clock().name().equals(clock)).map(TimelinePage.Entry::status)
                .findFirst().orElseThrow(() -> new AssertionError("no clock " + clock + " in " + state.clocks()));
    }

    private static Instant endOf(LocalDate day) {
        return day.atTime(LocalTime.of(23, 59)).atZone(HistoryEntry.ENGLAND).toInstant();
    }

    private void record(String stream, Object event, String at) {
        long sequence = events.stream().filter(e -> e.stream().equals(stream)).count();
        events.add(new RecordedEvent(stream, sequence, events.size() + 1, "e-" + events.size(),
                event.getClass().getName(), event, "chair.brown", "Ben Brown", Instant.parse(at), "c"));
    }
}
