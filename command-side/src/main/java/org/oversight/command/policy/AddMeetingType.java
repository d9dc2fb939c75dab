package org.oversight.command.policy;

import jakarta.validation.constraints.NotBlank;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.Code;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.ShortText;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;

/**
 * Add a type of meeting a local authority's IROs chair, beside the built-in ones. Its reason is named apart from the
 * timescales' {@code reason}, since both forms are on the authority's settings page.
 */
@Access(Operation.CHANGE_SETTINGS)
public record AddMeetingType(
        @TargetAggregateIdentifier @NotBlank @Code("The policy") String policyId,
        @NotBlank(message = "Select a local authority") @Code("The local authority") String localAuthority,
        @NotBlank(message = "Enter a code for the meeting type") @Identifier String code,
        @NotBlank(message = "Enter the meeting type's title") @ShortText("The title") String title,
        @NotBlank(message = "Enter why the meeting type is added") @FreeText("The reason") String addedBecause) {

    public static AddMeetingType of(String localAuthority, String code, String title, String addedBecause) {
        return new AddMeetingType(PolicyIds.policyId(localAuthority), localAuthority, code, title, addedBecause);
    }
}
