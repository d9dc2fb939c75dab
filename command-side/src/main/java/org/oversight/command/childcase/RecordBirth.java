package org.oversight.command.childcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.Identifier;

/** Record that a child registered before birth has been born. */
public record RecordBirth(
        @TargetAggregateIdentifier @NotBlank @Identifier String childId,
        @NotNull(message = "Enter the date of birth") LocalDate dateOfBirth) {
}
