package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.Username;
import org.oversight.events.lookedafter.AdvocacyStep;

/** Record that the child was told about advocacy and complaints, or an advocate offered, referred, appointed. */
public record RecordAdvocacy(
        @NotBlank @Identifier String childId,
        @NotNull(message = "Select what happened") AdvocacyStep step,
        @NotNull(message = "Enter the date it happened") LocalDate on,
        @NotBlank(message = "Select the IRO") @Username("The IRO") String iroId) {

    /** The child's looked-after journey, where this command is handled. */
    @TargetAggregateIdentifier
    String journeyId() {
        return LookedAfterIds.journeyOf(childId);
    }
}
