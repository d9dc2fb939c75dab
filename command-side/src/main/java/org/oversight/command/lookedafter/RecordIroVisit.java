package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.Username;

/** Record that the IRO visited or was in contact with the child. */
public record RecordIroVisit(
        @NotBlank @Identifier String childId,
        @NotNull(message = "Enter the date of the visit or contact") LocalDate visitedOn,
        boolean faceToFace,
        @NotBlank(message = "Select the IRO who visited") @Username("The IRO") String iroId) {

    /** The child's looked-after journey, where this command is handled. */
    @TargetAggregateIdentifier
    String journeyId() {
        return LookedAfterIds.journeyOf(childId);
    }
}
