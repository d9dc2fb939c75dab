package org.oversight.command.escalation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.Code;

/**
 * Take the escalation to a higher level; an informal alert becomes formal at that level. Levels may be skipped,
 * and then the reason is required.
 */
public record MoveEscalationUp(
        @TargetAggregateIdentifier @NotBlank @Identifier String escalationId,
        @NotBlank(message = "Select the level to escalate to") @Code("The level") String toLevel,
        @NotNull(message = "Enter the date the escalation moved up") LocalDate movedOn,
        @FreeText("The reason") String reason) {
}
