package org.oversight.query.clocks;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.oversight.events.policy.PolicySettings;
import org.oversight.query.calendar.DueDate;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.policy.PolicyHistory;
import org.oversight.query.protection.ProtectionRecord;

/**
 * The conference clocks that are local timescales, beside the national ones in {@link ProtectionClocks}, derived
 * from the recorded facts as they stood on a given day; each takes the authority's settings in force on the day
 * its clock started.
 *
 * <ul>
 *   <li>First review after a pre-birth plan: within the authority's working days of the birth or its months of the
 *       pre-birth conference, whichever is sooner. There is no national rule; local procedures commonly say 10
 *       working days or 3 months ({@link PolicySettings#preBirthReviewAfterBirthWorkingDays()}). Until the birth the
 *       months from the conference are the only limit.</li>
 *   <li>Transfer-in conference: within the authority's working days of receiving the other authority's
 *       notification that a child on its plan has moved here (local procedures, commonly 15;
 *       {@link PolicySettings#transferInConferenceWorkingDays()}).</li>
 * </ul>
 *
 * <p>And one drift signal: a plan made at a transfer-in conference counts the time the child already spent on the
 * other authority's plan, so 18 months or 2 years on a plan is reached on the day it is, wherever it was spent.
 */
public final class ConferenceClocks {

    /** What a transfer-in notification says: when it arrived, and since when the child has been on a plan. */
    public record TransferInNotice(LocalDate receivedOn, String fromAuthority, LocalDate otherPlanStartedOn) {
    }

    private ConferenceClocks() {
    }

    public static List<StatutoryClock> clocks(ProtectionRecord record, List<TransferInNotice> notices,
            WorkingDayCalendar calendar, LocalDate asAt, PolicyHistory policy, LocalDate bornOn) {
        List<StatutoryClock> clocks = new ArrayList<>();
        for (ProtectionRecord.Plan plan : record.plans()) {
            Optional<ProtectionRecord.Conference> started = startedAt(record, plan);
            if (plan.startDate().isAfter(asAt) || started.isEmpty() || !"PRE_BIRTH".equals(started.get().type())) {
                continue;
            }
            LocalDate firstReview = reviews(record, plan, asAt).findFirst().orElse(null);
            boolean openOnDay = plan.endDate() == null || plan.endDate().isAfter(asAt);
            if (firstReview == null && !openOnDay) {
                continue;
            }
            LocalDate born = bornOn == null || bornOn.isAfter(asAt) ? null : bornOn;
            clocks.add(preBirthFirstReview(plan.startDate(), born, firstReview, policy.on(plan.startDate()),
                    calendar));
        }
        for (TransferInNotice notice : notices) {
            if (notice.receivedOn().isAfter(asAt)) {
                continue;
            }
            LocalDate held = record.conferences().stream()
                    .filter(c -> "TRANSFER_IN".equals(c.type()) && !c.heldOn().isBefore(notice.receivedOn())
                            && !c.heldOn().isAfter(asAt))
                    .map(ProtectionRecord.Conference::heldOn).min(Comparator.naturalOrder()).orElse(null);
            clocks.add(transferInConference(notice.receivedOn(), held, policy.on(notice.receivedOn()), calendar));
        }
        return clocks;
    }

    /**
     * The first review after a pre-birth plan.
     *
     * @param bornOn the date of birth, or {@code null} while the child is not yet born
     * @param held   the day of the first review, or {@code null} if none is held yet
     */
    static StatutoryClock preBirthFirstReview(LocalDate conferenceOn, LocalDate bornOn, LocalDate held,
            PolicySettings settings, WorkingDayCalendar calendar) {
        int days = settings.preBirthReviewAfterBirthWorkingDays();
        int months = settings.preBirthReviewAfterConferenceMonths();
        DueDate fromConference = calendar.dueWithinMonths(conferenceOn, months);
        DueDate due = fromConference;
        if (bornOn != null) {
            DueDate fromBirth = calendar.dueWithinWorkingDays(bornOn, days);
            due = fromBirth.date().isBefore(fromConference.date()) ? fromBirth : fromConference;
        }
        return new StatutoryClock("pre-birth-first-review", "First review after a pre-birth plan",
                "Within " + days + " working days of the birth or " + months
                        + " months of the pre-birth conference, whichever is sooner (local timescale)",
                conferenceOn, due, held, false);
    }

    /** The transfer-in conference, from the day the other authority's notification was received. */
    static StatutoryClock transferInConference(LocalDate receivedOn, LocalDate held, PolicySettings settings,
            WorkingDayCalendar calendar) {
        int days = settings.transferInConferenceWorkingDays();
        return new StatutoryClock("transfer-in-conference", "Transfer-in conference",
                "Within " + days + " working days of the other authority's notification (local timescale)",
                receivedOn, calendar.dueWithinWorkingDays(receivedOn, days), held, false);
    }

    /**
     * The plan-length signals for a plan made at a transfer-in conference, counting the other authority's plan
     * from its start; only where the plan here alone has not reached the length, since {@link ProtectionClocks}
     * signals that already.
     */
    public static List<DriftSignal> signals(ProtectionRecord record, List<TransferInNotice> notices,
            LocalDate asAt) {
        List<DriftSignal> signals = new ArrayList<>();
        for (ProtectionRecord.Plan plan : record.plans()) {
            boolean openOnDay = !plan.startDate().isAfter(asAt)
                    && (plan.endDate() == null || plan.endDate().isAfter(asAt));
            Optional<ProtectionRecord.Conference> started = startedAt(record, plan);
            if (!openOnDay || started.isEmpty() || !"TRANSFER_IN".equals(started.get().type())) {
                continue;
            }
            Optional<TransferInNotice> notice = notices.stream()
                    .filter(n -> !n.receivedOn().isAfter(plan.startDate()))
                    .max(Comparator.comparing(TransferInNotice::receivedOn));
            if (notice.isEmpty()) {
                continue;
            }
            long here = Period.between(plan.startDate(), asAt).toTotalMonths();
            long inAll = Period.between(notice.get().otherPlanStartedOn(), asAt).toTotalMonths();
            String counting = ", counting the plan in " + notice.get().fromAuthority() + " from "
                    + Dates.spoken(notice.get().otherPlanStartedOn());
            if (inAll >= 24 && here < 24) {
                signals.add(new DriftSignal("plan-open-2-years", "Child protection plan open for 2 years or more"
                        + counting));
            } else if (inAll >= 18 && here < 18) {
                signals.add(new DriftSignal("plan-open-18-months", "Child protection plan open for 18 months or more"
                        + counting));
            }
        }
        return signals;
    }

    private static Optional<ProtectionRecord.Conference> startedAt(ProtectionRecord record,
            ProtectionRecord.Plan plan) {
        return record.conferences().stream()
                .filter(c -> !"REVIEW".equals(c.type()) && plan.planId().equals(c.planId()))
                .findFirst();
    }

    private static java.util.stream.Stream<LocalDate> reviews(ProtectionRecord record, ProtectionRecord.Plan plan,
            LocalDate asAt) {
        return record.conferences().stream()
                .filter(c -> "REVIEW".equals(c.type()) && plan.planId().equals(c.planId()) && !c.heldOn().isAfter(asAt))
                .map(ProtectionRecord.Conference::heldOn).sorted();
    }
}
