package org.oversight.command.lookedafter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.ShortText;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.Username;

/**
 * Record a looked-after review with the care plan actions agreed at it: the review and its actions are recorded
 * together or not at all. The review's identifier is chosen when the form is shown, so a form submitted twice is
 * refused rather than recorded twice.
 */
public record HoldLookedAfterReview(
        @NotBlank @Identifier String childId,
        @NotBlank @Identifier String reviewId,
        @NotNull(message = "Enter the date the review was held") LocalDate heldOn,
        @NotNull(message = "Select how the child took part in the review") ParticipationCode participation,
        boolean spokeToChildBeforehand,
        List<@NotBlank(message = "A decision cannot be blank")
             @FreeText("A decision") String> decisions,
        List<@NotBlank(message = "A recommendation cannot be blank")
             @FreeText("A recommendation") String> recommendations,
        @NotBlank(message = "Select the IRO who chaired the review") @Username("The IRO") String iroId,
        List<@Valid @NotNull AgreedAction> actions) {

    public HoldLookedAfterReview {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        recommendations = recommendations == null ? List.of() : List.copyOf(recommendations);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** A SMART action agreed at the review: what, who, by when. */
    public record AgreedAction(
            @NotBlank(message = "Describe the action")
            @FreeText("An action")
            String action,
            @NotBlank(message = "Enter who is responsible for the action")
            @ShortText("Who is responsible")
            String owner,
            @NotNull(message = "Enter the date the action is due") LocalDate dueOn) {
    }

    public static HoldLookedAfterReview of(String childId, LocalDate heldOn, ParticipationCode participation,
            boolean spokeToChildBeforehand, List<String> decisions, List<String> recommendations, String iroId,
            List<AgreedAction> actions) {
        return new HoldLookedAfterReview(childId, UUID.randomUUID().toString(), heldOn, participation,
                spokeToChildBeforehand, decisions, recommendations, iroId, actions);
    }

    /** The child's looked-after journey, where this command is handled. */
    @TargetAggregateIdentifier
    String journeyId() {
        return LookedAfterIds.journeyOf(childId);
    }
}
