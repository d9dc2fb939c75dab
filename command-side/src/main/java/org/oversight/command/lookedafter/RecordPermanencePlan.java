package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.events.lookedafter.PermanencePlan;
import org.oversight.command.fields.Identifier;

/** Record the child's permanence plan, or a change to it, in their open period of care. */
public record RecordPermanencePlan(
        @NotBlank @Identifier String childId,
        @NotNull(message = "Enter the date the plan was made") LocalDate recordedOn,
        @NotNull(message = "Select the permanence plan") PermanencePlan plan) {

    /** The child's looked-after journey, where this command is handled. */
    @TargetAggregateIdentifier
    String journeyId() {
        return LookedAfterIds.journeyOf(childId);
    }
}
