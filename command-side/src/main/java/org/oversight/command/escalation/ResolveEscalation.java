package org.oversight.command.escalation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.Identifier;

/** Close the escalation as resolved at its current level, saying what changed for the child. */
public record ResolveEscalation(
        @TargetAggregateIdentifier @NotBlank @Identifier String escalationId,
        @NotNull(message = "Enter the date the escalation was resolved") LocalDate resolvedOn,
        @NotBlank(message = "Enter the outcome for the child")
        @FreeText("The outcome")
        String outcomeForChild,
        @NotNull(message = "Select whether the escalation was resolved in the child's interest")
        Boolean resolvedInChildsInterest) {
}
