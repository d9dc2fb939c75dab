package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.events.lookedafter.ConsultationMethod;
import org.oversight.events.lookedafter.PrivateConversation;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.Username;

/**
 * Record that the IRO consulted the child ahead of their next review, and whether they spoke to the child in
 * private (reg 36 of SI 2010/959).
 */
public record RecordConsultation(
        @NotBlank @Identifier String childId,
        @NotNull(message = "Enter the date the child was consulted") LocalDate consultedOn,
        @NotNull(message = "Select how the child was consulted") ConsultationMethod method,
        boolean seenAlone,
        @NotBlank(message = "Select the IRO who consulted the child") @Username("The IRO") String iroId,
        @NotNull(message = "Select whether you spoke to the child in private, or why not")
        PrivateConversation privateConversation) {

    /** The child's looked-after journey, where this command is handled. */
    @TargetAggregateIdentifier
    String journeyId() {
        return LookedAfterIds.journeyOf(childId);
    }
}
