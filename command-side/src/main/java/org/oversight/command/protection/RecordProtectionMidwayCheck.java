package org.oversight.command.protection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.ShortText;
import org.oversight.events.protection.PlanMidwayFinding;

/** Record the chair's check on the child protection plan between conferences, and any alert raised from it. */
public record RecordProtectionMidwayCheck(
        @NotBlank @Identifier String childId,
        @NotNull(message = "Enter the date of the check") LocalDate checkedOn,
        @NotNull(message = "Select what the check found") PlanMidwayFinding finding,
        @ShortText("Who the alert was raised with") String alertRaisedTo) {

    /** The child's protection journey, where this command is handled. */
    @TargetAggregateIdentifier
    String protectionId() {
        return ProtectionIds.protectionOf(childId);
    }
}
