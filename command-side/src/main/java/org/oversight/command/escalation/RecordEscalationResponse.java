package org.oversight.command.escalation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.ShortText;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.Code;

/**
 * Record the local authority's response at the escalation's current level. The level is the one the chair saw
 * on the form ({@code null} for an informal alert), so a response typed against a level the escalation has
 * since left is refused rather than filed under the wrong level.
 */
public record RecordEscalationResponse(
        @TargetAggregateIdentifier @NotBlank @Identifier String escalationId,
        @Code("The level") String level,
        @NotNull(message = "Enter the date the response was received") LocalDate receivedOn,
        @NotBlank(message = "Enter who responded")
        @ShortText("Who responded")
        String respondent,
        @NotBlank(message = "Enter what the response agreed to do")
        @FreeText("What was agreed")
        String agreed) {
}
