package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.Identifier;

/** Correct the date a review was recorded as held on, saying why the record was wrong. */
public record CorrectReviewDate(
        @NotBlank @Identifier String childId,
        @NotBlank(message = "Select the review") @Identifier String reviewId,
        @NotNull(message = "Enter the date the review was held") LocalDate correctedTo,
        @NotBlank(message = "Enter why the recorded date was wrong")
        @FreeText("The reason")
        String reason) {

    /** The child's looked-after journey, where this command is handled. */
    @TargetAggregateIdentifier
    String journeyId() {
        return LookedAfterIds.journeyOf(childId);
    }
}
