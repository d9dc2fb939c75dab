package org.oversight.command.escalation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * Raise a concern with the local authority about one child or a sibling group: informally (an "IRO alert",
 * no level) or formally at one of the authority's levels. The chair is the signed-in user, never a form field.
 */
public record RaiseEscalation(
        @NotNull @Pattern(regexp = EscalationIds.PATTERN) String escalationId,
        @NotEmpty(message = "Select at least one child") List<@NotBlank String> childIds,
        @NotBlank(message = "Select the local authority") String localAuthority,
        @NotBlank(message = "Select what the concern is about") String concernCategory,
        @NotBlank(message = "Enter what you are asking the local authority to do")
        @Size(max = 2000, message = "What you are asking must be 2000 characters or fewer")
        String asked,
        boolean formal,
        String level,
        @NotNull(message = "Enter the date the escalation was raised") LocalDate raisedOn,
        @NotBlank String raisedBy) {

    /** A new escalation with a fresh id; blank optional answers become absent. */
    public static RaiseEscalation of(List<String> childIds, String localAuthority, String concernCategory,
            String asked, boolean formal, String level, LocalDate raisedOn, String raisedBy) {
        return new RaiseEscalation(EscalationIds.next(), childIds, localAuthority, concernCategory,
                Answers.stripped(asked), formal, Answers.present(level), raisedOn, raisedBy);
    }
}
