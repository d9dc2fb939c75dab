package org.oversight.command.protection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.Username;
import org.oversight.events.protection.InquorateDecision;

/** Record why a conference about a child was not quorate and what the chair decided about it. */
public record RecordInquorateConference(
        @NotBlank @Identifier String childId,
        @NotBlank @Identifier String conferenceId,
        @FreeText("The reason") String reason,
        @NotNull(message = "Select what the chair decided") InquorateDecision decision,
        @NotBlank @Username("The chair") String recordedBy) {

    /** The child's protection journey, where this command is handled. */
    @TargetAggregateIdentifier
    String protectionId() {
        return ProtectionIds.protectionOf(childId);
    }
}
