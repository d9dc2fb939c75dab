package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.Identifier;

/** Record that a review's record was sent out, and whether a child-friendly version went with it. */
public record RecordReviewDistribution(
        @NotBlank @Identifier String childId,
        @NotBlank(message = "Select the review") @Identifier String reviewId,
        @NotNull(message = "Enter the date the record was sent") LocalDate distributedOn,
        boolean childFriendlyVersion) {

    /** The child's looked-after journey, where this command is handled. */
    @TargetAggregateIdentifier
    String journeyId() {
        return LookedAfterIds.journeyOf(childId);
    }
}
