package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.Username;

/** Record that the child's personal education plan was put in place or reviewed at a PEP meeting. */
public record RecordEducationPlan(
        @NotBlank @Identifier String childId,
        @NotNull(message = "Enter the date of the PEP meeting") LocalDate heldOn,
        @NotBlank(message = "Select the IRO") @Username("The IRO") String iroId) {

    /** The child's looked-after journey, where this command is handled. */
    @TargetAggregateIdentifier
    String journeyId() {
        return LookedAfterIds.journeyOf(childId);
    }
}
