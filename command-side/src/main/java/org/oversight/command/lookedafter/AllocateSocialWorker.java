package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.PersonName;
import org.oversight.command.fields.ShortText;

/** Record the social worker allocated to a looked-after child from a day, in place of any before them. */
public record AllocateSocialWorker(
        @NotBlank @Identifier String childId,
        @NotNull(message = "Enter the date the social worker was allocated") LocalDate allocatedOn,
        @NotBlank(message = "Enter the social worker's name") @PersonName("The social worker's name") String worker,
        @ShortText("The team") String team) {

    /** The child's looked-after journey, where this command is handled. */
    @TargetAggregateIdentifier
    String journeyId() {
        return LookedAfterIds.journeyOf(childId);
    }
}
