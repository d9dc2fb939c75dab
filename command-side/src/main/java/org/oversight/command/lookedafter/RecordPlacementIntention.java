package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.Identifier;

/** Record whether the child's current placement is intended to last until they are 18 (reg 28(2)(c)). */
public record RecordPlacementIntention(
        @NotBlank @Identifier String childId,
        @NotNull(message = "Enter the date of the decision") LocalDate decidedOn,
        boolean untilEighteen) {

    /** The child's looked-after journey, where this command is handled. */
    @TargetAggregateIdentifier
    String journeyId() {
        return LookedAfterIds.journeyOf(childId);
    }
}
