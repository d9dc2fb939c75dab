package org.oversight.command.lookedafter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.RoutingKey;
import org.oversight.events.lookedafter.ParticipationCode;

/**
 * Record a looked-after review with the care plan actions agreed at it: the review and its actions are recorded
 * together or not at all. The review's identifier is chosen when the form is shown, so a form submitted twice is
 * refused rather than recorded twice.
 */
public record HoldLookedAfterReview(
        @RoutingKey @NotBlank String childId,
        @NotBlank String reviewId,
        @NotNull(message = "Enter the date the review was held") LocalDate heldOn,
        @NotNull(message = "Select how the child took part in the review") ParticipationCode participation,
        boolean spokeToChildBeforehand,
        List<@NotBlank(message = "A decision cannot be blank")
             @Size(max = 2000, message = "A decision must be 2000 characters or fewer") String> decisions,
        List<@NotBlank(message = "A recommendation cannot be blank")
             @Size(max = 2000, message = "A recommendation must be 2000 characters or fewer") String> recommendations,
        @NotBlank(message = "Select the IRO who chaired the review") String iroId,
        List<@Valid @NotNull AgreedAction> actions) {

    public HoldLookedAfterReview {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        recommendations = recommendations == null ? List.of() : List.copyOf(recommendations);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** A SMART action agreed at the review: what, who, by when. */
    public record AgreedAction(
            @NotBlank(message = "Describe the action")
            @Size(max = 1000, message = "An action must be 1000 characters or fewer")
            String action,
            @NotBlank(message = "Enter who is responsible for the action")
            @Size(max = 200, message = "Who is responsible must be 200 characters or fewer")
            String owner,
            @NotNull(message = "Enter the date the action is due") LocalDate dueOn) {
    }

    public static HoldLookedAfterReview of(String childId, LocalDate heldOn, ParticipationCode participation,
            boolean spokeToChildBeforehand, List<String> decisions, List<String> recommendations, String iroId,
            List<AgreedAction> actions) {
        return new HoldLookedAfterReview(childId, UUID.randomUUID().toString(), heldOn, participation,
                spokeToChildBeforehand, decisions, recommendations, iroId, actions);
    }
}
