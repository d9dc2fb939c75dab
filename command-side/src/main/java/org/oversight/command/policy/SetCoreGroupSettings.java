package org.oversight.command.policy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.Code;
import org.oversight.command.fields.FreeText;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;

/**
 * Set how a local authority's core groups are held in Oversight: from which initial conference date their
 * meetings are recorded here ({@code null}: every plan's), and the local interval between meetings from a date.
 */
@Access(Operation.CHANGE_SETTINGS)
public record SetCoreGroupSettings(
        @TargetAggregateIdentifier @NotBlank @Code("The policy") String policyId,
        @NotBlank(message = "Select a local authority") @Code("The local authority") String localAuthority,
        @NotNull(message = "Enter the date the settings take effect") LocalDate effectiveFrom,
        LocalDate recordedFrom,
        int laterIntervalWorkingDays,
        @NotBlank(message = "Enter why the settings change") @FreeText("The reason") String reason) {

    public static SetCoreGroupSettings of(String localAuthority, LocalDate effectiveFrom, LocalDate recordedFrom,
            int laterIntervalWorkingDays, String reason) {
        return new SetCoreGroupSettings(PolicyIds.policyId(localAuthority), localAuthority, effectiveFrom,
                recordedFrom, laterIntervalWorkingDays, reason);
    }
}
