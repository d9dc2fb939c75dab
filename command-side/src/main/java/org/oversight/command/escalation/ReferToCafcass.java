package org.oversight.command.escalation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.Identifier;

/** Record that the chair referred the child's case to Cafcass; the escalation itself stays open. */
public record ReferToCafcass(
        @TargetAggregateIdentifier @NotBlank @Identifier String escalationId,
        @NotNull(message = "Enter the date of the referral to Cafcass") LocalDate referredOn,
        @NotBlank(message = "Enter why the case is referred to Cafcass")
        @FreeText("The reason")
        String reason) {
}
