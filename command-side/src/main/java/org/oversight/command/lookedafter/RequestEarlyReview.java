package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.events.lookedafter.EarlyReviewReason;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.Username;

/** Record that a review was asked for before its normal due date. */
public record RequestEarlyReview(
        @NotBlank @Identifier String childId,
        @NotNull(message = "Enter the date the early review was asked for") LocalDate requestedOn,
        @NotNull(message = "Select why an early review is needed") EarlyReviewReason reason,
        @NotBlank(message = "Select the IRO") @Username("The IRO") String iroId) {

    /** The child's looked-after journey, where this command is handled. */
    @TargetAggregateIdentifier
    String journeyId() {
        return LookedAfterIds.journeyOf(childId);
    }
}
