package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.Username;
import org.oversight.events.lookedafter.ChildChairing;

/** Record that the child chaired, or co-chaired, one of their reviews. */
public record RecordChildChairing(
        @NotBlank @Identifier String childId,
        @NotBlank(message = "Select the review") @Identifier String reviewId,
        @NotNull(message = "Select whether the child chaired or co-chaired the review") ChildChairing chairing,
        @NotBlank(message = "Select the IRO") @Username("The IRO") String iroId) {

    /** The child's looked-after journey, where this command is handled. */
    @TargetAggregateIdentifier
    String journeyId() {
        return LookedAfterIds.journeyOf(childId);
    }
}
