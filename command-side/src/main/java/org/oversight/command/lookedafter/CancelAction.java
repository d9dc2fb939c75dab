package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.Identifier;

/** Cancel an open care plan action that will not be done, saying why. */
public record CancelAction(
        @NotBlank @Identifier String childId,
        @NotBlank(message = "Select the action") @Identifier String actionId,
        @NotNull(message = "Enter the date the action was cancelled") LocalDate cancelledOn,
        @NotBlank(message = "Enter why the action is cancelled")
        @FreeText("The reason")
        String reason) {

    /** The child's looked-after journey, where this command is handled. */
    @TargetAggregateIdentifier
    String journeyId() {
        return LookedAfterIds.journeyOf(childId);
    }
}
