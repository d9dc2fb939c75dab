package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.Identifier;

/** Record that the looked-after child has had no allocated social worker since a day. */
public record EndSocialWorkerAllocation(
        @NotBlank @Identifier String childId,
        @NotNull(message = "Enter the first day the child had no allocated social worker") LocalDate unallocatedOn) {

    /** The child's looked-after journey, where this command is handled. */
    @TargetAggregateIdentifier
    String journeyId() {
        return LookedAfterIds.journeyOf(childId);
    }
}
