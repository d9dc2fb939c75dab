package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.command.fields.Identifier;

/** Record that the legal status of a looked-after child changed inside their open period of care. */
public record ChangeLegalStatus(
        @NotBlank @Identifier String childId,
        @NotNull(message = "Enter the date the legal status changed") LocalDate changedOn,
        @NotNull(message = "Select the new legal status") LegalStatus legalStatus) {

    /** The child's looked-after journey, where this command is handled. */
    @TargetAggregateIdentifier
    String journeyId() {
        return LookedAfterIds.journeyOf(childId);
    }
}
