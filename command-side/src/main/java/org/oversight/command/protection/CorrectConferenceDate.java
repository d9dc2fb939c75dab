package org.oversight.command.protection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.Identifier;

/** Correct the date a conference was recorded as held on; the original record stays. */
public record CorrectConferenceDate(
        @NotBlank @Identifier String childId,
        @NotBlank(message = "Select the conference") @Identifier String conferenceId,
        @NotNull(message = "Enter the date the conference was held") LocalDate correctedTo,
        @NotBlank(message = "Enter why the recorded date was wrong")
        @FreeText("The reason")
        String reason) {

    /** The child's protection journey, where this command is handled. */
    @TargetAggregateIdentifier
    String protectionId() {
        return ProtectionIds.protectionOf(childId);
    }
}
