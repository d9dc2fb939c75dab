package org.oversight.command.protection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ChildsView;
import org.oversight.events.protection.PlanEndReason;
import org.oversight.command.fields.ShortText;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.Username;

/**
 * Record a review conference and what it decided for each child's plan. A review of a sibling group is one
 * command: every child's decision is recorded, or none is.
 */
public record HoldReviewConference(
        @NotBlank @Identifier String conferenceId,
        @NotNull(message = "Enter the date of the conference") LocalDate heldOn,
        @NotNull(message = "Record the agencies that attended")
        List<@NotBlank @ShortText("An agency") String> attendingAgencies,
        @NotBlank(message = "Select the chair") @Username("The chair") String chairId,
        @NotEmpty(message = "Record the decision for at least one child") List<@Valid @NotNull ReviewDecision> decisions) {

    /**
     * What the review decided for one child's plan.
     *
     * @param latestCategory the category of abuse from this review on; {@code null} keeps the current one
     * @param endReason      why the plan ends, when it does not continue
     */
    public record ReviewDecision(
            @NotBlank @Identifier String childId,
            boolean planContinues,
            CategoryOfAbuse latestCategory,
            PlanEndReason endReason,
            @NotNull(message = "Record how the child's views reached the conference") ChildsView childsView) {
    }

    public List<String> childIds() {
        return decisions.stream().map(ReviewDecision::childId).toList();
    }
}
