package org.oversight.command.policy;

import jakarta.validation.constraints.NotBlank;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.Code;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.PhoneNumber;
import org.oversight.command.fields.ShortText;
import org.oversight.command.fields.WebAddress;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;

/**
 * Record whom the authority's looked-after children contact for an advocate and to complain, as the letter after
 * each review names them. Each service has a name, and a phone number, a web address or both.
 */
@Access(Operation.CHANGE_SETTINGS)
public record ChangeAdvocacyAndComplaintsContacts(
        @TargetAggregateIdentifier @NotBlank @Code("The policy") String policyId,
        @NotBlank(message = "Select a local authority") @Code("The local authority") String localAuthority,
        @NotBlank(message = "Enter the advocacy service's name") @ShortText("The advocacy service's name")
        String advocacyService,
        @ShortText("The advocacy service's phone number") @PhoneNumber("The advocacy service's phone number")
        String advocacyPhone,
        @ShortText("The advocacy service's web address") @WebAddress("The advocacy service's web address")
        String advocacyWebAddress,
        @NotBlank(message = "Enter the name of the team that takes children's complaints")
        @ShortText("The complaints team's name") String complaintsTeam,
        @ShortText("The complaints team's phone number") @PhoneNumber("The complaints team's phone number")
        String complaintsPhone,
        @ShortText("The complaints team's web address") @WebAddress("The complaints team's web address")
        String complaintsWebAddress,
        @NotBlank(message = "Enter why the contacts are recorded") @FreeText("The reason") String reason) {

    public static ChangeAdvocacyAndComplaintsContacts of(String localAuthority, String advocacyService,
            String advocacyPhone, String advocacyWebAddress, String complaintsTeam, String complaintsPhone,
            String complaintsWebAddress, String reason) {
        return new ChangeAdvocacyAndComplaintsContacts(PolicyIds.policyId(localAuthority), localAuthority,
                advocacyService, advocacyPhone, advocacyWebAddress, complaintsTeam, complaintsPhone,
                complaintsWebAddress, reason);
    }
}
