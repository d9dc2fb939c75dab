package org.oversight.command.protection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.Identifier;
import org.oversight.events.protection.ConferencePaper;

/** Record that one of a conference's papers was sent. */
public record RecordConferencePaperSent(
        @NotBlank @Identifier String childId,
        @NotBlank(message = "Select the conference") @Identifier String conferenceId,
        @NotNull(message = "Select which paper was sent") ConferencePaper paper,
        @NotNull(message = "Enter the date it was sent") LocalDate sentOn) {

    /** The child's protection journey, where this command is handled. */
    @TargetAggregateIdentifier
    String protectionId() {
        return ProtectionIds.protectionOf(childId);
    }
}
