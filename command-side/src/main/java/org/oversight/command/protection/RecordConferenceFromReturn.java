package org.oversight.command.protection;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.ShortText;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.protection.CategoryOfAbuse;

/**
 * Record a conference as a statutory return reports it, for a child whose history is imported: an initial
 * conference (making a plan when {@code initialCategory} is given) or a review of the open plan. The return does
 * not say who attended, so the conference is recorded with its quoracy not known; a chair records a conference
 * with its attendance instead, so only an import may send this.
 *
 * @param review          a review of the open plan rather than an initial conference
 * @param enquiryId       the section 47 enquiry an initial conference concluded, when the return links them
 * @param initialCategory the category of abuse of the plan an initial conference made; {@code null} for none
 * @param previousPlans   how many plans the child had before the one made (CIN {@code NumberOfPreviousCPP})
 * @param latestCategory  the plan's category after a review, when the return gives it
 * @param reportedIn      the return, as a reader names it ("the 2024 census")
 */
@Access(Operation.IMPORT_HISTORY)
public record RecordConferenceFromReturn(
        @NotBlank @Identifier String childId,
        @NotBlank @Identifier String conferenceId,
        boolean review,
        @NotNull(message = "Enter the date of the conference") LocalDate heldOn,
        @Identifier String enquiryId,
        CategoryOfAbuse initialCategory,
        @Min(value = 0, message = "The number of previous plans cannot be negative") int previousPlans,
        CategoryOfAbuse latestCategory,
        @NotBlank(message = "Name the return the conference was reported in")
        @ShortText("The return") String reportedIn) {

    /** The child's protection journey, where this command is handled. */
    @TargetAggregateIdentifier
    String protectionId() {
        return ProtectionIds.protectionOf(childId);
    }
}
