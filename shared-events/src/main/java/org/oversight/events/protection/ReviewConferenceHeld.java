package org.oversight.events.protection;

import java.time.LocalDate;
import java.util.List;
import org.oversight.events.fields.FieldRule;

/**
 * A review conference considered this child's plan. When the plan does not continue, a
 * {@link ChildProtectionPlanEnded} dated the same day and naming this conference follows.
 *
 * @param childId                the child's case ({@link FieldRule#IDENTIFIER})
 * @param conferenceId           identifies the conference (shared by the children reviewed at it)
 *                               ({@link FieldRule#IDENTIFIER})
 * @param planId                 the plan reviewed ({@link FieldRule#IDENTIFIER})
 * @param heldOn                 the date of the review (CIN {@code CPPreviewDate})
 * @param attendingAgencies      the agencies present, as recorded ({@link FieldRule#SHORT_TEXT})
 * @param quorate                whether children's social care and enough other agencies attended
 * @param planContinues          whether the plan continues after this review
 * @param latestCategory         the category of abuse after this review (CIN {@code LatestCategoryOfAbuse})
 * @param previousLatestCategory the latest category before this review, so a change is visible in the event
 * @param childsView             how the child took part
 * @param chairId                username of the chair ({@link FieldRule#USERNAME})
 * @param chairName              the chair's display name at the time
 * @param siblingGroup           the other children reviewed at the same conference; empty if none
 */
public record ReviewConferenceHeld(
        String childId,
        String conferenceId,
        String planId,
        LocalDate heldOn,
        List<String> attendingAgencies,
        boolean quorate,
        boolean planContinues,
        CategoryOfAbuse latestCategory,
        CategoryOfAbuse previousLatestCategory,
        ChildsView childsView,
        String chairId,
        String chairName,
        List<String> siblingGroup) {

    public ReviewConferenceHeld {
        attendingAgencies = attendingAgencies == null ? List.of() : List.copyOf(attendingAgencies);
        siblingGroup = siblingGroup == null ? List.of() : List.copyOf(siblingGroup);
    }

    public boolean categoryChanged() {
        return latestCategory != previousLatestCategory;
    }
}
