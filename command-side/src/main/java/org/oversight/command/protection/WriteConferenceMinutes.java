package org.oversight.command.protection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.Username;

/**
 * The chair's summary and analysis of a conference, for its outcome letter and minutes; each passage of analysis
 * says whether it is withheld from the parents' abridged minutes.
 */
public record WriteConferenceMinutes(
        @NotBlank @Identifier String childId,
        @NotBlank(message = "Select the conference") @Identifier String conferenceId,
        @NotBlank(message = "Enter the chair's summary of the conference") @FreeText("The summary") String summary,
        @NotNull List<@Valid @NotNull Passage> passages,
        @NotBlank @Username("The chair") String chairId) {

    /** One passage of analysis. */
    public record Passage(@NotBlank(message = "Enter the passage or remove it") @FreeText("A passage") String text,
            boolean withheldFromParents) {
    }

    /** The child's protection journey, where this command is handled. */
    @TargetAggregateIdentifier
    String protectionId() {
        return ProtectionIds.protectionOf(childId);
    }
}
