package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.Identifier;

/** Correct the participation code a review was recorded with, saying why the record was wrong. */
public record CorrectParticipation(
        @NotBlank @Identifier String childId,
        @NotBlank(message = "Select the review") @Identifier String reviewId,
        @NotNull(message = "Select how the child took part in the review") ParticipationCode correctedTo,
        @NotBlank(message = "Enter why the recorded participation was wrong")
        @FreeText("The reason")
        String reason) {

    /** The child's looked-after journey, where this command is handled. */
    @TargetAggregateIdentifier
    String journeyId() {
        return LookedAfterIds.journeyOf(childId);
    }
}
