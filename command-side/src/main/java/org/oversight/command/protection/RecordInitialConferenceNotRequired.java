package org.oversight.command.protection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.Identifier;

/** Record that a section 47 enquiry concluded without the need for an initial conference. */
public record RecordInitialConferenceNotRequired(
        @NotBlank @Identifier String childId,
        @NotBlank(message = "Select the enquiry") @Identifier String enquiryId,
        @NotNull(message = "Enter the date of the decision") LocalDate decidedOn,
        @NotBlank(message = "Enter why no initial conference is needed")
        @FreeText("The reason")
        String reason) {

    /** The child's protection journey, where this command is handled. */
    @TargetAggregateIdentifier
    String protectionId() {
        return ProtectionIds.protectionOf(childId);
    }
}
