package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.Username;
import org.oversight.events.lookedafter.HealthCheck;

/** Record that the child had a health assessment or dental check. */
public record RecordHealthCheck(
        @NotBlank @Identifier String childId,
        @NotNull(message = "Select which health check it was") HealthCheck check,
        @NotNull(message = "Enter the date of the health check") LocalDate heldOn,
        @NotBlank(message = "Select the IRO") @Username("The IRO") String iroId) {

    /** The child's looked-after journey, where this command is handled. */
    @TargetAggregateIdentifier
    String journeyId() {
        return LookedAfterIds.journeyOf(childId);
    }
}
