package org.oversight.command.protection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalDate;
import java.util.List;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ChildsView;
import org.oversight.events.protection.ConferenceOutcome;
import org.oversight.events.protection.ConferenceType;
import org.oversight.command.fields.ShortText;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.Username;

/**
 * Record an initial, pre-birth or transfer-in conference and what it decided for each child considered at it.
 * A conference about a sibling group is one command: every child's decision is recorded, or none is.
 */
public record HoldInitialConference(
        @NotBlank @Identifier String conferenceId,
        @NotNull(message = "Select the type of conference") ConferenceType type,
        @NotNull(message = "Enter the date of the conference") LocalDate heldOn,
        @NotNull(message = "Record the agencies that attended")
        List<@NotBlank @ShortText("An agency") String> attendingAgencies,
        @NotBlank(message = "Select the chair") @Username("The chair") String chairId,
        @NotEmpty(message = "Record the decision for at least one child") List<@Valid @NotNull ChildDecision> decisions) {

    /**
     * What the conference decided for one child.
     *
     * @param enquiryId       the section 47 enquiry the conference concludes; none for a transfer-in
     * @param initialCategory the category of abuse when the outcome is a plan
     * @param previousPlans   how many plans the child had before, anywhere (CIN {@code NumberOfPreviousCPP})
     */
    public record ChildDecision(
            @NotBlank @Identifier String childId,
            @Identifier("The enquiry") String enquiryId,
            @NotNull(message = "Select whether the child becomes subject to a plan") ConferenceOutcome outcome,
            CategoryOfAbuse initialCategory,
            @PositiveOrZero(message = "The number of previous plans cannot be negative") int previousPlans,
            @NotNull(message = "Record how the child's views reached the conference") ChildsView childsView) {
    }

    public List<String> childIds() {
        return decisions.stream().map(ChildDecision::childId).toList();
    }
}
