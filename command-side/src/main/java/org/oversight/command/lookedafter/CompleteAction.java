package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.Identifier;

/** Record that a care plan action was done. */
public record CompleteAction(
        @NotBlank @Identifier String childId,
        @NotBlank(message = "Select the action") @Identifier String actionId,
        @NotNull(message = "Enter the date the action was done") LocalDate completedOn) {

    /** The child's looked-after journey, where this command is handled. */
    @TargetAggregateIdentifier
    String journeyId() {
        return LookedAfterIds.journeyOf(childId);
    }
}
