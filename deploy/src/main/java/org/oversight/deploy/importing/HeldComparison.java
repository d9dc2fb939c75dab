package org.oversight.deploy.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.oversight.command.childcase.RegisterChildFromReturn;
import org.oversight.command.lookedafter.ChangeLegalStatus;
import org.oversight.command.lookedafter.ChangePlacement;
import org.oversight.command.lookedafter.EndPeriodOfCare;
import org.oversight.command.lookedafter.HoldLookedAfterReview;
import org.oversight.command.lookedafter.StartPeriodOfCare;
import org.oversight.command.protection.EndChildProtectionPlanFromReturn;
import org.oversight.command.protection.RecordConferenceFromReturn;
import org.oversight.command.protection.RecordStrategyDiscussion;
import org.oversight.deploy.importing.HeldHistory.Period;
import org.oversight.deploy.importing.SourceRow.Table;
import org.oversight.events.StreamIds;
import org.oversight.events.protection.CategoryOfAbuse;

/**
 * A child's planned steps set against what Oversight already holds of them: each step is held (the same fact, the
 * same values), new, or a conflict. A conflict is a fact the record holds with other values (a date of birth, a
 * period's legal status or placement, a review's participation code, a period's end, whether a conference made a
 * plan and the categories of abuse it or a review decided), or a new fact dated before
 * the latest fact Oversight holds in the same journey: Oversight adds a child's facts in the order they happened,
 * and an earlier one put after a later one would make every clock after it wrong. A held fact is never
 * overwritten: the data officer sees both values and corrects whichever is wrong.
 */
final class HeldComparison {

    /** A fact of the files that disagrees with the record: the row, its field, and both values. */
    record Conflict(SourceRow row, String field, String rule, String held, String inFile, String reason) {
    }

    record Result(List<PlannedStep> fresh, List<Conflict> conflicts) {
    }

    static final String RULE = "held-fact-kept";
    static final String ORDER_RULE = "after-held-facts";

    private HeldComparison() {
    }

    static Result compare(HeldHistory held, ChildPlan plan) {
        List<PlannedStep> fresh = new ArrayList<>();
        // an enquiry the files name afresh but Oversight holds already is named as Oversight names it
        java.util.Map<String, String> heldEnquiries = new java.util.HashMap<>();
        List<Conflict> conflicts = new ArrayList<>();
        LocalDate periodStart = null;
        for (PlannedStep step : plan.steps()) {
            Object command = step.command();
            SourceRow row = step.source();
            Optional<Conflict> conflict = Optional.empty();
            boolean isHeld;
            if (command instanceof RegisterChildFromReturn registration) {
                // the registration is the child themselves: never new for a child already held
                isHeld = true;
                if (held.dateOfBirth() != null && !held.dateOfBirth().equals(registration.dateOfBirth())) {
                    conflict = differs(row, row.table() == Table.CIN_CHILD ? "PersonBirthDate" : "DOB",
                            "the date of birth", held.dateOfBirth(), registration.dateOfBirth());
                }
            } else if (command instanceof StartPeriodOfCare start) {
                periodStart = start.startedOn();
                Optional<Period> period = held.periodStartedOn(start.startedOn());
                isHeld = period.isPresent();
                if (isHeld) {
                    String of = "the legal status of the period of care started on " + start.startedOn();
                    conflict = differs(row, "LS", of, period.get().legalStatus(), start.legalStatus())
                            .or(() -> differs(row, "PLACE", "the placement the period of care started on "
                                    + start.startedOn() + " began in", period.get().placement(), start.placement()));
                }
            } else if (command instanceof ChangeLegalStatus change) {
                isHeld = held.legalChangeOn(change.changedOn()).isPresent();
                if (isHeld) {
                    conflict = differs(row, "LS", "the legal status from " + change.changedOn(),
                            held.legalChangeOn(change.changedOn()).get(), change.legalStatus());
                }
            } else if (command instanceof ChangePlacement move) {
                isHeld = held.moveOn(move.changedOn()).isPresent();
                if (isHeld) {
                    HeldHistory.Move was = held.moveOn(move.changedOn()).get();
                    conflict = differs(row, "PLACE", "the placement from " + move.changedOn(), was.placement(),
                            move.placement());
                    if (conflict.isEmpty() && was.carerChanged() != null && move.carerChanged() != null
                            && !was.carerChanged().equals(move.carerChanged())) {
                        conflict = differs(row, "RNE", "whether the move on " + move.changedOn()
                                + " was to another carer", was.carerChanged() ? "P (another carer)" : "T (same carer)",
                                move.carerChanged() ? "P (another carer)" : "T (same carer)");
                    }
                }
            } else if (command instanceof EndPeriodOfCare end) {
                // the period the files started, or where they continue one Oversight holds, the one it holds then
                Optional<Period> period = periodStart == null ? held.periodOf(end.endedOn())
                        : held.periodStartedOn(periodStart);
                isHeld = period.isPresent() && period.get().endedOn() != null;
                if (isHeld) {
                    String of = "the end of the period of care started on " + periodStart;
                    conflict = differs(row, "DEC", of, period.get().endedOn(), end.endedOn())
                            .or(() -> differs(row, "REC", "the reason for " + of, period.get().reason(),
                                    end.reason()));
                }
            } else if (command instanceof HoldLookedAfterReview review) {
                isHeld = held.reviewOn(review.heldOn()).isPresent();
                if (isHeld) {
                    conflict = differs(row, "REVIEW_CODE", "the participation code of the review held on "
                            + review.heldOn(), held.reviewOn(review.heldOn()).get(), review.participation());
                }
            } else if (command instanceof RecordStrategyDiscussion discussion) {
                isHeld = held.enquiryOn(discussion.strategyDiscussionOn());
                held.enquiryIdOn(discussion.strategyDiscussionOn())
                        .ifPresent(id -> heldEnquiries.put(discussion.enquiryId(), id));
            } else if (command instanceof RecordConferenceFromReturn conference) {
                isHeld = held.conferenceOn(conference.heldOn(), conference.review());
                if (isHeld) {
                    conflict = categoryDiffers(held, row, conference);
                }
            } else if (command instanceof EndChildProtectionPlanFromReturn end) {
                isHeld = held.planEndedOn(end.endDate());
            } else {
                isHeld = false;
            }
            if (conflict.isPresent()) {
                conflicts.add(conflict.get());
            } else if (!isHeld) {
                Optional<Conflict> early = beforeHeld(held, step);
                if (early.isPresent()) {
                    conflicts.add(early.get());
                } else {
                    fresh.add(withHeldEnquiry(step, heldEnquiries));
                }
            }
        }
        return new Result(fresh, conflicts);
    }

    /** A conference that concludes an enquiry Oversight holds names that enquiry, not the files' new name for it. */
    private static PlannedStep withHeldEnquiry(PlannedStep step, java.util.Map<String, String> heldEnquiries) {
        if (step.command() instanceof RecordConferenceFromReturn c && c.enquiryId() != null
                && heldEnquiries.containsKey(c.enquiryId())) {
            return new PlannedStep(step.on(), step.order(), new RecordConferenceFromReturn(c.childId(),
                    c.conferenceId(), c.review(), c.heldOn(), heldEnquiries.get(c.enquiryId()), c.initialCategory(),
                    c.previousPlans(), c.latestCategory(), c.reportedIn()), step.source());
        }
        return step;
    }

    /**
     * A conference Oversight holds, set against what the files say it decided: whether an initial conference made a
     * plan and under which category of abuse, and the category a review left the plan under (when the files say).
     */
    private static Optional<Conflict> categoryDiffers(HeldHistory held, SourceRow row,
            RecordConferenceFromReturn conference) {
        LocalDate on = conference.heldOn();
        if (conference.review()) {
            if (conference.latestCategory() == null) {
                return Optional.empty();
            }
            return held.categoryOn(on).flatMap(category -> differs(row, "LatestCategoryOfAbuse",
                    "the category of abuse after the review conference on " + on, category,
                    conference.latestCategory()));
        }
        Optional<CategoryOfAbuse> plan = held.planStartedOn(on);
        if (plan.isPresent() && conference.initialCategory() != null) {
            return differs(row, "InitialCategoryOfAbuse", "the initial category of abuse of the plan made on " + on,
                    plan.get(), conference.initialCategory());
        }
        if (plan.isPresent() != (conference.initialCategory() != null)) {
            String heldSays = plan.map(c -> "a plan under " + c).orElse("no plan");
            String fileSays = conference.initialCategory() == null ? "no plan"
                    : "a plan under " + conference.initialCategory();
            String field = plan.isPresent() ? "DateOfInitialCPC" : "InitialCategoryOfAbuse";
            return Optional.of(new Conflict(row, field, RULE, heldSays, fileSays, "Oversight holds that the initial "
                    + "conference on " + on + " made " + heldSays + " where the file has " + fileSays + "; what "
                    + "Oversight holds is kept: correct whichever is wrong and import again"));
        }
        return Optional.empty();
    }

    private static Optional<Conflict> differs(SourceRow row, String field, String what, Object held, Object inFile) {
        if (Objects.equals(String.valueOf(held), String.valueOf(inFile))) {
            return Optional.empty();
        }
        return Optional.of(new Conflict(row, field, RULE, String.valueOf(held), String.valueOf(inFile),
                "Oversight holds " + held + " as " + what + " where the file has " + inFile
                        + "; what Oversight holds is kept: correct whichever is wrong and import again"));
    }

    /** A new fact dated before the latest one its journey holds: a conflict with the order of the record. */
    private static Optional<Conflict> beforeHeld(HeldHistory held, PlannedStep step) {
        String stream = streamOf(held.childId(), step.command());
        if (stream == null) {
            return Optional.empty();
        }
        Optional<LocalDate> latest = held.latestIn(stream);
        if (latest.isEmpty() || !step.on().isBefore(latest.get())) {
            return Optional.empty();
        }
        String field = dateField(step);
        return Optional.of(new Conflict(step.source(), field, ORDER_RULE, String.valueOf(latest.get()),
                String.valueOf(step.on()),
                "This fact of " + step.on() + " is not in Oversight, whose record of the child's "
                        + (stream.startsWith(StreamIds.CARE) ? "care" : "protection") + " already runs to "
                        + latest.get() + "; Oversight adds facts in the order they happened, so an earlier one "
                        + "cannot be put after later ones: record it in Oversight as a correction, or correct the "
                        + "source"));
    }

    /** The stream a command is judged in: the care or protection journey (the case itself takes no fact). */
    static String streamOf(String childId, Object command) {
        String name = command.getClass().getPackageName();
        if (name.endsWith(".lookedafter")) {
            return StreamIds.careOf(childId);
        }
        if (name.endsWith(".protection")) {
            return StreamIds.protectionOf(childId);
        }
        return null;
    }

    /** The column that dates the step in its row. */
    static String dateField(PlannedStep step) {
        return switch (step.source().table()) {
            case SSDA903_EPISODES -> step.command() instanceof EndPeriodOfCare ? "DEC" : "DECOM";
            case SSDA903_REVIEWS -> "REVIEW";
            case CIN_SECTION47 -> step.command() instanceof RecordStrategyDiscussion ? "S47ActualStartDate"
                    : "DateOfInitialCPC";
            case CIN_PLAN -> step.command().getClass().getSimpleName().contains("End") ? "CPPendDate"
                    : "CPPstartDate";
            case CIN_PLAN_REVIEW -> "CPPreviewDate";
            default -> null;
        };
    }
}
