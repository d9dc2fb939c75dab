package org.oversight.command.protection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.ShortText;

/**
 * Record what a conference agreed of the child's protection plan: its outcomes, its contingency plan and the SMART
 * actions it added. A review conference may agree them again; its outcomes and contingency plan then replace the
 * earlier ones, and earlier actions stand until completed, changed or cancelled.
 */
public record AgreeProtectionPlan(
        @NotBlank @Identifier String childId,
        @NotBlank(message = "Select the conference that agreed the plan") @Identifier String conferenceId,
        @NotNull(message = "Enter the plan's outcomes") List<@FreeText("An outcome") String> outcomes,
        @FreeText("The contingency plan") String contingencyPlan,
        @NotNull List<@Valid @NotNull AgreedAction> actions) {

    public AgreeProtectionPlan {
        outcomes = outcomes == null ? null : List.copyOf(outcomes);
        actions = actions == null ? null : List.copyOf(actions);
    }

    /** One SMART action: what, who and by when. */
    public record AgreedAction(
            @FreeText("An action") String action,
            @ShortText("Who is responsible") String owner,
            @NotNull(message = "Enter the date the action is due") LocalDate dueOn) {
    }

    /** The child's protection journey, where this command is handled. */
    @TargetAggregateIdentifier
    String protectionId() {
        return ProtectionIds.protectionOf(childId);
    }
}
