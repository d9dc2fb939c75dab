package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.events.lookedafter.ReasonPeriodEnded;
import org.oversight.command.fields.Identifier;

/** Record that a child stopped being looked after, and why. */
public record EndPeriodOfCare(
        @NotBlank @Identifier String childId,
        @NotNull(message = "Enter the date the child stopped being looked after") LocalDate endedOn,
        @NotNull(message = "Select why the child stopped being looked after") ReasonPeriodEnded reason) {

    /** The child's looked-after journey, where this command is handled. */
    @TargetAggregateIdentifier
    String journeyId() {
        return LookedAfterIds.journeyOf(childId);
    }
}
