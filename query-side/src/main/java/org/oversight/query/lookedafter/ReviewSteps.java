package org.oversight.query.lookedafter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oversight.query.lookedafter.LookedAfterRecord.Period;
import org.oversight.query.lookedafter.LookedAfterRecord.Review;

/**
 * A looked-after review's steps as the IRO works through them, for the GOV.UK task list on the child's page: what
 * is left of the latest review (its decisions sent, its record distributed) and what comes before the next one
 * (the child spoken to, the midway check, the review itself). Worked out from the record alone; the clocks say
 * when each is due.
 */
public record ReviewSteps(Review latest, List<Step> afterLatest, List<Step> beforeNext) {

    /** How far a step has gone, in the task list's words. */
    public enum Status {
        COMPLETED("Completed"),
        INCOMPLETE("Incomplete"),
        NOT_YET_STARTED("Not yet started"),
        CANNOT_START_YET("Cannot start yet");

        private final String words;

        Status(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * @param form the looked-after form that records it, under the child's address
     * @param reviewId the review it belongs to, for the forms that ask which; null for the next review's steps
     * @param doneOn when it was done, if it was
     */
    public record Step(String key, String name, String hint, String form, String reviewId, Status status,
            LocalDate doneOn) {

        /** Whether the step is a link: every step but one that cannot start yet. */
        public boolean linked() {
            return status != Status.CANNOT_START_YET;
        }

        /** The task list item's classes (kept out of the template: its expressions read double underscores). */
        public String itemClasses() {
            return linked() ? "govuk-task-list__item govuk-task-list__item--with-link" : "govuk-task-list__item";
        }

        public String statusClasses() {
            return status == Status.CANNOT_START_YET
                    ? "govuk-task-list__status govuk-task-list__status--cannot-start-yet" : "govuk-task-list__status";
        }

        public String href(String childId) {
            return "/children/" + childId + "/looked-after/" + form + (reviewId == null ? "" : "?review=" + reviewId);
        }
    }

    /** The steps of the current period of care; none when no period is open. */
    public static Optional<ReviewSteps> of(LookedAfterRecord record) {
        Optional<Period> current = record.currentPeriod();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Period period = current.get();
        Review latest = record.reviews().stream().filter(r -> r.periodId().equals(period.periodId())).findFirst()
                .orElse(null);
        List<Step> after = new ArrayList<>();
        if (latest != null) {
            after.add(new Step("decisions", "Send the review\u2019s decisions", "To the child, the parents and the "
                    + "social worker", "decisions-sent", latest.reviewId(),
                    latest.decisionsSent() ? Status.COMPLETED : Status.INCOMPLETE, latest.decisionsSentOn()));
            after.add(new Step("record", "Distribute the review record", "The full record and the child\u2019s version",
                    "distribution", latest.reviewId(), latest.distributed() ? Status.COMPLETED : Status.INCOMPLETE,
                    latest.distributedOn()));
        }
        // what was done for the next review is what was done since the latest one (or since the period began)
        LocalDate since = latest != null ? latest.heldOn() : period.startedOn();
        LocalDate spokenTo = record.consultations().stream().map(LookedAfterRecord.Consultation::consultedOn)
                .filter(on -> latest == null ? !on.isBefore(since) : on.isAfter(since))
                .max(LocalDate::compareTo).orElse(null);
        LocalDate midway = latest == null ? null : record.midwayChecks().stream()
                .map(LookedAfterRecord.MidwayCheck::checkedOn).filter(on -> on.isAfter(since))
                .max(LocalDate::compareTo).orElse(null);
        List<Step> before = new ArrayList<>();
        before.add(new Step("consultation", "Speak to the child before the review",
                "Their wishes and feelings, in private where they want it", "consultation", null,
                spokenTo != null ? Status.COMPLETED : Status.NOT_YET_STARTED, spokenTo));
        before.add(new Step("midway", "Check progress midway between reviews",
                latest == null ? "After the first review" : "Whether the review\u2019s decisions are being carried out",
                "midway-check", null, latest == null ? Status.CANNOT_START_YET
                        : midway != null ? Status.COMPLETED : Status.NOT_YET_STARTED, midway));
        before.add(new Step("review", latest == null ? "Hold the first review" : "Hold the next review",
                "Record it on the day", "review", null, Status.NOT_YET_STARTED, null));
        return Optional.of(new ReviewSteps(latest, List.copyOf(after), List.copyOf(before)));
    }
}
