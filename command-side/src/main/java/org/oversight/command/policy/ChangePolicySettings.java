package org.oversight.command.policy;

import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.events.policy.PolicySettings;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.Code;

/** Record a local authority's timescales as they apply from a date; every setting is given, not only changes. */
@Access(Operation.CHANGE_SETTINGS)
public record ChangePolicySettings(
        @TargetAggregateIdentifier @NotBlank @Code("The policy") String policyId,
        @NotBlank(message = "Select a local authority") @Code("The local authority") String localAuthority,
        @NotNull(message = "Enter the date the settings take effect") LocalDate effectiveFrom,
        @NotNull(message = "Enter the settings") PolicySettings settings,
        @NotBlank(message = "Enter why the settings are changing")
        @FreeText("The reason") String reason) {

    public static ChangePolicySettings of(String localAuthority, LocalDate effectiveFrom, PolicySettings settings,
            String reason) {
        return new ChangePolicySettings(PolicyIds.policyId(localAuthority), localAuthority, effectiveFrom, settings,
                reason);
    }

    /** The escalation levels' response times, never {@code null}. */
    public Map<String, Integer> escalationResponses() {
        return settings == null ? Map.of() : settings.escalationResponseWorkingDays();
    }
}
