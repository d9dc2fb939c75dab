package org.oversight.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.oversight.events.lookedafter.ChildConsultedBeforeReview;
import org.oversight.events.lookedafter.ConsultationMethod;
import org.oversight.events.lookedafter.PrivateConversation;
import org.oversight.events.lookedafter.EarlyReviewReason;
import org.oversight.events.lookedafter.EarlyReviewRequested;
import org.oversight.events.lookedafter.IroVisitRecorded;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.MidwayCheckRecorded;
import org.oversight.events.lookedafter.MidwayFinding;
import org.oversight.events.lookedafter.PeriodOfCareStarted;
import org.oversight.events.lookedafter.PermanencePlan;
import org.oversight.events.lookedafter.PermanencePlanRecorded;
import org.oversight.query.lookedafter.LookedAfterRecord;

/**
 * Where the as-at fold once ordered a list differently from the looked-after projection's queries (found by the
 * deploy module's agreement test, which holds the two against each other for generated children): both list
 * newest first by the day a thing happened, and of two on one day the one recorded later first.
 */
class RecordFoldTest {

    private static final String CHILD = "child-1";
    private static final String CARE = "care-" + CHILD;
    private static final LocalDate DAY = LocalDate.of(2026, 6, 10);
    private static final Function<String, String> NAMES = Function.identity();

    private final List<RecordedEvent> events = new ArrayList<>();

    RecordFoldTest() {
        record(new PeriodOfCareStarted(CHILD, "period-1", LocalDate.of(2026, 1, 5), LegalStatus.C2, "U1"));
    }

    @Test
    void ofTwoVisitsChecksConsultationsOrRequestsOnOneDayTheOneRecordedLaterComesFirst() {
        record(new IroVisitRecorded(CHILD, "period-1", DAY, true, "iro.ahmed"));
        record(new IroVisitRecorded(CHILD, "period-1", DAY, false, "iro.ahmed"));
        record(new ChildConsultedBeforeReview(CHILD, "period-1", DAY, ConsultationMethod.PHONE, true, "iro.ahmed",
                PrivateConversation.SPOKE_IN_PRIVATE));
        record(new ChildConsultedBeforeReview(CHILD, "period-1", DAY, ConsultationMethod.WRITTEN, false,
                "iro.ahmed", PrivateConversation.NOT_IN_PRIVATE));
        record(new MidwayCheckRecorded(CHILD, "period-1", DAY, MidwayFinding.PLAN_ON_TRACK, "iro.ahmed"));
        record(new MidwayCheckRecorded(CHILD, "period-1", DAY, MidwayFinding.CONCERNS_NOTED, "iro.ahmed"));
        record(new EarlyReviewRequested(CHILD, "period-1", DAY, EarlyReviewReason.IRO_REQUEST, "iro.ahmed"));
        record(new EarlyReviewRequested(CHILD, "period-1", DAY, EarlyReviewReason.PLACEMENT_CHANGE, "iro.ahmed"));
        // an older one recorded last still goes below both
        record(new IroVisitRecorded(CHILD, "period-1", DAY.minusDays(3), true, "iro.ahmed"));

        LookedAfterRecord record = RecordFold.lookedAfter(events, DAY, NAMES);

        assertThat(record.visits()).extracting(LookedAfterRecord.Visit::faceToFace).containsExactly(false, true, true);
        assertThat(record.visits()).extracting(LookedAfterRecord.Visit::visitedOn)
                .containsExactly(DAY, DAY, DAY.minusDays(3));
        assertThat(record.consultations()).extracting(LookedAfterRecord.Consultation::method)
                .containsExactly(ConsultationMethod.WRITTEN, ConsultationMethod.PHONE);
        assertThat(record.midwayChecks()).extracting(LookedAfterRecord.MidwayCheck::finding)
                .containsExactly(MidwayFinding.CONCERNS_NOTED, MidwayFinding.PLAN_ON_TRACK);
        assertThat(record.earlyReviewRequests()).extracting(LookedAfterRecord.EarlyReviewRequest::reason)
                .containsExactly(EarlyReviewReason.PLACEMENT_CHANGE, EarlyReviewReason.IRO_REQUEST);
    }

    @Test
    void aPermanencePlanWrittenUpLateGoesBelowOneMadeAfterItAndTheLaterOneIsCurrent() {
        record(new PermanencePlanRecorded(CHILD, "period-1", DAY, PermanencePlan.ADOPTION, null));
        // made a week before the adoption plan, recorded after it
        record(new PermanencePlanRecorded(CHILD, "period-1", DAY.minusDays(7), PermanencePlan.LONG_TERM_FOSTERING,
                PermanencePlan.ADOPTION));
        record(new PermanencePlanRecorded(CHILD, "period-1", DAY.plusDays(1), PermanencePlan.SPECIAL_GUARDIANSHIP,
                PermanencePlan.LONG_TERM_FOSTERING));

        LookedAfterRecord record = RecordFold.lookedAfter(events, DAY.plusDays(1), NAMES);

        assertThat(record.permanencePlans()).extracting(LookedAfterRecord.PermanencePlanEntry::plan).containsExactly(
                PermanencePlan.SPECIAL_GUARDIANSHIP, PermanencePlan.ADOPTION, PermanencePlan.LONG_TERM_FOSTERING);
        assertThat(RecordFold.lookedAfter(events.subList(0, 3), DAY, NAMES).currentPermanencePlan())
                .map(LookedAfterRecord.PermanencePlanEntry::plan).contains(PermanencePlan.ADOPTION);
    }

    private void record(Object event) {
        long sequence = events.size();
        events.add(new RecordedEvent(CARE, sequence, events.size() + 1, "e-" + events.size(),
                event.getClass().getName(), event, "iro.ahmed", "Aisha Ahmed",
                Instant.parse("2026-06-10T12:00:00Z").plusSeconds(sequence), "c"));
    }
}
