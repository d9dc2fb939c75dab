package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.Identifier;

/** Record that a review's decisions were sent out (the decision letter). */
public record RecordDecisionsSent(
        @NotBlank @Identifier String childId,
        @NotBlank(message = "Select the review") @Identifier String reviewId,
        @NotNull(message = "Enter the date the decisions were sent") LocalDate sentOn) {

    /** The child's looked-after journey, where this command is handled. */
    @TargetAggregateIdentifier
    String journeyId() {
        return LookedAfterIds.journeyOf(childId);
    }
}
