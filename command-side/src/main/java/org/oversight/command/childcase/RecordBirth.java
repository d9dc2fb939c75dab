package org.oversight.command.childcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that a child registered before birth has been born. */
public record RecordBirth(
        @TargetAggregateIdentifier @NotBlank String childId,
        @NotNull(message = "Enter the date of birth") LocalDate dateOfBirth) {
}
