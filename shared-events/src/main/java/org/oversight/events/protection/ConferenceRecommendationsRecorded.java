package org.oversight.events.protection;

import java.util.List;
import org.oversight.events.fields.FieldRule;

/**
 * Each agency's recommendation at a conference about this child, the chair's decision, any dissent and the
 * family's views. The decision is the one the conference recorded; a review's "plan" is the plan continuing.
 *
 * @param childId         the child's case ({@link FieldRule#IDENTIFIER})
 * @param conferenceId    the conference ({@link FieldRule#IDENTIFIER})
 * @param recommendations each agency's recommendation; the dissent reasons in them are personal content
 * @param chairDecision   what the chair decided
 * @param chairCategory   the category of abuse the chair decided with a plan; {@code null} with none
 * @param familyViews     the family's views as the chair recorded them ({@link FieldRule#FREE_TEXT}); personal
 * @param recordedBy      username of the chair who recorded it ({@link FieldRule#USERNAME})
 */
public record ConferenceRecommendationsRecorded(
        String childId,
        String conferenceId,
        List<AgencyRecommendation> recommendations,
        ConferenceOutcome chairDecision,
        CategoryOfAbuse chairCategory,
        String familyViews,
        String recordedBy) {

    public ConferenceRecommendationsRecorded {
        recommendations = recommendations == null ? List.of() : List.copyOf(recommendations);
    }

    /** The agencies that dissented from the chair's decision. */
    public List<AgencyRecommendation> dissent() {
        return recommendations.stream().filter(AgencyRecommendation::dissents).toList();
    }

    /**
     * What one agency recommended at a conference, and, where it dissented from the chair's decision, why.
     *
     * @param agency        the agency ({@link org.oversight.events.fields.FieldRule#SHORT_TEXT})
     * @param recommended   plan or no plan (at a review: the plan continues, or ends)
     * @param category      the category of abuse it recommended with a plan; {@code null} with none
     * @param dissentReason why it disagreed with the chair's decision; {@code null} when it agreed
     */
    public record AgencyRecommendation(
            String agency,
            ConferenceOutcome recommended,
            CategoryOfAbuse category,
            String dissentReason) {

        public boolean dissents() {
            return dissentReason != null;
        }
    }
}
