package org.oversight.command.escalation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.Identifier;

/** Reject the latest response at the escalation's current level, saying why it does not meet the child's needs. */
public record RejectEscalationResponse(
        @TargetAggregateIdentifier @NotBlank @Identifier String escalationId,
        @NotNull(message = "Enter the date you rejected the response") LocalDate rejectedOn,
        @NotBlank(message = "Enter why the response is rejected")
        @FreeText("The reason")
        String reason) {
}
