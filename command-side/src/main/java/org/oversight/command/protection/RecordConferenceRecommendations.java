package org.oversight.command.protection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.ShortText;
import org.oversight.command.fields.Username;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ConferenceOutcome;

/**
 * Record each agency's recommendation at a conference about a child, the chair's decision, any dissent and the
 * family's views.
 */
public record RecordConferenceRecommendations(
        @NotBlank @Identifier String childId,
        @NotBlank @Identifier String conferenceId,
        @NotEmpty(message = "Record at least one agency's recommendation")
        List<@Valid @NotNull Recommendation> recommendations,
        @NotNull(message = "Select the chair's decision") ConferenceOutcome chairDecision,
        CategoryOfAbuse chairCategory,
        @FreeText("The family's views") String familyViews,
        @NotBlank @Username("The chair") String recordedBy) {

    /** One agency's recommendation; a dissent reason when it disagreed with the chair. */
    public record Recommendation(
            @NotBlank(message = "Enter the agency") @ShortText("The agency") String agency,
            @NotNull(message = "Select the agency's recommendation") ConferenceOutcome recommended,
            CategoryOfAbuse category,
            @FreeText("The reason for the dissent") String dissentReason) {
    }

    /** The child's protection journey, where this command is handled. */
    @TargetAggregateIdentifier
    String protectionId() {
        return ProtectionIds.protectionOf(childId);
    }
}
