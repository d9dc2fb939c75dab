package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.events.lookedafter.MidwayFinding;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.Username;

/** Record the IRO's check on the care plan between two reviews. */
public record RecordMidwayCheck(
        @NotBlank @Identifier String childId,
        @NotNull(message = "Enter the date of the check") LocalDate checkedOn,
        @NotNull(message = "Select what the check found") MidwayFinding finding,
        @NotBlank(message = "Select the IRO who made the check") @Username("The IRO") String iroId) {

    /** The child's looked-after journey, where this command is handled. */
    @TargetAggregateIdentifier
    String journeyId() {
        return LookedAfterIds.journeyOf(childId);
    }
}
