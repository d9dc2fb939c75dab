package org.oversight.command.policy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.Code;
import org.oversight.command.fields.FreeText;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;

/** Set a local authority's timescales for a child protection conference's papers, from a date onwards. */
@Access(Operation.CHANGE_SETTINGS)
public record SetConferencePaperworkTimescales(
        @TargetAggregateIdentifier @NotBlank @Code("The policy") String policyId,
        @NotBlank(message = "Select a local authority") @Code("The local authority") String localAuthority,
        @NotNull(message = "Enter the date the timescales take effect") LocalDate effectiveFrom,
        int decisionsWorkingDays,
        int minutesWorkingDays,
        @NotBlank(message = "Enter why the timescales change") @FreeText("The reason") String reason) {

    public static SetConferencePaperworkTimescales of(String localAuthority, LocalDate effectiveFrom,
            int decisionsWorkingDays, int minutesWorkingDays, String reason) {
        return new SetConferencePaperworkTimescales(PolicyIds.policyId(localAuthority), localAuthority,
                effectiveFrom, decisionsWorkingDays, minutesWorkingDays, reason);
    }
}
