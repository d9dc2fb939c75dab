package org.oversight.command.lookedafter;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.oversight.command.lookedafter.JourneyDates.notInFuture;
import static org.oversight.command.lookedafter.PeriodsOfCare.notBeforeStart;

import java.time.LocalDate;
import java.util.Locale;
import org.oversight.command.directory.Chair;
import org.oversight.command.lookedafter.PeriodsOfCare.Period;
import org.oversight.events.lookedafter.ChildConsultedBeforeReview;
import org.oversight.events.lookedafter.EarlyReviewRequested;
import org.oversight.events.lookedafter.IroVisitRecorded;
import org.oversight.events.lookedafter.MidwayCheckRecorded;

/**
 * The IRO's monitoring between reviews: consulting the child, visiting, checking midway and asking for an early
 * review. Nothing the journey decides later depends on it, so it keeps no state; its one rule is when it may be
 * dated.
 */
final class IroMonitoring {

    private IroMonitoring() {
    }

    static void consult(RecordConsultation command, Chair iro, LocalDate today, PeriodsOfCare periods) {
        Period period = monitored(periods, command.consultedOn(), today, "consultedOn", "A consultation");
        PrivateConversations.check(command);
        apply(new ChildConsultedBeforeReview(command.childId(), period.id(), command.consultedOn(), command.method(),
                command.seenAlone(), iro.username(), command.privateConversation()));
    }

    static void visit(RecordIroVisit command, Chair iro, LocalDate today, PeriodsOfCare periods) {
        Period period = monitored(periods, command.visitedOn(), today, "visitedOn", "A visit");
        apply(new IroVisitRecorded(command.childId(), period.id(), command.visitedOn(), command.faceToFace(),
                iro.username()));
    }

    static void checkMidway(RecordMidwayCheck command, Chair iro, LocalDate today, PeriodsOfCare periods) {
        Period period = monitored(periods, command.checkedOn(), today, "checkedOn", "A midway check");
        apply(new MidwayCheckRecorded(command.childId(), period.id(), command.checkedOn(), command.finding(),
                iro.username()));
    }

    static void requestEarlyReview(RequestEarlyReview command, Chair iro, LocalDate today, PeriodsOfCare periods) {
        Period period = monitored(periods, command.requestedOn(), today, "requestedOn", "An early review request");
        apply(new EarlyReviewRequested(command.childId(), period.id(), command.requestedOn(), command.reason(),
                iro.username()));
    }

    /** Monitoring happens while the child is looked after, and is recorded afterwards. */
    private static Period monitored(PeriodsOfCare periods, LocalDate on, LocalDate today, String field,
            String what) {
        Period period = periods.open(field, what.toLowerCase(Locale.UK));
        notInFuture(on, today, field, what);
        notBeforeStart(period, on, field, what);
        return period;
    }
}
