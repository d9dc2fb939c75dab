package org.oversight.command.protection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.ShortText;
import org.oversight.command.fields.Username;

/** Record that another authority notified this one of a child on its plan who has moved here. */
public record RecordTransferInNotification(
        @NotBlank @Identifier String childId,
        @NotBlank @Identifier String notificationId,
        @NotNull(message = "Enter the date the notification was received") LocalDate receivedOn,
        @NotBlank(message = "Enter the authority that sent it") @ShortText("The authority") String fromAuthority,
        @NotNull(message = "Enter the date the other authority's plan started") LocalDate otherPlanStartedOn,
        @NotBlank @Username("The chair") String recordedBy) {

    /** The child's protection journey, where this command is handled. */
    @TargetAggregateIdentifier
    String protectionId() {
        return ProtectionIds.protectionOf(childId);
    }
}
