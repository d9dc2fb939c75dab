package org.oversight.command.childcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.Identifier;

/**
 * Record the day a looked-after child who is a mother gave birth to her own child (the SSDA903 header's
 * {@code MC_DOB}), or correct an earlier record with the reason.
 */
public record RecordMothersChildBirth(
        @TargetAggregateIdentifier @NotBlank @Identifier String childId,
        @NotNull(message = "Enter the date her child was born") LocalDate bornOn,
        @FreeText("The reason for the correction") String correctionReason) {

    /** The command as a form or a client sent it, a blank reason absent. */
    public static RecordMothersChildBirth of(String childId, LocalDate bornOn, String correctionReason) {
        return new RecordMothersChildBirth(childId, bornOn,
                correctionReason == null || correctionReason.isBlank() ? null : correctionReason.strip());
    }
}
