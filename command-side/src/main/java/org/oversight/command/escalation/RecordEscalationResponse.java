package org.oversight.command.escalation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record the local authority's response at the escalation's current level. The level is the one the chair saw
 * on the form ({@code null} for an informal alert), so a response typed against a level the escalation has
 * since left is refused rather than filed under the wrong level.
 */
public record RecordEscalationResponse(
        @TargetAggregateIdentifier @NotBlank String escalationId,
        String level,
        @NotNull(message = "Enter the date the response was received") LocalDate receivedOn,
        @NotBlank(message = "Enter who responded")
        @Size(max = 200, message = "Who responded must be 200 characters or fewer")
        String respondent,
        @NotBlank(message = "Enter what the response agreed to do")
        @Size(max = 2000, message = "What was agreed must be 2000 characters or fewer")
        String agreed) {
}
