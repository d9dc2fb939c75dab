package org.oversight.command.escalation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.Username;
import org.oversight.command.fields.Code;

/**
 * Raise a concern with the local authority about one child or a sibling group: informally (an "IRO alert",
 * no level) or formally at one of the authority's levels. The chair is the signed-in user, never a form field.
 */
public record RaiseEscalation(
        @NotNull @Identifier @Pattern(regexp = EscalationIds.PATTERN) String escalationId,
        @NotEmpty(message = "Select at least one child") List<@NotBlank @Identifier("A child") String> childIds,
        @NotBlank(message = "Select the local authority") @Code("The local authority") String localAuthority,
        @NotBlank(message = "Select what the concern is about") @Code("The concern") String concernCategory,
        @NotBlank(message = "Enter what you are asking the local authority to do")
        @FreeText("What you are asking")
        String asked,
        boolean formal,
        @Code("The level") String level,
        @NotNull(message = "Enter the date the escalation was raised") LocalDate raisedOn,
        @NotBlank @Username("The member of staff raising it") String raisedBy) {

    /** A new escalation with a fresh id; blank optional answers become absent. */
    public static RaiseEscalation of(List<String> childIds, String localAuthority, String concernCategory,
            String asked, boolean formal, String level, LocalDate raisedOn, String raisedBy) {
        return new RaiseEscalation(EscalationIds.next(), childIds, localAuthority, concernCategory,
                Answers.stripped(asked), formal, Answers.present(level), raisedOn, raisedBy);
    }
}
